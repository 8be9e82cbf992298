// What the server keeps per request stays bounded however many users, channels and different
// questions arrive: rate-limit buckets, kept replies (charts included), metric series and the
// Slack admin answers. Each bound is checked on the structure itself, not on the process's RSS
// (which depends on the machine); scripts/bench-memory.ts measures RSS.
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { closeRest, createRest, HANDLER_SWEEP_MS } from '../src/adapters/discord/rest.js';
import { adminChecker } from '../src/adapters/slack/channel.js';
import { reply } from '../src/core/reply.js';
import type { Logger } from '../src/logger.js';
import { createMetrics } from '../src/metrics.js';
import { TokenBuckets } from '../src/router/rate-limit.js';
import { ReplyCache, replyBytes } from '../src/router/reply-cache.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';
import { kb, recordingLogger } from './helpers.js';

describe('rate-limit buckets', () => {
  it('keep only the users active within one refill period', () => {
    let now = 0;
    // The default per-user limit: 20 tokens, full again after 40 s.
    const buckets = new TokenBuckets({ capacity: 20, refillPerSecond: 0.5 }, () => now);
    // 100,000 different users over an hour, one request each, 36 ms apart.
    let largest = 0;
    for (let i = 0; i < 100_000; i++) {
      now = i * 36;
      buckets.take(`slack:T1:U${i}`, 1);
      largest = Math.max(largest, buckets.size);
    }
    // 40 s of users (about 1,100) plus those seen since the last sweep: never the 100,000 seen.
    expect(largest).toBeLessThanOrEqual(2 * Math.ceil(40_000 / 36) + 1);
    now += 41_000;
    buckets.take('slack:T1:late', 1);
    expect(buckets.size).toBe(1);
  });

  it('keep a bucket that has not refilled, so a sweep never forgives a user', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1 }, () => now);
    buckets.take('busy', 2);
    now = 1900;
    buckets.take('busy', 1.5);
    now = 2100; // a sweep runs: "busy" was used 200 ms ago and has 0.6 tokens
    expect(buckets.take('busy', 1).ok).toBe(false);
  });
});

describe('the reply cache', () => {
  const text = (i: number) => reply('en', `answer ${i}`, { body: [`a paragraph of about sixty characters for reply number ${i}`] });
  const charted = (i: number) => ({
    ...text(i),
    chart: { alt: 'bars', bars: [{ label: 'a', value: 1, display: '1' }], svg: `<svg>${'x'.repeat(30_000)}</svg>` },
  });

  it('holds at most its number of entries', () => {
    const cache = new ReplyCache(100);
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, text(i));
    expect(cache.size).toBe(100);
  });

  it('holds at most its weight, charts counted by their drawing', () => {
    const cache = new ReplyCache(500, 1_000_000);
    for (let i = 0; i < 1000; i++) cache.set(`k${i}`, charted(i));
    expect(cache.bytes).toBeLessThanOrEqual(1_000_000);
    expect(cache.size).toBeLessThanOrEqual(16);
    expect(cache.size).toBeGreaterThan(10);
    expect(cache.get('k999')).toBeDefined();
  });

  it('does not keep one reply heavier than a tenth of its weight', () => {
    const cache = new ReplyCache(500, 100_000);
    cache.set('big', charted(1));
    expect(cache.size).toBe(0);
    expect(replyBytes('big', charted(1))).toBeGreaterThan(60_000);
  });

  it('keeps its weight right when a key is set again', () => {
    const cache = new ReplyCache(10);
    cache.set('k', text(1));
    const once = cache.bytes;
    cache.set('k', text(1));
    expect(cache.bytes).toBe(once);
  });
});

describe('metrics', () => {
  it('keep a fixed set of series, whatever commands and users arrive', async () => {
    const metrics = createMetrics({ defaults: false });
    const router = createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger(), onHandled: (e) => metrics.observe(e) });
    for (let i = 0; i < 2000; i++) {
      await router.handle({
        platform: i % 2 ? 'slack' : 'discord',
        command: i % 3 ? `nosuch${i}` : 'layer',
        args: i % 3 ? '' : `layer${i}`,
        userId: `slack:T1:U${i}`,
        channelId: `slack:T1:C${i}`,
        isAdmin: false,
      });
    }
    const series = (await metrics.registry.getMetricsAsJSON()).flatMap((m) =>
      m.values.map((v) => `${m.name} ${JSON.stringify({ ...v.labels, le: undefined })}`),
    );
    // Per metric, two platforms x two commands ("layer" and "(unknown)"), each answered "usage".
    expect([...new Set(series)].filter((s) => s.startsWith('genai_bot_requests_total'))).toHaveLength(4);
    expect([...new Set(series)].filter((s) => s.startsWith('genai_bot_request_duration_seconds'))).toHaveLength(4);
    expect(series.some((s) => s.includes('nosuch'))).toBe(false);
  });
});

describe('Slack admin answers', () => {
  it('are remembered for at most 10,000 users', async () => {
    let calls = 0;
    const web = { users: { info: async () => (calls++, { user: { is_admin: false } }) } } as unknown as WebClient;
    const isAdmin = adminChecker(web, { warn: () => undefined } as unknown as Logger, () => 0);
    await isAdmin('U0');
    await isAdmin('U0');
    expect(calls).toBe(1);
    for (let i = 1; i <= 10_000; i++) await isAdmin(`U${i}`);
    calls = 0;
    await isAdmin('U0'); // the oldest answer went to make room
    await isAdmin('U10000');
    expect(calls).toBe(1);
  });
});

describe('Discord REST queue handlers', () => {
  it('are swept every minute, not every hour (each interaction token is a route of its own)', () => {
    const rest = createRest({});
    expect(rest.options.handlerSweepInterval).toBe(HANDLER_SWEEP_MS);
    expect(HANDLER_SWEEP_MS).toBeLessThanOrEqual(60_000);
    closeRest(rest);
  });
});
