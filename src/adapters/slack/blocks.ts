// Reply -> Block Kit: a header, the body as sections, key figures as fields, the table as lines,
// the chart as an image, sources and suggestions as context, and a "Share in channel" button on
// private answers. Always within Slack's limits (50 blocks, 3,000 characters a section, 10 fields
// of 2,000, 150 for a header): long content is split, and what still does not fit is cut with a
// visible "…" and a note, never rejected.
import { t } from '../../core/i18n/strings.js';
import { sourcesLines } from '../../core/knowledge/cite.js';
import type { Reply } from '../../core/reply.js';
import { cut, split, splitLines } from './cut.js';
import { escapeMrkdwn as esc, inertPlainText } from './escape.js';
import { BUTTON_VALUE_MAX, encodeShareValue } from './share-value.js';

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  text: 3000,
  buttonText: 75,
  buttonValue: BUTTON_VALUE_MAX,
  altText: 2000,
} as const;

export type Block = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const SHARE_ACTION = 'share_in_channel';

export interface RenderOptions {
  /** The command to re-run when "Share in channel" is pressed; no button without it. */
  share?: { command: string; text: string };
  /** A chart uploaded to Slack, shown as an image block. */
  chartFileId?: string;
  /** A last block the caller adds (who shared the answer), kept whatever the body has to give up. */
  footer?: Block;
}

export function renderBlocks(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(inertPlainText(reply.title), LIMITS.header), emoji: false } },
  ];
  for (const paragraph of reply.body) for (const piece of split(esc(paragraph), LIMITS.sectionText)) blocks.push(section(piece));
  for (let i = 0; i < reply.figures.length; i += LIMITS.fields) {
    const fields = reply.figures.slice(i, i + LIMITS.fields).map((f) => ({
      type: 'mrkdwn',
      text: cut(`*${esc(f.label)}*\n${esc(f.value)}${f.cite ? `  _${esc(f.cite)}_` : ''}`, LIMITS.fieldText),
    }));
    blocks.push({ type: 'section', fields });
  }
  if (reply.table) {
    const [first = '', ...rest] = reply.table.columns;
    const lines = reply.table.rows.map((row) => {
      const details = row
        .slice(1)
        .map((cell, i) => (cell ? `${rest[i] ? `${esc(rest[i])}: ` : ''}${esc(cell.replace(/\n/g, '; '))}` : ''))
        .filter(Boolean)
        .join('  ·  ');
      return `• *${esc(row[0] ?? '')}*${details ? ` — ${details}` : ''}`;
    });
    const heading = first ? `*${esc(first)}*\n` : '';
    for (const piece of splitLines(lines, LIMITS.sectionText - heading.length)) blocks.push(section(heading + piece));
  }
  if (reply.chart && options.chartFileId) {
    blocks.push({
      type: 'image',
      slack_file: { id: options.chartFileId },
      alt_text: cut(inertPlainText(reply.chart.alt), 2000),
      title: { type: 'plain_text', text: cut(inertPlainText(reply.chart.alt), 2000) },
    });
  }
  const context: string[] = [];
  if (reply.sources.length) {
    context.push(...sourcesLines(reply.sources, reply.lang));
  }
  if (reply.suggestions.length) context.push(`${t(reply.lang, 'try')}: ${reply.suggestions.map((s) => `\`${s}\``).join('  ·  ')}`);
  const contextBlock = context.length
    ? {
        type: 'context',
        elements: context.slice(0, LIMITS.contextElements).map((c) => ({ type: 'mrkdwn', text: cut(esc(c), LIMITS.fieldText) })),
      }
    : undefined;
  const actions = options.share && reply.kind === 'answer' ? shareButton(reply, options.share) : undefined;
  return {
    text: fallbackText(reply),
    blocks: fit(
      blocks,
      [contextBlock, actions, options.footer].filter((b): b is Block => Boolean(b)),
      reply,
    ),
  };
}

function shareButton(reply: Reply, share: { command: string; text: string }): Block {
  const value = encodeShareValue({ command: share.command, text: share.text, lang: reply.lang });
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: SHARE_ACTION,
        text: { type: 'plain_text', text: reply.lang === 'zh' ? '分享到频道' : 'Share in channel' },
        value,
      },
    ],
  };
}

/** Keeps the tail blocks (context, actions) and cuts the body so the total stays within 50. */
function fit(body: Block[], tail: Block[], reply: Reply): Block[] {
  const room = LIMITS.blocks - tail.length;
  if (body.length <= room) return [...body, ...tail];
  const kept = body.slice(0, room - 1);
  const note =
    reply.lang === 'zh' ? `…(还有 ${body.length - kept.length} 段未显示)` : `… (${body.length - kept.length} more sections not shown)`;
  return [...kept, section(note), ...tail];
}

/** The notification and screen-reader text: the title and the lead, plain. */
function fallbackText(reply: Reply): string {
  return cut(esc([reply.title, reply.body[0]].filter(Boolean).join('\n')), LIMITS.text);
}

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
