// GET /readyz follows each platform connection: not ready while Socket Mode or the Discord gateway
// is down, with the reason, ready once it connects (after retrying with backoff), not ready again
// when the connection drops. Real local servers stand in for Slack's and Discord's.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { startDiscord } from '../src/adapters/discord/index.js';
import { startSlack } from '../src/adapters/slack/index.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { FollowUps } from '../src/server/follow-ups.js';
import { createAppServer } from '../src/server/http-server.js';
import { type ReadinessCheck, registerReadiness } from '../src/server/readiness.js';
import { startFakeDiscordGateway } from './fakes/discord-gateway.js';
import { kb, router } from './helpers.js';
import { json } from './slack-helpers.js';

const logger = createLogger('silent');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  nock.cleanAll();
});

/** /readyz over a real server, for the given checks. */
async function readyz(checks: Record<string, ReadinessCheck>) {
  const server = createAppServer(logger);
  registerReadiness(server, checks);
  const port = await server.listen(0, '127.0.0.1');
  cleanups.push(() => server.close());
  return async () => {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    return { status: res.status, ...(await json(res)) };
  };
}

/** Polls until `read` gives what `check` wants, then returns it. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let last: T;
  const deadline = Date.now() + 8000;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A Socket Mode endpoint that says hello to every connection. */
async function socketModeServer() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'test' }, connection_info: { app_id: 'A123456' } }));
  });
  cleanups.push(() => new Promise((r) => wss.close(r)));
  return { url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}/link`, sockets };
}

describe('Slack Socket Mode readiness', () => {
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: 'https://slack.test/api/' });

  it('is not ready until Socket Mode connects, retries with backoff, and notices a dropped connection', async () => {
    const endpoint = await socketModeServer();
    let slackUp = false;
    let identityChecks = 0;
    nock('https://slack.test')
      .post('/api/auth.test')
      .reply(() => {
        identityChecks++;
        return [200, slackUp ? { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT' } : { ok: false, error: 'fatal_error' }];
      })
      .persist()
      .post('/api/apps.connections.open')
      .reply(200, { ok: true, url: endpoint.url })
      .persist();
    const slack = await startSlack({ config, router, server: createAppServer(logger), logger, retryMinMs: 20 });
    cleanups.push(() => slack.stop());
    const read = await readyz(slack.readiness);

    const down = await eventually(read, (r) => /attempt [2-9]/.test(r.checks.slackSocket.detail));
    expect(down.status).toBe(503);
    expect(down.checks.slackSocket).toEqual({
      ready: false,
      detail: expect.stringMatching(/^not connected: fatal_error \(attempt \d+, retrying in \d+ s\)$/),
    });

    slackUp = true;
    const up = await eventually(read, (r) => r.ready);
    expect(up).toMatchObject({ status: 200, checks: { slackSocket: { ready: true, detail: 'connected' } } });

    for (const socket of endpoint.sockets) socket.close();
    const dropped = await eventually(read, (r) => !r.ready);
    expect(dropped.checks.slackSocket.detail).toMatch(/closed|reconnecting|connecting/);
    expect(identityChecks).toBeGreaterThanOrEqual(3);
  });

  it('does not retry a token Slack refuses, and says so', async () => {
    let identityChecks = 0;
    nock('https://slack.test')
      .post('/api/auth.test')
      .reply(() => (identityChecks++, [200, { ok: false, error: 'invalid_auth' }]))
      .persist();
    const slack = await startSlack({ config, router, server: createAppServer(logger), logger, retryMinMs: 20 });
    cleanups.push(() => slack.stop());
    const read = await readyz(slack.readiness);
    const refused = await eventually(read, (r) => /invalid_auth/.test(r.checks.slackSocket.detail));
    expect(refused.checks.slackSocket.detail).toMatch(/not retrying: fix the token/);
    await new Promise((r) => setTimeout(r, 100));
    expect(identityChecks).toBe(1);
  });
});

describe('Discord gateway readiness', () => {
  it('is not ready until the gateway connects, retries login with backoff, and notices a dropped connection', async () => {
    const gateway = await startFakeDiscordGateway();
    cleanups.push(() => gateway.close());
    gateway.available = false;
    const config = loadConfig({ DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_URL: gateway.apiUrl });
    const discord = await startDiscord({ config, router, kb, server: createAppServer(logger), logger, retryMinMs: 20 });
    cleanups.push(() => discord.stop());
    const read = await readyz(discord.readiness);

    const down = await eventually(read, (r) => /login failed/.test(r.checks.discordGateway.detail));
    expect(down.status).toBe(503);
    expect(down.checks.discordGateway.detail).toMatch(/^login failed: .*\(attempt \d+, retrying in \d+ s\)$/);

    gateway.available = true;
    const up = await eventually(read, (r) => r.ready);
    expect(up).toMatchObject({ status: 200, checks: { discordGateway: { ready: true, detail: 'connected' } } });
    expect(gateway.identifies).toBe(1);

    gateway.disconnect(4000);
    const dropped = await eventually(read, (r) => !r.ready);
    expect(dropped.checks.discordGateway.detail).toBe('reconnecting');
    // discord.js resumes the session by itself, and readiness follows.
    await eventually(read, (r) => r.ready);
    expect(gateway.resumes).toBe(1);
  });
});

describe('FollowUps', () => {
  it('waits for work started while waiting, and gives up at a deadline saying how much was left', async () => {
    const followUps = new FollowUps();
    let release!: () => void;
    followUps.track(
      new Promise<void>((resolve) => setTimeout(resolve, 10)).then(() => followUps.track(new Promise<void>((r) => (release = r)))),
    );
    expect(await followUps.settled(100)).toBe(1);
    release();
    expect(await followUps.settled()).toBe(0);
  });
});
