// Channel history from an export file, for `genai-bot "/digest" --history FILE`: the format is
// detected from the content, and a file that is none of the three gets a reason naming them.
// Messages come out as a live history source gives them (Slack markup kept: the summariser reads it).
import type { z } from 'zod';
import { exportWords } from '../i18n/export-words.js';
import type { Lang } from '../i18n/lang.js';
import { DiscordEnvelope, DiscordMessage, fromDiscordExport } from './export-discord.js';
import { fromJsonLine, JsonLine, lineId, parseTimestamp } from './export-jsonl.js';
import { fromSlackExport, SlackExportMessage } from './export-slack.js';
import type { ChannelMessage } from './message.js';

export type ExportFormat = 'slack' | 'discord' | 'jsonl';

export type ExportErrorCode = 'empty' | 'unrecognised' | 'bad_slack' | 'bad_discord' | 'bad_jsonl';

export type ParsedExport =
  | { ok: true; messages: ChannelMessage[]; format: ExportFormat }
  | { ok: false; reason: string; code: ExportErrorCode; detail: string };

export function parseExport(text: string): ParsedExport {
  const content = text.replace(/^\uFEFF/, '').trim();
  if (!content) return failure('empty', '');
  let whole: unknown;
  try {
    whole = JSON.parse(content);
  } catch {
    return parseJsonLines(content);
  }
  if (Array.isArray(whole)) return parseSlack(whole);
  if (isObject(whole) && 'messages' in whole) return parseDiscord(whole);
  // A JSON-lines file of one line is also one JSON object.
  if (isObject(whole) && 'user' in whole && 'ts' in whole) return parseJsonLines(content);
  return failure(
    'unrecognised',
    `(${Array.isArray(whole) ? 'an array' : typeof whole === 'object' ? 'a JSON object without a messages list' : `a JSON ${typeof whole}`})`,
  );
}

/** The reason for a failed parse in the user's language (parseExport's `reason` is English). */
export function exportErrorText(result: Extract<ParsedExport, { ok: false }>, lang: Lang): string {
  const w = exportWords(lang);
  const detail = result.detail ? ` ${result.detail}` : '';
  return `${w.what[result.code]}${detail}${result.code === 'empty' ? '' : w.stop} ${w.accepted}`;
}

// Exports can hold hundreds of thousands of messages: nothing below spreads an array into a call
// (that overflows the stack past ~120,000 items) or re-serialises what it has already parsed, and
// raw items are let go as soon as they are validated.
function parseSlack(items: unknown[]): ParsedExport {
  if (items.length && !items.every(isObject)) return failure('unrecognised', '(a JSON array whose items are not message objects)');
  const valid: SlackExportMessage[] = [];
  for (let i = 0; i < items.length; i++) {
    const parsed = SlackExportMessage.safeParse(items[i]);
    if (!parsed.success) {
      // JSON lines gathered into one array ({user, text, ts} with a numeric or ISO ts) read the same.
      if (items.every((x) => JsonLine.safeParse(x).success)) return jsonLineMessages(items.length, (n) => ({ value: items[n] }), 'item');
      return failure('bad_slack', `item ${i + 1} ${problem(parsed.error)}`);
    }
    valid.push(parsed.data);
  }
  items.length = 0;
  return { ok: true, format: 'slack', messages: fromSlackExport(valid) };
}

function parseDiscord(file: object): ParsedExport {
  const envelope = DiscordEnvelope.safeParse(file);
  if (!envelope.success) return failure('bad_discord', problem(envelope.error));
  const raw = envelope.data.messages;
  const messages: DiscordMessage[] = [];
  for (let i = 0; i < raw.length; i++) {
    const parsed = DiscordMessage.safeParse(raw[i]);
    if (!parsed.success) return failure('bad_discord', problem(parsed.error, `messages[${i}]`));
    messages.push(parsed.data);
  }
  raw.length = 0;
  return { ok: true, format: 'discord', messages: fromDiscordExport({ ...envelope.data, messages }) };
}

/** JSON lines, read one line at a time without splitting the whole text into an array first. */
function parseJsonLines(content: string): ParsedExport {
  let at = 0;
  return jsonLineMessages(
    Number.POSITIVE_INFINITY,
    () => {
      if (at > content.length) return undefined;
      let end = content.indexOf('\n', at);
      if (end === -1) end = content.length;
      const raw = content.slice(at, end);
      at = end + 1;
      if (!raw.trim()) return { blank: true };
      try {
        return { value: JSON.parse(raw) as unknown };
      } catch {
        return { broken: true };
      }
    },
    'line',
  );
}

type Entry = { value: unknown } | { blank: true } | { broken: true };

/** Messages from `count` entries (or until `next` returns undefined), numbered as `unit`s in errors. */
function jsonLineMessages(count: number, next: (index: number) => Entry | undefined, unit: 'line' | 'item'): ParsedExport {
  const messages: ChannelMessage[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < count; i++) {
    const entry = next(i);
    if (!entry) break;
    if ('blank' in entry) continue;
    if ('broken' in entry) {
      // Not JSON at all on the first line: not a JSON-lines file, so say what is accepted.
      return messages.length === 0
        ? failure('unrecognised', '(it is not JSON)')
        : failure('bad_jsonl', `${unit} ${i + 1} is not valid JSON`);
    }
    const parsed = JsonLine.safeParse(entry.value);
    if (!parsed.success)
      return failure(
        messages.length === 0 && !isObject(entry.value) ? 'unrecognised' : 'bad_jsonl',
        `${unit} ${i + 1} ${problem(parsed.error)}`,
      );
    const at = parseTimestamp(parsed.data.ts);
    if (!at) return failure('bad_jsonl', `${unit} ${i + 1} has a ts that is neither epoch seconds nor an ISO 8601 date`);
    let id = lineId(parsed.data);
    if (ids.has(id)) id = `${id}#${i + 1}`;
    ids.add(id);
    messages.push(fromJsonLine(parsed.data, id, at));
  }
  return { ok: true, format: 'jsonl', messages };
}

/** The first problem zod found, as "has no text" / "has a bad messages[3].timestamp: …". */
function problem(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0]!;
  const path = [...(prefix ? [prefix] : []), ...issue.path]
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  if (!path) return `is not an object`;
  return missing ? `has no ${path}` : `has a bad ${path}: ${issue.message}`;
}

function failure(code: ExportErrorCode, detail: string): ParsedExport {
  return { ok: false, code, detail, reason: exportErrorText({ ok: false, code, detail, reason: '' }, 'en') };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
