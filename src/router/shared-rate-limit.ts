// Rate limits shared by every replica, on Redis (REDIS_URL) with rate-limiter-flexible: a user's
// and a channel's budget is the same whichever replica answers. Redis rather than PostgreSQL so
// that a command which keeps no state never touches the database on its way. If Redis cannot
// answer, each replica falls back to limits in its own memory (the library's insurance limiter)
// rather than refusing or waving everyone through. Loaded only when REDIS_URL is set.
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { BucketSpec, RateLimits } from './rate-limit.js';

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number; scope: 'user' | 'channel' };

export interface SharedRateLimiter {
  take(userId: string, channelId: string, cost: number): Promise<LimitVerdict>;
  /** Resolves once connected to Redis (until then, the in-memory insurance answers). */
  connected(): Promise<void>;
  close(): Promise<void>;
}

export function redisRateLimiter(redisUrl: string, limits: RateLimits, keyPrefix = 'genai-bot:rate'): SharedRateLimiter {
  // No offline queue: while Redis is away a call fails at once (and the insurance answers)
  // instead of waiting for a reconnection with the user's request held.
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  client.on('error', () => undefined); // reconnects by itself; the insurance limiter covers the gap
  // A bucket of `capacity` refilled at `refillPerSecond` becomes a window of `capacity` points
  // that empties in the time the bucket takes to refill.
  const limiter = (spec: BucketSpec, name: string) => {
    const options = { points: spec.capacity, duration: Math.max(1, Math.ceil(spec.capacity / spec.refillPerSecond)) };
    return new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `${keyPrefix}:${name}`,
      ...options,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  };
  const perUser = limiter(limits.perUser, 'user');
  const perChannel = limiter(limits.perChannel, 'channel');
  const refused = (res: unknown, scope: 'user' | 'channel'): LimitVerdict => {
    if (!(res instanceof RateLimiterRes)) throw res;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)), scope };
  };
  return {
    async take(userId, channelId, cost) {
      try {
        await perUser.consume(userId, cost);
      } catch (res) {
        return refused(res, 'user');
      }
      try {
        await perChannel.consume(channelId, cost);
      } catch (res) {
        // Refused by the channel: the user is not charged for it.
        await perUser.reward(userId, cost).catch(() => undefined);
        return refused(res, 'channel');
      }
      return { ok: true };
    },
    connected: () => (client.status === 'ready' ? Promise.resolve() : new Promise((resolve) => client.once('ready', () => resolve()))),
    async close() {
      client.disconnect();
    },
  };
}
