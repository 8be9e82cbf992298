// Export files: each format detected from its content, read as a live history source would give
// it, and a clear reason for anything else.
import { describe, expect, it } from 'vitest';
import { exportErrorText, parseExport, type ParsedExport } from '../src/core/digest/exports.js';
import { fixtureText } from './fixtures/digest/load.js';

function ok(result: ParsedExport): Extract<ParsedExport, { ok: true }> {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function failed(text: string): Extract<ParsedExport, { ok: false }> {
  const result = parseExport(text);
  if (result.ok) throw new Error(`parsed as ${result.format}`);
  return result;
}

describe('detecting the format', () => {
  it.each([
    ['slack-en.json', 'slack', 34],
    ['slack-zh.json', 'slack', 27],
    ['discord-en.json', 'discord', 34],
    ['discord-zh.json', 'discord', 27],
    ['jsonl-en.jsonl', 'jsonl', 34],
    ['jsonl-zh.jsonl', 'jsonl', 27],
  ] as const)('%s is %s, %i messages', (file, format, count) => {
    const parsed = ok(parseExport(fixtureText(file)));
    expect(parsed.format).toBe(format);
    expect(parsed.messages).toHaveLength(count);
  });

  it('takes a byte-order mark, CRLF line ends and a single JSON line', () => {
    expect(ok(parseExport('\uFEFF[{"type":"message","user":"U1","text":"hi","ts":"1674464400.000100"}]')).format).toBe('slack');
    expect(ok(parseExport('{"user":"a","text":"x","ts":1674464400}\r\n{"user":"b","text":"y","ts":1674464460}\r\n')).messages).toHaveLength(
      2,
    );
    expect(ok(parseExport('{"user":"a","text":"x","ts":1674464400}')).format).toBe('jsonl');
    // JSON lines gathered into one array read the same.
    expect(ok(parseExport('[{"user":"a","text":"x","ts":"2023-01-23T09:00:00Z"}]')).format).toBe('jsonl');
  });
});

describe('a Slack export day file', () => {
  const messages = ok(parseExport(fixtureText('slack-en.json'))).messages;

  it('drops joins and bot posts, and names people by their real name', () => {
    const raw = JSON.parse(fixtureText('slack-en.json')) as { subtype?: string }[];
    expect(raw).toHaveLength(36);
    expect(raw.filter((m) => m.subtype)).toHaveLength(2);
    expect(new Set(messages.map((m) => m.author))).toEqual(new Set(['Ana Souza', 'Ben Okafor', 'Chloe Martin', 'Dev Patel', 'Eli Novak']));
  });

  it('keeps Slack markup, with the names the file knows filled in', () => {
    const question = messages.find((m) => m.text.includes('durable moat'))!;
    expect(question.text).toBe('<@U04DEV|Dev Patel> does Nvidia have a durable moat?');
    expect(messages.find((m) => m.text.includes('market sync'))!.text).toBe(
      '<!channel> reminder: market sync at 3pm, bring your questions.',
    );
  });

  it('reads ts as time and id, threads, reply counts and reactions', () => {
    const root = messages.find((m) => m.text.startsWith('Honestly inference'))!;
    expect(root).toMatchObject({ id: '1674465303.000103', replyCount: 3, reactions: 7 });
    expect(root.at.toISOString()).toBe('2023-01-23T09:15:03.000Z');
    expect(root.threadId).toBeUndefined();
    const replies = messages.filter((m) => m.threadId === root.id);
    expect(replies.map((m) => m.author)).toEqual(['Ana Souza', 'Ben Okafor', 'Dev Patel']);
    expect(root.link).toBeUndefined();
  });
});

describe('a DiscordChatExporter file', () => {
  const messages = ok(parseExport(fixtureText('discord-en.json'))).messages;

  it('drops member joins and bots, names people by nickname and links every message', () => {
    expect(messages.some((m) => m.author === 'Fay Lindqvist' || m.author === 'Standup Bot')).toBe(false);
    const first = messages[0]!;
    expect(first.author).toBe('Ana Souza');
    expect(first.link).toBe(`https://discord.com/channels/1061234567890123456/1061234567890123999/${first.id}`);
    expect(first.at.toISOString()).toBe('2023-01-23T09:00:00.000Z');
  });

  it('resolves reply chains to the message that started them and counts the replies', () => {
    const root = messages.find((m) => m.text.startsWith('Honestly inference'))!;
    expect(root).toMatchObject({ replyCount: 3, reactions: 7 });
    const thread = messages.filter((m) => m.threadId === root.id);
    expect(thread).toHaveLength(3);
    // The third reply quotes the second, which quotes the first: all belong to the root.
    const raw = JSON.parse(fixtureText('discord-en.json')) as { messages: { id: string; reference?: { messageId: string } }[] };
    const quoted = new Set(thread.map((m) => raw.messages.find((r) => r.id === m.id)!.reference!.messageId));
    expect(quoted.size).toBe(3);
  });

  it('keeps the content as the exporter wrote it (mentions as plain @names)', () => {
    expect(messages.find((m) => m.text.includes('market sync'))!.text).toBe(
      '@everyone reminder: market sync at 3pm, bring your questions.',
    );
  });

  it('links direct messages with @me', () => {
    const dm = {
      guild: { id: '0', name: 'Direct Messages' },
      channel: { id: '42' },
      messages: [{ id: '7', type: 'Default', timestamp: '2023-01-23T09:00:00+00:00', content: 'hi', author: { id: '1', name: 'ana' } }],
    };
    expect(ok(parseExport(JSON.stringify(dm))).messages[0]).toMatchObject({ author: 'ana', link: 'https://discord.com/channels/@me/42/7' });
  });
});

describe('JSON lines', () => {
  it('reads ts in epoch seconds, with Slack-style thread_ts', () => {
    const messages = ok(parseExport(fixtureText('jsonl-en.jsonl'))).messages;
    const root = messages.find((m) => m.text.startsWith('Honestly inference'))!;
    expect(root).toMatchObject({ id: '1674465303', reactions: 7 });
    expect(messages.filter((m) => m.threadId === root.id)).toHaveLength(3);
  });

  it('reads ISO 8601 ts, ids and threadId', () => {
    const messages = ok(parseExport(fixtureText('jsonl-zh.jsonl'))).messages;
    expect(messages[0]).toMatchObject({ id: 'zh-0', author: '王芳', reactions: 4, replyCount: 0 });
    expect(messages[0]!.at.toISOString()).toBe('2023-02-06T02:00:00.000Z');
    expect(messages.filter((m) => m.threadId === 'zh-3').map((m) => m.author)).toEqual(['刘洋', '王芳', '陈静']);
  });

  it('reads milliseconds and numeric strings, and keeps ids unique', () => {
    const messages = ok(
      parseExport(
        [
          '{"user":"a","text":"x","ts":1674464400000}',
          '{"user":"b","text":"y","ts":"1674464400"}',
          '{"user":"c","text":"z","ts":"1674464400"}',
        ].join('\n'),
      ),
    ).messages;
    expect(messages.map((m) => m.at.toISOString())).toEqual([
      '2023-01-23T09:00:00.000Z',
      '2023-01-23T09:00:00.000Z',
      '2023-01-23T09:00:00.000Z',
    ]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(3);
  });
});

describe('a file the digest cannot read', () => {
  const NAMES_ALL_THREE = /Slack export day file.*DiscordChatExporter JSON file.*JSON lines/s;

  it.each([
    ['an empty file', '', 'empty', /is empty/],
    ['plain text', 'Ana: hello\nBen: hi', 'unrecognised', /not JSON/],
    ['HTML', '<html><body>export</body></html>', 'unrecognised', /not JSON/],
    ['another JSON object', '{"channel": "general", "count": 3}', 'unrecognised', /without a messages list/],
    ['an array of numbers', '[1, 2, 3]', 'unrecognised', /not message objects/],
    ['a JSON string', '"hello"', 'unrecognised', /a JSON string/],
    ['Slack messages without ts', '[{"type":"message","user":"U1","text":"hi"}]', 'bad_slack', /item 1 has no ts/],
    ['Slack messages with a numeric ts and no user', '[{"type":"message","text":"hi","ts":1}]', 'bad_slack', /item 1 has a bad ts/],
    [
      'a Discord export without timestamps',
      '{"guild":{"id":"1"},"channel":{"id":"2"},"messages":[{"id":"3","content":"x","author":{"id":"4"}}]}',
      'bad_discord',
      /messages\[0\]\.timestamp/,
    ],
    [
      'a Discord export with a bad date',
      '{"guild":{"id":"1"},"channel":{"id":"2"},"messages":[{"id":"3","timestamp":"soon","content":"x","author":{"id":"4"}}]}',
      'bad_discord',
      /timestamp should be an ISO 8601 date/,
    ],
    [
      'JSON lines with a broken line',
      '{"user":"a","text":"x","ts":1674464400}\n{"user":"b", "text":',
      'bad_jsonl',
      /line 2 is not valid JSON/,
    ],
    ['JSON lines without text', '{"user":"a","ts":1674464400}', 'bad_jsonl', /line 1 has no text/],
    [
      'JSON lines with a date that is not one',
      '{"user":"a","text":"x","ts":"last tuesday"}',
      'bad_jsonl',
      /line 1 has a ts that is neither/,
    ],
  ])('%s', (_, text, code, detail) => {
    const result = failed(text);
    expect(result.code).toBe(code);
    expect(result.reason).toMatch(detail);
    expect(result.reason).toMatch(NAMES_ALL_THREE);
  });

  it('says so in Chinese too', () => {
    const text = exportErrorText(failed('hello'), 'zh');
    expect(text).toMatch(/文件格式无法识别/);
    expect(text).toMatch(/Slack 导出的单日文件.*DiscordChatExporter.*JSON Lines/s);
  });
});
