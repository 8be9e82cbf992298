// Rate limits shared across replicas on Redis: a user's budget is one budget whichever replica
// answers, a channel refusal does not charge the user, and with Redis away each replica still
// limits on its own rather than failing.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { commands } from '../commands/index.js';
import { createRouter } from '../src/router/router.js';
import { redisRateLimiter, type SharedRateLimiter } from '../src/router/shared-rate-limit.js';
import { memoryStore } from '../src/store/memory-store.js';
import { kb, recordingLogger } from './helpers.js';

const redisUrl = inject('redisUrl');
const limits = { perUser: { capacity: 3, refillPerSecond: 0.01 }, perChannel: { capacity: 5, refillPerSecond: 0.01 } };
const opened: SharedRateLimiter[] = [];
const open = (url: string, prefix: string) => {
  const limiter = redisRateLimiter(url, limits, prefix);
  opened.push(limiter);
  return limiter;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

describe.skipIf(!redisUrl)('rate limits shared on Redis', () => {
  it('gives a user one budget across two replicas', async () => {
    const prefix = `test:${randomBytes(6).toString('hex')}`;
    const limiters = [open(redisUrl!, prefix), open(redisUrl!, prefix)];
    await Promise.all(limiters.map((l) => l.connected()));
    const replicas = limiters.map((sharedRateLimiter) =>
      createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger(), rateLimits: limits, sharedRateLimiter }),
    );
    const ask = (i: number, user = 'slack:T1:U1') =>
      replicas[i % 2]!.handle({
        platform: 'slack',
        command: 'layer',
        args: 'infra',
        userId: user,
        channelId: 'slack:T1:C1',
        isAdmin: false,
      });
    const kinds = [];
    for (let i = 0; i < 4; i++) kinds.push((await ask(i)).kind);
    expect(kinds).toEqual(['answer', 'answer', 'answer', 'usage']);
    // Another user still has a budget, until the channel's (5) runs out; that refusal charges no one.
    expect((await ask(0, 'slack:T1:U2')).kind).toBe('answer');
    expect((await ask(1, 'slack:T1:U2')).kind).toBe('answer');
    const refused = await ask(0, 'slack:T1:U3');
    expect(refused.kind).toBe('usage');
    expect(refused.body.join(' ')).toMatch(/channel/i);
  });
});

describe('rate limits when Redis cannot be reached', () => {
  it('fall back to this replica’s own memory', async () => {
    const limiter = open('redis://127.0.0.1:9', 'test:down');
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push((await limiter.take('slack:T1:U1', 'slack:T1:C1', 1)).ok);
    expect(verdicts).toEqual([true, true, true, false]);
  });
});
