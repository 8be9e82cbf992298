// The servers the HTTP benchmark compares, one per process: `node --import tsx
// scripts/bench-targets.ts <target>` prints the port it listens on. Each answers the same signed
// Slack slash command (or, for the bare server, the same JSON without checking anything).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commands } from '../commands/index.js';
import { registerSlackHttp } from '../src/adapters/slack/http.js';
import { createWebClient } from '../src/adapters/slack/web.js';
import { defaultKnowledgeBase } from '../src/core/knowledge/load.js';
import { createLogger } from '../src/logger.js';
import { createRouter } from '../src/router/router.js';
import { FollowUps } from '../src/server/follow-ups.js';
import { createAppServer } from '../src/server/http-server.js';
import { memoryStore } from '../src/store/memory-store.js';

export const SECRET = 'bench-signing-secret';
const target = process.argv[2];
const logger = createLogger('silent');

function listen(server: ReturnType<typeof createServer>): void {
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
}

function readBody(req: import('node:http').IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

if (target === 'bare') {
  // The floor: no verification, no work, the same reply our server sends for /layer infra.
  const router = createRouter({ commands, kb: defaultKnowledgeBase(), store: memoryStore(), logger: { error: () => undefined } });
  const { renderBlocks } = await import('../src/adapters/slack/blocks.js');
  const reply = JSON.stringify({
    response_type: 'ephemeral',
    ...renderBlocks(
      await router.handle({ platform: 'slack', command: 'layer', args: 'infra', userId: 'u', channelId: 'c', isAdmin: false }),
    ),
  });
  listen(
    createServer(async (req, res) => {
      await readBody(req);
      res.writeHead(200, { 'content-type': 'application/json' }).end(reply);
    }),
  );
} else if (target === 'verify-only') {
  // Verifies, then sends the same answer as the others: the difference to "ours" is our own work.
  const router = createRouter({ commands, kb: defaultKnowledgeBase(), store: memoryStore(), logger: { error: () => undefined } });
  const { renderBlocks } = await import('../src/adapters/slack/blocks.js');
  const VERIFIED_REPLY = JSON.stringify({
    response_type: 'ephemeral',
    ...renderBlocks(
      await router.handle({ platform: 'slack', command: 'layer', args: 'infra', userId: 'u', channelId: 'c', isAdmin: false }),
    ),
  });
  listen(
    createServer(async (req, res) => {
      const body = await readBody(req);
      const ts = String(req.headers['x-slack-request-timestamp']);
      const expected = Buffer.from(`v0=${createHmac('sha256', SECRET).update(`v0:${ts}:`).update(body).digest('hex')}`);
      const given = Buffer.from(String(req.headers['x-slack-signature']));
      const ok = given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(VERIFIED_REPLY);
    }),
  );
} else if (target === 'ours') {
  const router = createRouter({ commands, kb: defaultKnowledgeBase(), store: memoryStore(), logger: { error: () => undefined } });
  const server = createAppServer(logger);
  registerSlackHttp(server, {
    router,
    web: createWebClient('xoxb-bench', logger),
    logger,
    fetch,
    commandNames: new Set(commands.map((c) => c.name)),
    followUps: new FollowUps(),
    signingSecret: SECRET,
  });
  server.listen(0, '127.0.0.1').then((port) => console.log(port));
} else if (target === 'bolt') {
  // Bolt's stock HTTP receiver doing the same work as ours (our router and Block Kit rendering),
  // configured as well as it can be offline: ids given (no auth.test per request), no
  // conversation store.
  const { App, LogLevel } = await import('@slack/bolt');
  const { handleSlashCommand } = await import('../src/adapters/slack/dispatch.js');
  const router = createRouter({ commands, kb: defaultKnowledgeBase(), store: memoryStore(), logger: { error: () => undefined } });
  const deps = {
    router,
    web: createWebClient('xoxb-bench', logger),
    logger,
    fetch,
    commandNames: new Set(commands.map((c) => c.name)),
    followUps: new FollowUps(),
  };
  const app = new App({
    token: 'xoxb-bench',
    signingSecret: SECRET,
    tokenVerificationEnabled: false,
    botId: 'B1',
    botUserId: 'U1',
    convoStore: false,
    logLevel: LogLevel.ERROR,
  });
  app.command(/.*/, async ({ command, ack }) => ack((await handleSlashCommand(command as never, deps)) as never));
  const server = (await app.start(0)) as unknown as ReturnType<typeof createServer>;
  console.log((server.address() as AddressInfo).port);
} else {
  console.error(`unknown target ${target}`);
  process.exit(2);
}
