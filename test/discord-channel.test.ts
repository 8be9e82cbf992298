// Posting scheduled replies to a Discord channel and reading its history, against an intercepted API.
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelOf, discordChannelServices, snowflakeAt } from '../src/adapters/discord/channel.js';
import { closeRest, createRest } from '../src/adapters/discord/rest.js';
import { router, shellText } from './helpers.js';

const API = 'https://discord.com/api/v10';
const CHANNEL = '1105150207594799166';
const SCOPE = `discord:${CHANNEL}`;
const warnings: object[] = [];
const logger = { warn: (obj: object) => void warnings.push(obj) };
let rest: ReturnType<typeof createRest>;

beforeEach(() => {
  warnings.length = 0;
  rest = createRest({ token: 'bot-token-for-tests' });
});
afterEach(() => {
  closeRest(rest);
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

const answer = (text: string) => router.handle({ ...shellText(text), platform: 'discord', channelId: SCOPE });

describe('posting to a channel', () => {
  it('posts the rendered reply as a channel message, never ephemeral, mentions off', async () => {
    const reply = { ...(await answer('/layer infra')), ephemeral: true };
    let sent: Record<string, unknown> | undefined;
    nock(API, { reqheaders: { authorization: 'Bot bot-token-for-tests' } })
      .post(`/channels/${CHANNEL}/messages`, (body) => {
        sent = body;
        return true;
      })
      .reply(200, { id: '1' });
    expect(await discordChannelServices(rest, logger).post(SCOPE, reply)).toBe('ok');
    expect(sent).toMatchObject({ allowed_mentions: { parse: [] }, embeds: [{ title: reply.title }] });
    expect(sent).not.toHaveProperty('flags');
  });

  it('tells the scheduler when the channel is gone or closed to the bot', async () => {
    const reply = await answer('/brief');
    const services = discordChannelServices(rest, logger);
    nock(API).post(`/channels/${CHANNEL}/messages`).reply(404, { message: 'Unknown Channel', code: 10003 });
    expect(await services.post(SCOPE, reply)).toBe('gone');
    nock(API).post(`/channels/${CHANNEL}/messages`).reply(403, { message: 'Missing Permissions', code: 50013 });
    expect(await services.post(SCOPE, reply)).toBe('forbidden');
    nock(API).post(`/channels/${CHANNEL}/messages`).times(3).reply(500, 'oops');
    expect(await services.post(SCOPE, reply)).toBe('failed');
    expect(await services.post('slack:T1:C1', reply)).toBe('gone');
    expect(warnings).toHaveLength(3);
  });
});

describe('reading a channel', () => {
  const since = new Date('2026-02-23T00:00:00Z');
  const until = new Date('2026-03-02T00:00:00Z');
  const message = (i: number, at: Date, extra: object = {}) => ({
    id: snowflakeAt(at),
    type: 0,
    content: `message ${i}`,
    timestamp: at.toISOString(),
    author: { id: '396392856346574848', username: 'ada.l', global_name: 'Ada' },
    reactions: [{ count: 2 }, { count: 1 }],
    ...extra,
  });

  it('pages back from the end of the window to its start, oldest first', async () => {
    const hour = 3_600_000;
    const first = Array.from({ length: 100 }, (_, i) => message(i, new Date(until.getTime() - (i + 1) * hour)));
    const second = [
      message(100, new Date(until.getTime() - 101 * hour)),
      message(101, new Date(since.getTime() - hour)),
      message(102, new Date(until.getTime() - 102 * hour), { type: 7, content: '' }),
    ];
    nock(API)
      .get('/applications/@me')
      .reply(200, { id: '1', flags: 1 << 19 });
    nock(API)
      .get(`/channels/${CHANNEL}/messages`)
      .query({ limit: '100', before: snowflakeAt(until) })
      .reply(200, first);
    nock(API)
      .get(`/channels/${CHANNEL}/messages`)
      .query({ limit: '100', before: first.at(-1)!.id })
      .reply(200, second);
    const result = await discordChannelServices(rest, logger).history(SCOPE)!.read(since, until);
    expect(result.incomplete).toBeUndefined();
    expect(result.messages).toHaveLength(101);
    expect(result.messages[0]).toMatchObject({ text: 'message 100', author: 'Ada', reactions: 3, replyCount: 0 });
    expect(result.messages.at(-1)!.text).toBe('message 0');
  });

  it('says so when the app may not read others’ messages, instead of reading empty ones', async () => {
    nock(API).get('/applications/@me').reply(200, { id: '1', flags: 0 });
    expect(await discordChannelServices(rest, logger).history(SCOPE)!.read(since, until)).toEqual({
      messages: [],
      incomplete: 'no_content_access',
    });
  });

  it('stops at the page cap and says so', async () => {
    const full = Array.from({ length: 100 }, (_, i) => message(i, new Date(until.getTime() - (i + 1) * 60_000)));
    nock(API)
      .get('/applications/@me')
      .reply(200, { flags: 1 << 18 });
    nock(API).get(`/channels/${CHANNEL}/messages`).query(true).reply(200, full);
    const result = await discordChannelServices(rest, logger, 1).history(SCOPE)!.read(since, until);
    expect(result).toMatchObject({ incomplete: 'page_cap' });
    expect(result.messages).toHaveLength(100);
  });

  it('turns dates into snowflakes and scopes into channel ids', () => {
    expect(snowflakeAt(new Date(1_420_070_400_000))).toBe('0');
    expect(BigInt(snowflakeAt(new Date('2016-04-30T11:18:25.796Z'))) >> 22n).toBe(175928847299117063n >> 22n);
    expect(channelOf(SCOPE)).toBe(CHANNEL);
    expect(channelOf('discord:abc')).toBeUndefined();
  });
});
