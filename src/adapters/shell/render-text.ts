// Reply -> plain text for a terminal: a title, wrapped paragraphs, aligned key figures, a table
// (columns when it fits, one block per row when it doesn't), sources and suggestions.
import { displayWidth, padEnd } from '../../core/i18n/format.js';
import { t } from '../../core/i18n/strings.js';
import { sourcesLines } from '../../core/knowledge/cite.js';
import type { Chart, Reply, Table } from '../../core/reply.js';
import { wrap } from './wrap.js';

const MAX_LABEL_COLUMN = 28;

export function renderText(reply: Reply, width = 80): string {
  const lang = reply.lang;
  const out: string[] = [reply.title, '═'.repeat(Math.min(width, Math.max(4, displayWidth(reply.title))))];
  for (const paragraph of reply.body) out.push(...wrap(paragraph, width), '');
  if (reply.figures.length) {
    // Short labels line up in a column; a long label gets its own line with the value beneath.
    const labelWidth = Math.max(...reply.figures.map((f) => displayWidth(f.label)));
    const aligned = labelWidth <= MAX_LABEL_COLUMN;
    for (const figure of reply.figures) {
      const value = figure.cite ? `${figure.value}  [${figure.cite}]` : figure.value;
      if (aligned) {
        const head = `  ${padEnd(figure.label, labelWidth)}  `;
        const [first = '', ...rest] = wrap(value, width - displayWidth(head));
        out.push(head + first, ...rest.map((l) => ' '.repeat(displayWidth(head)) + l));
      } else {
        out.push(...wrap(figure.label, width, '  '), ...wrap(value, width, '      '));
      }
    }
    out.push('');
  }
  if (reply.table) out.push(...renderTable(reply.table, width), '');
  if (reply.chart) out.push(...renderBars(reply.chart, width), '');
  if (reply.sources.length) {
    for (const line of sourcesLines(reply.sources, lang)) out.push(...wrap(line, width));
  }
  if (reply.suggestions.length) out.push(...wrap(`${t(lang, 'try')}: ${reply.suggestions.join('  ·  ')}`, width));
  while (out.at(-1) === '') out.pop();
  return out.join('\n');
}

export function renderTable(table: Table, width: number): string[] {
  const cells = [table.columns, ...table.rows];
  const widths = table.columns.map((_, i) => Math.max(...cells.map((row) => maxLineWidth(row[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total <= width) {
    const line = (row: string[]) =>
      row
        .map((cell, i) => padEnd(cell, widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    const flat = (row: string[]) => row.map((c) => c.replace(/\n/g, '; '));
    return [line(table.columns), widths.map((w) => '─'.repeat(w)).join('  '), ...table.rows.map((r) => line(flat(r)))];
  }
  // Too wide for columns: one block per row, the first cell as its heading.
  return table.rows.flatMap((row) => [
    `• ${row[0] ?? ''}`,
    ...row.slice(1).flatMap((cell, i) => {
      const label = table.columns[i + 1];
      if (!cell) return [];
      return wrap(label ? `${label}: ${cell}` : cell, width, '    ');
    }),
  ]);
}

/** The terminal's version of a chart: its caption, then one bar per value. */
export function renderBars(chart: Chart, width: number): string[] {
  const labelWidth = Math.max(...chart.bars.map((b) => displayWidth(b.label)));
  const valueWidth = Math.max(...chart.bars.map((b) => displayWidth(b.display)));
  const room = Math.max(10, width - labelWidth - valueWidth - 6);
  return [
    ...wrap(chart.alt, width),
    ...chart.bars.map((b) => {
      const filled = Math.round(Math.min(1, Math.max(0, b.value)) * room);
      return `  ${padEnd(b.label, labelWidth)}  ${'█'.repeat(filled)}${filled ? ' ' : ''}${b.display}`;
    }),
  ];
}

function maxLineWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map(displayWidth));
}
