// `genai-bot "/digest" --history FILE`: a channel export as the digest's history. A folder is read
// as a Slack export channel (one JSON file a day). The digest covers the export's own dates.
import { readFile } from 'node:fs/promises';
import { exportErrorText, parseExport } from '../../core/digest/exports.js';
import type { ChannelHistory, ChannelMessage } from '../../core/digest/message.js';
import { spanOf } from '../../core/digest/summarize.js';
import type { Lang } from '../../core/i18n/lang.js';
import { exportByteLimit, type ByteLimit, tooLargeMessage } from './export-size.js';
import { exportFiles } from './export-folder.js';

export interface HistoryFileOptions {
  /** The most export bytes to read; by default a share of this process's heap (see export-size.ts). */
  limit?: ByteLimit;
}

export async function historyFromExport(
  path: string,
  lang: Lang,
  opts: HistoryFileOptions = {},
): Promise<{ ok: true; history: ChannelHistory } | { ok: false; message: string }> {
  const found = await exportFiles(path);
  if (!found.ok) return found;
  // Sizes are checked before a byte is read: a file too large to summarise should fail at once with
  // its size, not after filling the heap.
  const limit = opts.limit ?? exportByteLimit();
  const total = found.files.reduce((sum, f) => sum + f.size, 0);
  if (total > limit.bytes) return { ok: false, message: `${path}: ${tooLargeMessage(total, limit)}` };
  const messages: ChannelMessage[] = [];
  for (const file of found.files) {
    const parsed = parseExport(await readFile(file.path, 'utf8'));
    if (!parsed.ok) return { ok: false, message: `${file.path}: ${exportErrorText(parsed, lang)}` };
    // One at a time: spreading a large export into push() overflows the call stack.
    for (const message of parsed.messages) messages.push(message);
  }
  const period = spanOf(messages);
  return { ok: true, history: { read: async () => ({ messages, ...(period ? { period } : {}) }) } };
}
