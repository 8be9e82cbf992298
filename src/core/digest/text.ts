// Message text as people read it. Platforms store markup ("<@U123|ana>", "<!channel>", "&lt;",
// "<https://x|report>"); the digest analyses and quotes the readable form, and never quotes a
// mention that would ping anyone when the bot posts it.

const SLACK_ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * Slack and Discord markup -> readable text: "<@U1|ana>" -> "@ana", "<!here>" -> "@here",
 * "<#C1|general>" -> "#general", "<https://x|report>" -> "report", "<:party:123>" -> ":party:".
 * Entities are decoded last, so an escaped "&lt;@U1&gt;" a person typed stays text, not markup.
 */
export function readable(raw: string): string {
  let text = raw;
  if (text.includes('<')) {
    text = text.replace(/<([^<>\s][^<>]*)>/g, (whole, inner: string) => markup(inner) ?? whole);
  }
  if (text.includes('&')) text = text.replace(/&(?:lt|gt|amp);/g, (e) => SLACK_ENTITIES[e] ?? e);
  return text;
}

function markup(inner: string): string | undefined {
  const [target = '', label] = splitLabel(inner);
  if (/^@[UW][A-Z0-9]+$/.test(target)) return `@${label ?? target.slice(1)}`; // Slack user
  if (/^@!?\d+$/.test(target)) return `@${label ?? target.replace(/^@!?/, '')}`; // Discord user
  if (/^@&\d+$/.test(target)) return '@role'; // Discord role
  if (/^#[CG][A-Z0-9]+$/.test(target)) return `#${label ?? target.slice(1)}`; // Slack channel
  if (/^#\d+$/.test(target)) return '#channel'; // Discord channel
  if (/^!(channel|here|everyone)$/.test(target)) return `@${target.slice(1)}`;
  if (target.startsWith('!subteam^')) return label ? `@${label.replace(/^@/, '')}` : '@team';
  if (target.startsWith('!date^')) return label ?? '';
  if (/^a?:[\w~-]+:\d+$/.test(target)) return `:${target.split(':')[1]}:`; // Discord custom emoji
  if (/^t:\d+(:[tTdDfFR])?$/.test(target)) return new Date(Number(target.split(':')[1]) * 1000).toISOString().slice(0, 10);
  if (/^(https?|mailto):/i.test(target)) return label ?? target;
  return undefined;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1) || undefined];
}

/** The text with links replaced, for finding numbers and names (a URL's digits are not figures). */
export function analysable(readableText: string): string {
  return readableText.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' [link] ');
}

const WORD_JOINER = '\u2060';

/**
 * Makes quoted text inert wherever the bot posts it: every "@name" gets an invisible word joiner
 * after the "@" (so "@everyone", "@here", "@channel" and Slack's link_names cannot ping), and any
 * markup left in the text ("<!channel>", "<@U1>" a person typed literally) has its "<" broken the
 * same way. The text still reads the same.
 */
export function neutralise(text: string): string {
  return text.replace(/@(?=[\p{L}\p{N}_!&])/gu, `@${WORD_JOINER}`).replace(/<(?=[@!#])/g, `<${WORD_JOINER}`);
}

/** Collapses whitespace and cuts to `max` characters with a visible "…". */
export function clipText(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Where sentences end: Chinese punctuation anywhere, "!?;" runs, a "." before a space or the end, a line break. */
const SENTENCE_END = /[。！？；!?;]+|\.(?=\s|$)|\n/g;

/**
 * Sentences of a message. A "." ends one only before a space or the end ("3.8B", "jasper.ai" and
 * "e.g.x" do not); Chinese punctuation ends one anywhere; a line break always does.
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}
