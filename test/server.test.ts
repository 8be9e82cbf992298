// The built bot in server mode, as an operator starts it: one platform's credentials, port 0, and
// the platform's API pointed at a local fake (nothing leaves the machine). It serves signed
// requests, refuses bad signatures, reports readiness with reasons, and stops cleanly on SIGTERM.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from './bot-process.js';
import { type FakeSlackApi, startFakeSlackApi } from './fakes/slack-api.js';
import { APPLICATION_ID, autocompleteInteraction, commandInteraction, fixture, signingKeys } from './fixtures/discord/interactions.js';
import { json, sign } from './slack-helpers.js';

let slackApi: FakeSlackApi;
beforeAll(async () => {
  slackApi = await startFakeSlackApi();
});
afterAll(() => slackApi.close());

const slashCommand = (fields: Record<string, string>) =>
  new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/layer',
    text: 'infra',
    response_url: slackApi.responseUrl('x'),
    ...fields,
  }).toString();

describe('npm start with Slack credentials', () => {
  it('serves signed slash commands on PORT, refuses bad signatures, and talks only to SLACK_API_URL', async () => {
    const bot = await startBot({
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-offline',
      SLACK_API_URL: slackApi.apiUrl,
    });
    const body = slashCommand({});
    const post = (headers: Record<string, string>) =>
      fetch(bot.url('/slack/events'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const ok = await post(sign(body, Math.floor(Date.now() / 1000)));
    expect(ok.status).toBe(200);
    const reply = await json(ok);
    expect(reply.blocks[0].text.text).toBe('Infrastructure (infra)');
    expect(JSON.stringify(reply)).toMatch(/10-20%/);
    expect((await post({ ...sign(body, Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=00' })).status).toBe(401);
    expect((await fetch(bot.url('/healthz'))).status).toBe(200);
    const ready = await fetch(bot.url('/readyz'));
    expect(ready.status).toBe(200);
    expect(await json(ready)).toMatchObject({ ready: true, checks: { store: { ready: true }, slackHttp: { ready: true } } });
    expect(await (await fetch(bot.url('/metrics'))).text()).toMatch(
      /genai_bot_requests_total\{platform="slack",command="layer",outcome="answer"\} 1/,
    );
    // The token check went to the fake; the logs hold no secret.
    await bot.waitForLog(/slack token verified/);
    expect(slackApi.callsTo('/api/auth.test').length).toBeGreaterThanOrEqual(1);
    expect(await bot.stop()).toBe(0);
    expect(bot.logs()).not.toMatch(/test-signing-secret|xoxb-offline/);
    // One JSON line per request: who, what and how long, never the text.
    const lines = bot
      .logs()
      .split('\n')
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]).toEqual({
      level: 30,
      time: expect.any(Number),
      app: 'genai-market-bot',
      correlationId: expect.stringMatching(/^[0-9a-f]{8}$/),
      platform: 'slack',
      command: 'layer',
      outcome: 'answer',
      ms: expect.any(Number),
      msg: 'request',
    });
    expect(bot.logs()).not.toMatch(/infra"/);
  });

  it('attaches a chart through the API it is given, then posts it to the response_url', async () => {
    const bot = await startBot({
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-offline',
      SLACK_API_URL: slackApi.apiUrl,
    });
    const body = slashCommand({ command: '/margin', text: 'inference=30%', response_url: slackApi.responseUrl('chart') });
    const res = await fetch(bot.url('/slack/events'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body, Math.floor(Date.now() / 1000)) },
      body,
    });
    expect((await json(res)).blocks[0].text.text).toBe('Gross margin 60%');
    // A stop waits for follow-ups: once the bot has exited, the chart went out.
    expect(await bot.stop()).toBe(0);
    expect(slackApi.callsTo('/api/files.completeUploadExternal')).toHaveLength(1);
    const [followUp] = slackApi.callsTo('/commands/chart');
    expect(JSON.stringify(followUp?.body)).toMatch(/"slack_file":\{"id":"F\d+"\}/);
  });

  it('is not ready while the store cannot be written, and says why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readyz-'));
    const storeDir = join(dir, 'var');
    mkdirSync(storeDir);
    const bot = await startBot({
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-offline',
      SLACK_API_URL: slackApi.apiUrl,
      STORE_PATH: join(storeDir, 'store.json'),
    });
    try {
      expect((await fetch(bot.url('/readyz'))).status).toBe(200);
      // The folder the store lives in is replaced by a file: no write can succeed.
      rmSync(storeDir, { recursive: true });
      writeFileSync(storeDir, 'not a folder');
      const res = await fetch(bot.url('/readyz'));
      expect(res.status).toBe(503);
      const body = await json(res);
      expect(body.ready).toBe(false);
      expect(body.checks.store).toEqual({
        ready: false,
        detail: expect.stringMatching(/^cannot write the store at .*store\.json: .*(ENOTDIR|not a folder)/),
      });
      expect(body.checks.slackHttp.ready).toBe(true);
      // Liveness is another question: the process still serves.
      expect((await fetch(bot.url('/healthz'))).status).toBe(200);
    } finally {
      expect(await bot.stop()).toBe(0);
    }
  });
});

describe('npm start with Discord credentials', () => {
  it('answers signed interactions on PORT, autocomplete included, and refuses bad signatures', async () => {
    const keys = signingKeys();
    const bot = await startBot({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_APPLICATION_ID: APPLICATION_ID });
    const post = (interaction: object, tamper = false) => {
      const body = JSON.stringify(interaction);
      const timestamp = String(Math.floor(Date.now() / 1000));
      return fetch(bot.url('/discord/interactions'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': keys.sign(timestamp, tamper ? `${body} ` : body),
          'x-signature-timestamp': timestamp,
        },
        body,
      });
    };
    expect(await json(await post(fixture('ping')))).toEqual({ type: 1 });
    const layer = await json(await post(commandInteraction('layer', { layer: 'infra' })));
    expect(layer.type).toBe(4);
    expect(layer.data.embeds[0].title).toBe('Infrastructure (infra)');
    expect(layer.data.allowed_mentions).toEqual({ parse: [] });
    const choices = await json(await post(autocompleteInteraction('moat', 'company', '英伟')));
    expect(choices.type).toBe(8);
    expect(choices.data.choices[0].value).toBe('NVIDIA');
    expect((await post(commandInteraction('layer', { layer: 'infra' }), true)).status).toBe(401);
    expect(await json(await fetch(bot.url('/readyz')))).toMatchObject({ ready: true, checks: { discordHttp: { ready: true } } });
    expect(await bot.stop()).toBe(0);
  });
});
