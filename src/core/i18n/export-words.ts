// What `genai-bot "/digest" --history FILE` says about a file it cannot read, in English and
// Chinese: what the file looked like, and the formats it accepts. The parser's detail (which line,
// which field) arrives as an argument and stays in English.
import type { ExportErrorCode } from '../digest/exports.js';
import type { Lang } from './lang.js';

export interface ExportWords {
  /** What the file looked like; the parser's detail follows, then `stop` (except for an empty file). */
  what: Record<ExportErrorCode, string>;
  stop: string;
  accepted: string;
}

const en: ExportWords = {
  what: {
    empty: 'The file is empty.',
    unrecognised: 'The file is not in a format the digest reads',
    bad_slack: 'The file looks like a Slack export day file, but',
    bad_discord: 'The file looks like a DiscordChatExporter export, but',
    bad_jsonl: 'The file looks like JSON lines, but',
  },
  stop: '.',
  accepted:
    'Accepted: a Slack export day file (a JSON array of messages with user, text and ts, such as general/2023-01-20.json), a DiscordChatExporter JSON file (an object with guild, channel and messages), or JSON lines with one {"user", "text", "ts"} object per line (ts in epoch seconds or ISO 8601).',
};

const zh: ExportWords = {
  what: {
    empty: '文件是空的。',
    unrecognised: '文件格式无法识别',
    bad_slack: '文件看起来是 Slack 导出的单日文件,但',
    bad_discord: '文件看起来是 DiscordChatExporter 导出文件,但',
    bad_jsonl: '文件看起来是 JSON Lines,但',
  },
  stop: '。',
  accepted:
    '支持的格式:Slack 导出的单日文件(由含 user、text、ts 的消息组成的 JSON 数组,例如 general/2023-01-20.json)、DiscordChatExporter 导出的 JSON 文件(含 guild、channel、messages 的对象),或每行一个 {"user", "text", "ts"} 对象的 JSON Lines(ts 为秒级时间戳或 ISO 8601)。',
};

const WORDS: Record<Lang, ExportWords> = { en, zh };

export function exportWords(lang: Lang): ExportWords {
  return WORDS[lang];
}
