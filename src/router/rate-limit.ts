// Per-user and per-channel token buckets. Each command costs tokens (charts and digests cost
// more); a bucket refills at a steady rate up to its capacity. One busy user cannot starve a
// channel, and one busy channel cannot starve the bot.

export interface BucketSpec {
  capacity: number;
  refillPerSecond: number;
}

export interface RateLimits {
  perUser: BucketSpec;
  perChannel: BucketSpec;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perUser: { capacity: 20, refillPerSecond: 0.5 },
  perChannel: { capacity: 60, refillPerSecond: 2 },
};

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A bucket idle long enough to be full again holds nothing a new one would not, so such buckets are
 * dropped: the map holds only the users and channels active within the last refill period (with
 * the default limits, under a minute), not everyone ever seen. `maxKeys` caps even a flood of new
 * keys within one period.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly fullAfterMs: number;
  private lastSweep: number;

  constructor(
    private readonly spec: BucketSpec,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {
    this.fullAfterMs = (spec.capacity / spec.refillPerSecond) * 1000;
    this.lastSweep = now();
  }

  /** Takes `cost` tokens if there are enough; otherwise says how many seconds until there will be. */
  take(key: string, cost: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    // At most once a refill period, one pass over the map: a cost per request that stays constant.
    if (t - this.lastSweep >= this.fullAfterMs) this.sweep(t);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.spec.capacity, at: t };
      this.buckets.set(key, bucket);
      if (this.buckets.size > this.maxKeys) this.evict(t);
    }
    bucket.tokens = Math.min(this.spec.capacity, bucket.tokens + ((t - bucket.at) / 1000) * this.spec.refillPerSecond);
    bucket.at = t;
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.ceil((cost - bucket.tokens) / this.spec.refillPerSecond) };
  }

  /**
   * Makes room for a new key. A bucket that has been idle long enough to refill holds nothing a new
   * bucket would not: the oldest such one goes, looking at a few of the oldest keys; failing that,
   * the oldest key goes (under a flood of new keys, a busy old one may then start full again).
   */
  private evict(t: number): void {
    let looked = 0;
    for (const [key, bucket] of this.buckets) {
      if (t - bucket.at >= this.fullAfterMs) {
        this.buckets.delete(key);
        return;
      }
      if (++looked >= 32) break;
    }
    this.buckets.delete(this.buckets.keys().next().value!);
  }

  /** Drops every bucket that has refilled since it was last used. */
  private sweep(t: number): void {
    this.lastSweep = t;
    for (const [key, bucket] of this.buckets) if (t - bucket.at >= this.fullAfterMs) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  /** Gives tokens back (a request refused by the other bucket should not be charged here). */
  refund(key: string, cost: number): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.spec.capacity, bucket.tokens + cost);
  }
}
