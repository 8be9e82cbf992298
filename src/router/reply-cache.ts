// Replies kept for repeated pure requests. Bounded twice: by count, and by weight, because one
// reply with a chart carries a PNG of tens of kilobytes, and a busy install asking varied what-ifs
// would otherwise keep hundreds of them for good.
import type { Reply } from '../core/reply.js';

/** Default weight budget: a few hundred text answers, or a few dozen with charts. */
export const REPLY_CACHE_BYTES = 8 * 1024 * 1024;

/**
 * A hit only marks the entry (moving it on every hit churned the map enough to show in the
 * server's profile); when the cache is full, the oldest entries get a second chance if they were
 * used since, and the first one that was not goes.
 */
export class ReplyCache {
  private readonly map = new Map<string, { reply: Reply; used: boolean; bytes: number }>();
  private weight = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes = REPLY_CACHE_BYTES,
  ) {}

  get(key: string): Reply | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    hit.used = true;
    return hit.reply;
  }

  set(key: string, reply: Reply): void {
    const bytes = replyBytes(key, reply);
    // One reply heavier than a tenth of the budget would push out many others for one request.
    if (this.maxEntries <= 0 || bytes > this.maxBytes / 10) return;
    this.delete(key);
    while (this.map.size > 0 && (this.map.size >= this.maxEntries || this.weight + bytes > this.maxBytes)) this.evictOne();
    this.map.set(key, { reply, used: false, bytes });
    this.weight += bytes;
  }

  get size(): number {
    return this.map.size;
  }

  get bytes(): number {
    return this.weight;
  }

  private delete(key: string): void {
    const entry = this.map.get(key);
    if (!entry) return;
    this.map.delete(key);
    this.weight -= entry.bytes;
  }

  private evictOne(): void {
    // Ends within one turn of the map: every entry passed over is marked unused.
    for (;;) {
      const [oldest, entry] = this.map.entries().next().value!;
      this.map.delete(oldest);
      if (!entry.used) {
        this.weight -= entry.bytes;
        return;
      }
      this.map.set(oldest, { ...entry, used: false });
    }
  }
}

/** About what a reply holds: its text and its chart's drawing, two bytes a character as V8 may store them. */
export function replyBytes(key: string, reply: Reply): number {
  return 2 * (key.length + JSON.stringify(reply).length);
}
