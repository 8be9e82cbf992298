// Reply -> Discord messages. Answers are embeds: the body as the description, key figures as
// fields, a table as a code block when it is narrow enough to stay aligned on a phone and as one
// field per row otherwise, sources and suggestions in the footer. A chart is an attached image,
// added by an edit once it is drawn (withChart): the answer never waits for it.
// Usage and error replies are plain content: short, ephemeral, read like a reply in the chat.
import { displayWidth, padEnd } from '../../core/i18n/format.js';
import { t } from '../../core/i18n/strings.js';
import { sourcesLines } from '../../core/knowledge/cite.js';
import type { Chart, KeyFigure, Reply, Table } from '../../core/reply.js';
import { EPHEMERAL, type EmbedField, type MessageBody, type MessageFile, type OutgoingMessage } from './api-types.js';
import { LIMITS, packEmbeds } from './pack.js';
import { neutraliseMentions, truncate } from './text.js';

export const CHART_FILE = 'chart.png';
const ANSWER_COLOR = 0x3b82f6;
/** Columns of monospace a code block can use before a phone wraps its lines. */
const CODE_TABLE_WIDTH = 56;
const CODE_TABLE_CHARS = 1500;
/** Discord's limit on an attachment's description (its alt text). */
const MAX_ALT = 1024;

/** Nothing the bot posts may ping anyone: not users, roles, @everyone, nor the person replied to. */
export const NO_MENTIONS = { parse: [] } as const satisfies MessageBody['allowed_mentions'];

/** User errors are shown to that user only; so is whatever a command marks private. */
export function isEphemeral(reply: Reply): boolean {
  return reply.ephemeral || reply.kind !== 'answer';
}

// The router hands out the same Reply for repeated pure requests: render each once. The messages
// are frozen, so no caller can change what the next one gets.
const rendered = new WeakMap<Reply, readonly OutgoingMessage[]>();

/** One or more messages (the first is the response, the rest follow-ups), each within every limit. */
export function renderReply(reply: Reply): readonly OutgoingMessage[] {
  let messages = rendered.get(reply);
  if (!messages) {
    messages = deepFreeze(render(reply));
    rendered.set(reply, messages);
  }
  return messages;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function render(reply: Reply): OutgoingMessage[] {
  const flags = isEphemeral(reply) ? { flags: EPHEMERAL } : {};
  if (reply.kind !== 'answer') {
    return [{ body: { content: plainText(reply), allowed_mentions: { ...NO_MENTIONS }, ...flags }, files: [] }];
  }
  const code = reply.table && tableAsCode(reply.table);
  const groups = packEmbeds({
    title: reply.title,
    color: ANSWER_COLOR,
    paragraphs: [...reply.body, ...(code ? [code] : [])],
    fields: [...reply.figures.map(figureField), ...(reply.table && !code ? tableFields(reply.table) : [])],
    footer: footerText(reply),
  });
  return groups.map((embeds) => ({
    body: { embeds, allowed_mentions: { ...NO_MENTIONS }, ...flags },
    files: [],
  }));
}

/**
 * The answer's first message with its chart: the PNG as files[0], described in attachments and
 * shown as the last embed's image. Sent as an edit of the message already showing the answer.
 */
export function withChart(message: OutgoingMessage, chart: Chart, png: Uint8Array): OutgoingMessage {
  const description = truncate(chart.alt, MAX_ALT);
  const embeds = (message.body.embeds ?? [{}]).map((embed, i, all) =>
    i === all.length - 1 ? { ...embed, image: { url: `attachment://${CHART_FILE}` } } : embed,
  );
  return {
    body: { ...message.body, embeds, attachments: [{ id: 0, filename: CHART_FILE, description }] },
    files: [{ name: CHART_FILE, data: png, contentType: 'image/png', description } satisfies MessageFile],
  };
}

function plainText(reply: Reply): string {
  const lines = [`**${reply.title}**`, ...reply.body];
  if (reply.suggestions.length) lines.push(`${t(reply.lang, 'try')}: ${reply.suggestions.join('  ·  ')}`);
  return truncate(neutraliseMentions(lines.join('\n')), LIMITS.content);
}

function figureField(figure: KeyFigure): EmbedField {
  const value = figure.cite ? `${figure.value}\n*${figure.cite}*` : figure.value;
  // Short figures sit three to a row; a long one gets the width it needs.
  return { name: figure.label, value, inline: figure.label.length <= 40 && figure.value.length <= 40 && (figure.cite?.length ?? 0) <= 32 };
}

/** The table as aligned monospace, or undefined when it would be too wide or too long for that. */
export function tableAsCode(table: Table): string | undefined {
  const clean = (cell: string) => cell.replace(/\n/g, '; ').replace(/`/g, 'ˋ');
  const rows = [table.columns, ...table.rows].map((r) => r.map(clean));
  const widths = table.columns.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  if (total > CODE_TABLE_WIDTH) return undefined;
  const line = (r: string[]) =>
    r
      .map((cell, i) => padEnd(cell, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const text = ['```', line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line), '```'].join('\n');
  return text.length <= CODE_TABLE_CHARS ? text : undefined;
}

/** One field per row: the first cell names it, the others follow under their column's heading. */
export function tableFields(table: Table): EmbedField[] {
  return table.rows.map((row) => ({
    name: row[0] ?? '',
    value: row
      .slice(1)
      .map((cell, i) => {
        const heading = table.columns[i + 1];
        return cell ? (heading ? `**${heading}**: ${cell}` : cell) : '';
      })
      .filter(Boolean)
      .join('\n'),
  }));
}

function footerText(reply: Reply): string | undefined {
  const lang = reply.lang;
  const lines: string[] = [];
  if (reply.sources.length) {
    lines.push(...sourcesLines(reply.sources, lang));
  }
  if (reply.suggestions.length) lines.push(`${t(lang, 'try')}: ${reply.suggestions.join('  ·  ')}`);
  return lines.length ? lines.join('\n') : undefined;
}
