// What the "Share in channel" button carries: the command to re-run, its text and the answer's
// language. Slack refuses a whole message whose button value passes 2,000 characters, so the
// value is measured as sent, after encoding. The encoding is plain ("en /ask what …"): JSON would
// escape every quote and backslash, doubling a question full of them.
import type { Lang } from '../../core/i18n/lang.js';
import { safeEnd } from './cut.js';

/** Block Kit: a button's value holds at most 2,000 characters. */
export const BUTTON_VALUE_MAX = 2000;

export interface ShareRequest {
  command: string;
  text: string;
  /** Absent only on old buttons that did not record it: the router then chooses by the text. */
  lang?: Lang;
}

/** "en /layer infra": the language, the command (neither holds a space), then the text as typed. */
export function encodeShareValue({ command, text, lang }: ShareRequest & { lang: Lang }): string {
  const value = `${lang} ${command.replace(/\s+/g, '')} ${text}`;
  // Only text past ~1,990 characters is cut (an /ask question stops at 500): the command's words come first.
  return value.length <= BUTTON_VALUE_MAX ? value : value.slice(0, safeEnd(value, BUTTON_VALUE_MAX));
}

/** The request a pressed button carries, or undefined for a value this bot did not write. */
export function decodeShareValue(value: string | undefined): ShareRequest | undefined {
  if (!value) return undefined;
  // Buttons already in channels from before this encoding carry JSON.
  if (value.startsWith('{')) return decodeJson(value);
  const match = /^(en|zh) (\/?\S+) ([\s\S]*)$/.exec(value);
  return match ? { lang: match[1] as Lang, command: match[2]!, text: match[3]! } : undefined;
}

function decodeJson(value: string): ShareRequest | undefined {
  try {
    const parsed = JSON.parse(value) as { c?: unknown; t?: unknown; l?: unknown };
    if (typeof parsed.c !== 'string' || typeof parsed.t !== 'string') return undefined;
    return { command: parsed.c, text: parsed.t, ...(parsed.l === 'en' || parsed.l === 'zh' ? { lang: parsed.l } : {}) };
  } catch {
    return undefined;
  }
}
