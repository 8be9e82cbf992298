// Rate limits, request events and metrics.
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { createMetrics } from '../src/metrics.js';
import { TokenBuckets } from '../src/router/rate-limit.js';
import type { Invocation } from '../src/router/invocation.js';
import { createRouter, type HandledEvent } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';
import { kb, recordingLogger } from './helpers.js';

const slack = (text: string, user = 'slack:T1:U1', channel = 'slack:T1:C1'): Invocation => ({
  platform: 'slack',
  command: '',
  args: text,
  userId: user,
  channelId: channel,
  isAdmin: false,
});

describe('token buckets', () => {
  it('allow a burst, refuse past it with the wait, and refill over time', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 1 }, () => now);
    expect([1, 2, 3].map(() => buckets.take('u', 1).ok)).toEqual([true, true, true]);
    expect(buckets.take('u', 1)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('u', 3)).toEqual({ ok: false, retryAfterSeconds: 3 });
    now = 2000;
    expect(buckets.take('u', 2).ok).toBe(true);
    expect(buckets.take('other', 3).ok).toBe(true);
  });
});

describe('the router’s limits', () => {
  const limited = () =>
    createRouter({
      commands,
      kb,
      store: memoryStore(),
      logger: recordingLogger(),
      rateLimits: { perUser: { capacity: 4, refillPerSecond: 0.01 }, perChannel: { capacity: 6, refillPerSecond: 0.01 } },
    });

  it('answer with a friendly private message when a user asks too fast, charts costing more', async () => {
    const router = limited();
    expect((await router.handle(slack('/margin'))).kind).toBe('answer'); // costs 3
    expect((await router.handle(slack('/layer infra'))).kind).toBe('answer'); // 4 of 4
    const refused = await router.handle(slack('/layer apps'));
    expect(refused).toMatchObject({ kind: 'usage', ephemeral: true, title: 'One moment' });
    expect(refused.body[0]).toMatch(/^You are asking faster than the bot answers; please try again in \d+ s\.$/);
  });

  it('limit a busy channel as a whole, and never the terminal', async () => {
    const router = limited();
    for (const user of ['a', 'b', 'c']) for (let i = 0; i < 2; i++) await router.handle(slack('/help', `slack:T1:${user}`));
    expect((await router.handle(slack('/help', 'slack:T1:d'))).body[0]).toMatch(/This channel is asking faster/);
    for (let i = 0; i < 20; i++) expect((await router.handle({ ...slack('/help'), platform: 'shell' })).kind).toBe('answer');
  });
});

describe('request events and metrics', () => {
  it('report every request with its command, outcome and latency, and count them for Prometheus', async () => {
    const events: HandledEvent[] = [];
    const metrics = createMetrics({ defaults: false });
    const router = createRouter({
      commands,
      kb,
      store: memoryStore(),
      logger: recordingLogger(),
      rateLimits: { perUser: { capacity: 2, refillPerSecond: 0.01 }, perChannel: { capacity: 100, refillPerSecond: 1 } },
      onHandled: (e) => (events.push(e), metrics.observe(e)),
    });
    await router.handle(slack('/layer infra'));
    await router.handle(slack('/nonsense'));
    await router.handle(slack('/layer apps'));
    await router.handle(slack('/layer models'));
    expect(events.map((e) => [e.command, e.kind])).toEqual([
      ['layer', 'answer'],
      ['(unknown)', 'usage'],
      ['layer', 'answer'],
      ['layer', 'rate_limited'],
    ]);
    expect(new Set(events.map((e) => e.correlationId)).size).toBe(4);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/genai_bot_requests_total\{platform="slack",command="layer",outcome="answer"\} 2/);
    expect(text).toMatch(/genai_bot_rate_limited_total\{platform="slack"\} 1/);
    expect(text).toMatch(/genai_bot_request_duration_seconds_count\{platform="slack",command="layer"\} 3/);
  });
});

describe('token buckets under a flood of keys', () => {
  it('stay within their key limit, forgetting a bucket that has refilled before a busy one', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1 }, () => now, 3);
    buckets.take('busy', 1);
    buckets.take('idle', 1);
    now = 2400;
    buckets.take('busy', 2); // empty again, and recently used
    now = 2500;
    buckets.take('c', 1);
    buckets.take('d', 1); // a fourth key: "idle" has refilled and holds nothing, so it goes
    expect(buckets.size).toBe(3);
    expect(buckets.take('busy', 1).ok).toBe(false); // "busy" kept its empty bucket
  });

  it('forget the oldest key when none has refilled', () => {
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 1 }, () => 0, 2);
    buckets.take('a', 2);
    buckets.take('b', 2);
    buckets.take('c', 2);
    expect(buckets.size).toBe(2);
    expect(buckets.take('b', 1).ok).toBe(false);
    expect(buckets.take('a', 1).ok).toBe(true); // forgotten: it starts full again
  });
});
