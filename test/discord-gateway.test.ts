// The gateway transport without a connection: mentions -> requests (pure), discord.js objects ->
// the shared payload shape, and the shared dispatcher driving discord.js's interaction methods.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { commands } from '../commands/index.js';
import type { OutgoingMessage } from '../src/adapters/discord/api-types.js';
import { dispatchInteraction, type InteractionResponder } from '../src/adapters/discord/dispatch.js';
import { gatewayResponder } from '../src/adapters/discord/gateway.js';
import { fromGatewayInteraction, toSendOptions, type GatewayInteraction } from '../src/adapters/discord/gateway-payload.js';
import { startDiscord } from '../src/adapters/discord/index.js';
import { mentionRequest } from '../src/adapters/discord/mention.js';
import { toInvocation } from '../src/adapters/discord/to-invocation.js';
import { loadConfig } from '../src/config.js';
import type { Reply } from '../src/core/reply.js';
import type { Router } from '../src/router/router.js';
import { createAppServer } from '../src/server/http-server.js';
import { APPLICATION_ID, commandInteraction, signingKeys } from './fixtures/discord/interactions.js';
import { inThreadCharts, kb, router } from './helpers.js';

const BOT = '1166834510021632031';
const ROLE = '1166840000000000001';
const names = new Set(commands.map((c) => c.name));
const from = (content: string, bot = false) => ({ content, author: { id: '396392856346574848', bot } });

describe('@-mentions', () => {
  it('asks the question that follows the mention, as a user or through the bot’s role', () => {
    expect(mentionRequest(from(`<@${BOT}> who captures the most value?`), { userId: BOT }, names)).toEqual({
      command: 'ask',
      text: 'who captures the most value?',
    });
    expect(mentionRequest(from(`hey <@!${BOT}>,  what do clouds earn?`), { userId: BOT }, names)).toEqual({
      command: 'ask',
      text: 'hey , what do clouds earn?',
    });
    expect(mentionRequest(from(`<@&${ROLE}> 云厂商拿走了多少收入?`), { userId: BOT, roleIds: [ROLE] }, names)).toEqual({
      command: 'ask',
      text: '云厂商拿走了多少收入?',
    });
  });

  it('runs a command typed after the mention, and /help for a bare mention', () => {
    expect(mentionRequest(from(`<@${BOT}> /moat nvidia`), { userId: BOT }, names)).toEqual({ command: '', text: '/moat nvidia' });
    expect(mentionRequest(from(`<@${BOT}>`), { userId: BOT }, names)).toEqual({ command: 'help', text: '' });
    expect(mentionRequest(from(`<@${BOT}> /unknown thing`), { userId: BOT }, names)).toEqual({ command: 'ask', text: '/unknown thing' });
  });

  it('ignores messages that do not mention the bot, and anything a bot wrote', () => {
    expect(mentionRequest(from('who wins?'), { userId: BOT }, names)).toBeUndefined();
    expect(mentionRequest(from('@everyone who wins?'), { userId: BOT }, names)).toBeUndefined();
    expect(mentionRequest(from(`<@123456789012345678> who wins?`), { userId: BOT }, names)).toBeUndefined();
    expect(mentionRequest(from(`<@&${ROLE}> hi`), { userId: BOT }, names)).toBeUndefined();
    expect(mentionRequest(from(`<@${BOT}> who wins?`, true), { userId: BOT }, names)).toBeUndefined();
    expect(mentionRequest({ content: `<@${BOT}> hi`, author: { id: BOT, bot: false } }, { userId: BOT }, names)).toBeUndefined();
  });
});

function gatewayInteraction(overrides: Partial<GatewayInteraction> = {}): GatewayInteraction {
  return {
    id: '1293842163367710790',
    applicationId: APPLICATION_ID,
    type: 2,
    token: 'gateway-token',
    locale: 'zh-TW',
    guildLocale: 'en-US',
    guildId: '1105150207146012772',
    channelId: '1105150207594799166',
    commandId: '1293840154519638047',
    commandName: 'moat',
    commandType: 1,
    options: { data: [{ name: 'company', type: 3, value: '英伟达' }] },
    user: { id: '396392856346574848', username: 'ada.l', globalName: 'Ada' },
    memberPermissions: { bitfield: 1n << 5n },
    appPermissions: { bitfield: 2248473465835073n },
    ...overrides,
  };
}

describe('discord.js objects <-> payloads', () => {
  it('turns a gateway interaction into the payload the HTTP endpoint would get', () => {
    const payload = fromGatewayInteraction(gatewayInteraction());
    expect(payload).toMatchObject({
      type: 2,
      token: 'gateway-token',
      guild_id: '1105150207146012772',
      member: { user: { id: '396392856346574848' }, permissions: '32' },
      locale: 'zh-TW',
    });
    expect(toInvocation(payload)).toMatchObject({
      platform: 'discord',
      command: 'moat',
      args: { company: '英伟达' },
      userId: 'discord:396392856346574848',
      channelId: 'discord:1105150207594799166',
      isAdmin: true,
      locale: 'zh-TW',
    });
    const dm = fromGatewayInteraction(gatewayInteraction({ guildId: null, memberPermissions: null }));
    expect(dm.member).toBeUndefined();
    expect(toInvocation(dm)).toMatchObject({ userId: 'discord:396392856346574848', isAdmin: false });
  });

  it('gives discord.js the rendered message with mentions off and files as attachments', () => {
    const message: OutgoingMessage = {
      body: { embeds: [{ title: 't' }], allowed_mentions: { parse: [] }, flags: 64, attachments: [{ id: 0, filename: 'chart.png' }] },
      files: [{ name: 'chart.png', data: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png', description: 'alt' }],
    };
    const options = toSendOptions(message);
    expect(options).toMatchObject({ embeds: [{ title: 't' }], allowedMentions: { parse: [], repliedUser: false }, flags: 64 });
    expect(options.files[0]).toMatchObject({ name: 'chart.png', description: 'alt' });
    expect(Buffer.isBuffer(options.files[0]!.attachment)).toBe(true);
    expect(toSendOptions(message, { flags: false })).not.toHaveProperty('flags');
  });
});

/** A stand-in for a discord.js interaction that records the calls the dispatcher makes. */
function fakeInteraction(autocomplete = false) {
  const calls: [string, unknown][] = [];
  const record = (name: string) => async (arg?: unknown) => void calls.push([name, arg]);
  const fake = {
    isAutocomplete: () => autocomplete,
    reply: record('reply'),
    deferReply: record('deferReply'),
    editReply: record('editReply'),
    deleteReply: record('deleteReply'),
    followUp: record('followUp'),
    respond: record('respond'),
  };
  return { calls, interaction: fake as unknown as ChatInputCommandInteraction & AutocompleteInteraction };
}

const quiet = { warn: () => undefined, error: () => undefined };
const charts = inThreadCharts();

describe('dispatch through discord.js', () => {
  it('replies at once with the rendered answer', async () => {
    const { calls, interaction } = fakeInteraction();
    await dispatchInteraction(commandInteraction('moat', { company: 'nvidia' }), gatewayResponder(interaction), {
      router,
      kb,
      charts,
      logger: quiet,
    });
    expect(calls.map((c) => c[0])).toEqual(['reply']);
    expect(calls[0]![1]).toMatchObject({ embeds: [{ title: 'NVIDIA: moats' }], allowedMentions: { parse: [], repliedUser: false } });
  });

  it('defers a slow command, then edits the reply', async () => {
    const { calls, interaction } = fakeInteraction();
    await dispatchInteraction(commandInteraction('moat', { company: 'nvidia' }), gatewayResponder(interaction), {
      router: { ...router, isSlow: () => true },
      kb,
      charts,
      logger: quiet,
    });
    expect(calls.map((c) => c[0])).toEqual(['deferReply', 'editReply']);
    expect(calls[0]![1]).toEqual({});
    expect(calls[1]![1]).not.toHaveProperty('flags');
  });

  it('answers a deferred user error privately: delete the public placeholder, follow up ephemerally', async () => {
    const { calls, interaction } = fakeInteraction();
    await dispatchInteraction(commandInteraction('moat', { company: 'nobody inc' }), gatewayResponder(interaction), {
      router: { ...router, isSlow: () => true },
      kb,
      charts,
      logger: quiet,
    });
    expect(calls.map((c) => c[0])).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(calls[2]![1]).toMatchObject({ flags: 64 });
  });

  it('responds to autocomplete with choices', async () => {
    const { calls, interaction } = fakeInteraction(true);
    const payload = fromGatewayInteraction(
      gatewayInteraction({ type: 4, options: { data: [{ name: 'company', type: 3, value: '英伟', focused: true }] } }),
    );
    await dispatchInteraction(payload, gatewayResponder(interaction), { router, kb, charts, logger: quiet });
    expect(calls).toEqual([['respond', expect.arrayContaining([{ name: 'NVIDIA (英伟达)', value: 'NVIDIA' }])]]);
  });

  it('defers a command that was not declared slow but has not answered in time', async () => {
    let release!: (reply: Reply) => void;
    const stuck: Router = { ...router, handle: () => new Promise<Reply>((resolve) => (release = resolve)) };
    const calls: string[] = [];
    const responder: InteractionResponder = {
      reply: async () => void calls.push('reply'),
      defer: async () => {
        calls.push('defer');
        release(await router.handle(toInvocation(commandInteraction('moat', { company: 'nvidia' }))));
      },
      suggest: async () => void calls.push('suggest'),
      editOriginal: async () => void calls.push('edit'),
      deleteOriginal: async () => void calls.push('delete'),
      followUp: async () => void calls.push('followUp'),
    };
    await dispatchInteraction(commandInteraction('moat', { company: 'nvidia' }), responder, {
      router: stuck,
      kb,
      charts,
      logger: quiet,
      deferAfterMs: 0,
    });
    expect(calls).toEqual(['defer', 'edit']);
  });

  it('gives the command the channel’s history, where the bot can read it', async () => {
    const seen: unknown[] = [];
    const spy: Router = { ...router, handle: (invocation) => (seen.push(invocation.history), router.handle(invocation)) };
    const history = { read: async () => ({ messages: [] }) };
    const { interaction } = fakeInteraction();
    await dispatchInteraction(commandInteraction('moat', { company: 'nvidia' }), gatewayResponder(interaction), {
      router: spy,
      kb,
      charts,
      logger: quiet,
      history: (scope) => (scope === 'discord:1105150207594799166' ? history : undefined),
    });
    expect(seen).toEqual([history]);
  });

  it('logs a failed response instead of throwing', async () => {
    const errors: object[] = [];
    const failing: InteractionResponder = {
      reply: async () => {
        throw new Error('Unknown interaction');
      },
      defer: async () => undefined,
      suggest: async () => undefined,
      editOriginal: async () => undefined,
      deleteOriginal: async () => undefined,
      followUp: async () => undefined,
    };
    await dispatchInteraction(commandInteraction('moat', { company: 'nvidia' }), failing, {
      router,
      kb,
      charts,
      logger: { warn: () => undefined, error: (obj) => void errors.push(obj) },
    });
    expect(errors).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ name: 'Error', message: 'Unknown interaction' }), command: 'moat' }),
    ]);
  });
});

describe('startDiscord', () => {
  afterEach(() => nock.cleanAll());

  it('serves the HTTP endpoint, and a refused gateway login is only a warning', async () => {
    nock('https://discord.com').get('/api/v10/gateway/bot').reply(401, { message: '401: Unauthorized', code: 0 });
    const keys = signingKeys();
    const config = loadConfig({
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_TOKEN: 'not-a-real-token',
    });
    let warned!: (line: object) => void;
    const warning = new Promise<object>((resolve) => (warned = resolve));
    const logger = {
      info: () => undefined,
      debug: () => undefined,
      error: () => undefined,
      warn: (obj: object, msg: string) => (msg.includes('login failed') ? warned(obj) : undefined),
    };
    const server = createAppServer(logger);
    const discord = await startDiscord({ config, router, kb, server, logger: logger as never });
    expect(discord.services).toBeDefined();
    try {
      const port = await server.listen(0, '127.0.0.1');
      const body = JSON.stringify({ id: '1', application_id: APPLICATION_ID, type: 1, token: 't', version: 1 });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
        method: 'POST',
        headers: { 'x-signature-ed25519': keys.sign(timestamp, body), 'x-signature-timestamp': timestamp },
        body,
      });
      expect(await res.json()).toEqual({ type: 1 });
      expect(await warning).toMatchObject({ error: { message: expect.stringMatching(/token/i) } });
      expect(nock.isDone()).toBe(true);
      expect(JSON.stringify(await warning)).not.toContain('not-a-real-token');
    } finally {
      await discord.stop();
      await server.close();
    }
  });

  it('does nothing without Discord settings', async () => {
    const routes: string[] = [];
    const server = { ...createAppServer(quiet), route: (_m: string, path: string) => void routes.push(path) };
    const discord = await startDiscord({ config: loadConfig({}), router, kb, server, logger: quiet as never });
    await discord.stop();
    expect(routes).toEqual([]);
    expect(discord.services).toBeUndefined();
  });
});
