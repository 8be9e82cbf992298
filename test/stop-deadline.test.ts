// A stop with follow-ups to a Slack that never answers (chart uploads to an API that accepts the
// connection and says nothing): at STOP_GRACE_MS the bot gives up on them, logs how many and of
// which kinds, and exits, instead of waiting for every client timeout and retry. The figures for
// 120 pending with 10 s of grace are scripts/stop-deadline.ts's, not this test's.
import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from './bot-process.js';
import { sign, slashBody } from './slack-helpers.js';

const SLACK = { SLACK_SIGNING_SECRET: 'test-signing-secret', SLACK_BOT_TOKEN: 'xoxb-offline' };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Slack API that accepts connections and never answers anything: a stuck network. */
async function silentSlack(): Promise<{ url: string; connections: () => number }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, connections: () => sockets.size };
}

describe('a stop with follow-ups to a Slack that never answers', () => {
  it('gives up on them at STOP_GRACE_MS, says how many and of which kinds, and exits', async () => {
    const slack = await silentSlack();
    const bot = await startBot({ ...SLACK, SLACK_API_URL: `${slack.url}/api/`, STOP_GRACE_MS: '1500' });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      bot.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    cleanups.push(() => bot.child.kill('SIGKILL'));
    const pending = 12;
    const acks = await Promise.all(
      Array.from({ length: pending }, async (_, i) => {
        // One user and channel each: the per-user and per-channel rate limits are not under test.
        const body = slashBody(`revenue=${i + 1}M inference=30%`, `${slack.url}/commands/${i}`, '/margin', String(i));
        const res = await fetch(bot.url('/slack/events'), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body, Math.floor(Date.now() / 1000)) },
          body,
        });
        return res.status;
      }),
    );
    expect(acks).toEqual(Array(pending).fill(200)); // acknowledged at once; each has its chart still to send
    bot.child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    const dropped = bot
      .logs()
      .split('\n')
      .filter((line) => line.includes('stop deadline reached'))
      .map((line) => JSON.parse(line) as { dropped: number; kinds: Record<string, number> });
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.dropped).toBeGreaterThanOrEqual(pending);
    expect(Object.values(dropped[0]!.kinds).reduce((a, b) => a + b, 0)).toBe(dropped[0]!.dropped);
    expect(bot.logs()).toMatch(/"msg":"stopped"/);
  });
});
