// Keeps trying to bring up a connection the process cannot serve without (Slack's Socket Mode,
// Discord's gateway), waiting longer after each failure: 1 s, 2 s, 4 s ... up to a minute. It
// gives up only when told to stop, or when a failure is permanent (a refused token).
import { setTimeout as sleep } from 'node:timers/promises';

export interface BackoffOptions {
  /** Told about each failure and how long until the next attempt. */
  onFailure(err: unknown, attempt: number, waitMs: number): void;
  /** A failure that retrying cannot fix ends the attempts. */
  permanent?(err: unknown): boolean;
  signal?: AbortSignal;
  minMs?: number;
  maxMs?: number;
}

/** The first success, or undefined once stopped or after a permanent failure. */
export async function withBackoff<T>(attempt: (n: number) => Promise<T>, options: BackoffOptions): Promise<T | undefined> {
  const minMs = options.minMs ?? 1000;
  const maxMs = options.maxMs ?? 60_000;
  for (let n = 1; !options.signal?.aborted; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (options.signal?.aborted) return undefined;
      if (options.permanent?.(err)) {
        options.onFailure(err, n, Number.POSITIVE_INFINITY);
        return undefined;
      }
      const waitMs = Math.min(maxMs, minMs * 2 ** (n - 1));
      options.onFailure(err, n, waitMs);
      try {
        await sleep(waitMs, undefined, options.signal ? { signal: options.signal } : {});
      } catch {
        return undefined; // stopped while waiting
      }
    }
  }
  return undefined;
}
