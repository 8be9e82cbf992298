// Channel history from an export file, for `genai-bot "/digest" --history FILE`: the format is
// detected from the content, and a file that is none of the three gets a reason naming them.
// Messages come out as a live history source gives them (Slack markup kept: the summariser reads it).
import type { z } from 'zod';
import { exportWords } from '../i18n/export-words.js';
import type { Lang } from '../i18n/lang.js';
import { DiscordExport, fromDiscordExport } from './export-discord.js';
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

function parseSlack(items: unknown[]): ParsedExport {
  if (items.length && !items.every(isObject)) return failure('unrecognised', '(a JSON array whose items are not message objects)');
  const messages: SlackExportMessage[] = [];
  for (const [i, item] of items.entries()) {
    const parsed = SlackExportMessage.safeParse(item);
    if (!parsed.success) {
      // JSON lines gathered into one array ({user, text, ts} with a numeric or ISO ts) read the same.
      if (items.every((x) => JsonLine.safeParse(x).success)) return parseJsonLines(items.map((x) => JSON.stringify(x)).join('\n'));
      return failure('bad_slack', `item ${i + 1} ${problem(parsed.error)}`);
    }
    messages.push(parsed.data);
  }
  return { ok: true, format: 'slack', messages: fromSlackExport(messages) };
}

function parseDiscord(file: object): ParsedExport {
  const parsed = DiscordExport.safeParse(file);
  if (!parsed.success) return failure('bad_discord', problem(parsed.error));
  return { ok: true, format: 'discord', messages: fromDiscordExport(parsed.data) };
}

function parseJsonLines(content: string): ParsedExport {
  const messages: ChannelMessage[] = [];
  const ids = new Set<string>();
  const lines = content.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON at all on the first line: not a JSON-lines file, so say what is accepted.
      return messages.length === 0 ? failure('unrecognised', '(it is not JSON)') : failure('bad_jsonl', `line ${i + 1} is not valid JSON`);
    }
    const parsed = JsonLine.safeParse(value);
    if (!parsed.success)
      return failure(messages.length === 0 && !isObject(value) ? 'unrecognised' : 'bad_jsonl', `line ${i + 1} ${problem(parsed.error)}`);
    const at = parseTimestamp(parsed.data.ts);
    if (!at) return failure('bad_jsonl', `line ${i + 1} has a ts that is neither epoch seconds nor an ISO 8601 date`);
    let id = lineId(parsed.data);
    if (ids.has(id)) id = `${id}#${i + 1}`;
    ids.add(id);
    messages.push(fromJsonLine(parsed.data, id, at));
  }
  return { ok: true, format: 'jsonl', messages };
}

/** The first problem zod found, as "has no text" / "has a bad messages[3].timestamp: …". */
function problem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path
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
