// Lays title, paragraphs, fields and a footer out into embeds and messages within Discord's limits.
// Whatever does not fit in MAX_MESSAGES messages is dropped with a visible "…", never an API error.
import type { Embed, EmbedField } from './api-types.js';
import { splitText, truncate } from './text.js';

/** Discord's message limits (docs: "Embed Limits"), counted in UTF-16 units to be safe. */
export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** title + description + field names and values + footer, over all embeds of one message. */
  total: 6000,
  embeds: 10,
} as const;

/** One answer is at most this many messages (the response and two follow-ups): more is a wall of text. */
export const MAX_MESSAGES = 3;
/** Our own cap on footer text, so a long source list cannot crowd out the answer. */
const MAX_FOOTER = 1024;
/** A paragraph longer than this is split; a fresh message can always hold one piece and a footer. */
const MAX_PIECE = 4000;
const ELLIPSIS = '…';

export interface Layout {
  title: string;
  color: number;
  paragraphs: string[];
  fields: EmbedField[];
  footer?: string;
}

/** Embeds grouped by message; each group satisfies every limit in LIMITS. */
export function packEmbeds(layout: Layout): Embed[][] {
  const footer = layout.footer ? truncate(layout.footer, MAX_FOOTER) : '';
  // Room kept in every message for the footer and the "…" of a cut: simpler than knowing in
  // advance which message will be the last, and it costs at most one footer's length.
  const reserve = footer.length + ELLIPSIS.length + 1;
  const messages: Embed[][] = [];
  let embeds: Embed[] = [];
  let used = 0;
  let truncated = false;

  const room = () => LIMITS.total - reserve - used;
  const current = () => embeds[embeds.length - 1]!;
  const startEmbed = (): Embed => {
    const embed: Embed = { color: layout.color };
    embeds.push(embed);
    return embed;
  };
  /** A fresh embed for an item of `size`, in this message or the next; undefined when out of messages. */
  const embedFor = (size: number): Embed | undefined => {
    if (embeds.length < LIMITS.embeds && size <= room()) return startEmbed();
    if (messages.length + 1 >= MAX_MESSAGES) return undefined;
    messages.push(embeds);
    embeds = [];
    used = 0;
    return startEmbed();
  };

  const title = truncate(layout.title, LIMITS.title);
  startEmbed().title = title;
  used += title.length;

  const pieces = layout.paragraphs.filter((p) => p.trim()).flatMap((p) => splitText(p, MAX_PIECE));
  for (const piece of pieces) {
    const embed = current();
    const sep = embed.description ? '\n\n' : '';
    if (
      !embed.fields &&
      (embed.description?.length ?? 0) + sep.length + piece.length <= LIMITS.description &&
      sep.length + piece.length <= room()
    ) {
      embed.description = (embed.description ?? '') + sep + piece;
      used += sep.length + piece.length;
      continue;
    }
    const next = embedFor(piece.length);
    if (!next) {
      truncated = true;
      break;
    }
    next.description = piece;
    used += piece.length;
  }

  for (const raw of truncated ? [] : layout.fields) {
    const field = {
      ...raw,
      name: truncate(raw.name || '\u200b', LIMITS.fieldName),
      value: truncate(raw.value || '\u200b', LIMITS.fieldValue),
    };
    const size = field.name.length + field.value.length;
    let embed: Embed | undefined = current();
    if ((embed.fields?.length ?? 0) >= LIMITS.fields || size > room()) embed = embedFor(size);
    if (!embed) {
      truncated = true;
      break;
    }
    embed.fields ??= [];
    embed.fields.push(field);
    used += size;
  }

  if (truncated) markCut(current());
  if (footer) current().footer = { text: footer };
  messages.push(embeds);
  return messages;
}

/** The reader sees that something was left out: "…" after the last thing shown. */
function markCut(embed: Embed): void {
  const last = embed.fields?.at(-1);
  if (last) last.value = withCut(last.value, LIMITS.fieldValue);
  else embed.description = embed.description ? withCut(embed.description, LIMITS.description) : ELLIPSIS;
}

function withCut(text: string, max: number): string {
  return text.length + 2 <= max ? `${text}\n${ELLIPSIS}` : truncate(text, max - 2);
}

/** The characters Discord counts against the 6000 limit, for one message's embeds. */
export function embedChars(embeds: readonly Embed[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}
