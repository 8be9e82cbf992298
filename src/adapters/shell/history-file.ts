// `genai-bot "/digest" --history FILE`: a channel export as the digest's history. A folder is read
// as a Slack export channel (one JSON file a day). The digest covers the export's own dates.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exportErrorText, parseExport } from '../../core/digest/exports.js';
import type { ChannelHistory, ChannelMessage } from '../../core/digest/message.js';
import { spanOf } from '../../core/digest/summarize.js';
import type { Lang } from '../../core/i18n/lang.js';

/** Largest export read, so a wrong path (a disk image, a log) fails fast instead of filling memory. */
const MAX_BYTES = 200 * 1024 * 1024;

export async function historyFromExport(
  path: string,
  lang: Lang,
): Promise<{ ok: true; history: ChannelHistory } | { ok: false; message: string }> {
  let files: string[];
  try {
    const info = await stat(path);
    files = info.isDirectory()
      ? (await readdir(path))
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(path, f))
      : [path];
  } catch (err) {
    return {
      ok: false,
      message: `${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message}`,
    };
  }
  if (files.length === 0) return { ok: false, message: `${path}: the folder holds no .json export files` };
  const messages: ChannelMessage[] = [];
  for (const file of files) {
    if ((await stat(file)).size > MAX_BYTES) return { ok: false, message: `${file}: larger than ${MAX_BYTES / 1024 / 1024} MB` };
    const parsed = parseExport(await readFile(file, 'utf8'));
    if (!parsed.ok) return { ok: false, message: `${file}: ${exportErrorText(parsed, lang)}` };
    messages.push(...parsed.messages);
  }
  const period = spanOf(messages);
  return { ok: true, history: { read: async () => ({ messages, ...(period ? { period } : {}) }) } };
}
