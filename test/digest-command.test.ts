// /digest as users run it: from an export with the CLI, through the router, and from Slack's
// history API (paged, thread replies, cut short on a rate limit, said so).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { slackHistory } from '../src/adapters/slack/channel.js';
import { createWebClient } from '../src/adapters/slack/web.js';
import { createLogger } from '../src/logger.js';
import { ask, router, shellText } from './helpers.js';

const BIN = fileURLToPath(new URL('../dist/app/bin.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/digest/${name}`, import.meta.url));
const ENV = { PATH: process.env.PATH ?? '', STORE_PATH: join(mkdtempSync(join(tmpdir(), 'digest-')), 'store.json') };
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: ENV, timeout: 20_000 });

describe('genai-bot "/digest" --history', () => {
  it('summarises each export format, in English and Chinese', () => {
    for (const file of ['slack-en.json', 'discord-en.json', 'jsonl-en.jsonl']) {
      const r = run(['/digest', '--history', fixture(file)]);
      expect(r.status, file).toBe(0);
      expect(r.stdout, file).toMatch(/^Channel digest/);
      expect(r.stdout, file).toMatch(/34 messages from 5 people/);
      expect(r.stdout, file).toMatch(/60%: disagrees: the essay says ~20-40% of revenue \(§6/);
    }
    for (const file of ['slack-zh.json', 'discord-zh.json', 'jsonl-zh.jsonl']) {
      const r = run(['--lang', 'zh', '/digest', '--history', fixture(file)]);
      expect(r.status, file).toBe(0);
      expect(r.stdout, file).toMatch(/^频道摘要/);
    }
  });

  it('gives the structured digest with --json', () => {
    const r = run(['/digest', '--history', fixture('discord-en.json'), '--json']);
    const reply = JSON.parse(r.stdout);
    expect(reply.data.messages).toBe(34);
    expect(reply.data.figures.some((f: any) => f.verdict && !f.verdict.agrees && f.verdict.figureId === 'inference_share_of_revenue')).toBe(
      true,
    );
  });

  it('says what was expected when the file is not an export, and exits 1', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'bad-')), 'notes.json');
    writeFileSync(bad, JSON.stringify({ hello: 'world' }));
    const r = run(['/digest', '--history', bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Slack export/i);
    expect(r.stderr).toMatch(/DiscordChatExporter/);
    expect(run(['/digest', '--history', '/no/such/file']).stderr).toMatch(/no such file or folder/);
  });
});

describe('/digest through the router', () => {
  it('explains that the terminal has no channel history without an export', async () => {
    const r = await ask('/digest');
    expect(r.kind).toBe('usage');
    expect(r.body[0]).toMatch(/--history FILE/);
  });

  it('caps the window and is private unless asked', async () => {
    expect((await ask('/digest days=365')).body[0]).toMatch(/“days” must be between 1 and 90/);
    const history = {
      read: async () => ({
        messages: [{ id: '1', author: 'ana', text: 'Nvidia is the big winner, right?', at: new Date(), replyCount: 0, reactions: 0 }],
      }),
    };
    const quiet = await router.handle({ ...shellText('/digest'), history });
    expect(quiet.ephemeral).toBe(true);
    expect((await router.handle({ ...shellText('/digest public'), history })).ephemeral).toBe(false);
  });
});

describe('Slack channel history', () => {
  afterAll(() => nock.cleanAll());
  const web = () =>
    createWebClient('xoxb-test', createLogger('silent'), { slackApiUrl: 'https://slack.test/api/', rejectRateLimited: true });
  const msg = (ts: string, text: string, extra: object = {}) => ({ type: 'message', user: 'U1', text, ts, ...extra });

  it('pages with the cursor and reads thread replies', async () => {
    nock('https://slack.test')
      .post('/api/conversations.history', (b) => !b.cursor)
      .reply(200, {
        ok: true,
        messages: [msg('1700000002.000100', 'second', { reply_count: 1, thread_ts: '1700000002.000100' })],
        response_metadata: { next_cursor: 'page2' },
      })
      .post('/api/conversations.history', (b) => b.cursor === 'page2')
      .reply(200, {
        ok: true,
        messages: [
          msg('1700000001.000100', 'first', { reactions: [{ name: 'eyes', count: 2 }] }),
          { ...msg('1700000001.000200', 'joined'), subtype: 'channel_join' },
        ],
        response_metadata: { next_cursor: '' },
      })
      .post('/api/conversations.replies')
      .reply(200, {
        ok: true,
        messages: [msg('1700000002.000100', 'second'), msg('1700000003.000100', 'a reply', { thread_ts: '1700000002.000100' })],
      });
    const result = await slackHistory(web(), 'C1', createLogger('silent')).read(new Date(0), new Date());
    expect(result.incomplete).toBeUndefined();
    expect(result.messages.map((m) => m.text)).toEqual(['second', 'first', 'a reply']);
    expect(result.messages[1]).toMatchObject({ reactions: 2, link: 'https://slack.com/archives/C1/p1700000001000100' });
    expect(result.messages[2]).toMatchObject({ threadId: '1700000002.000100' });
  });

  it('stops politely on a rate limit and says the history was cut short', async () => {
    nock('https://slack.test')
      .post('/api/conversations.history', (b) => !b.cursor)
      .reply(200, { ok: true, messages: [msg('1700000001.000100', 'only page')], response_metadata: { next_cursor: 'more' } })
      .post('/api/conversations.history', (b) => b.cursor === 'more')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '60' });
    const result = await slackHistory(web(), 'C1', createLogger('silent')).read(new Date(0), new Date());
    expect(result.incomplete).toBe('rate_limited');
    expect(result.messages.map((m) => m.text)).toEqual(['only page']);
  });
});
