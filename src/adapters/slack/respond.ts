// Posting to a slash command's response_url (5 uses within 30 minutes): JSON, bounded retries,
// Retry-After honoured on 429, failures logged and swallowed: a reply that cannot be delivered
// must never take the process down.
export interface PostLogger {
  warn(obj: object, msg: string): void;
}

export interface PostOptions {
  fetch: typeof fetch;
  logger: PostLogger;
  sleep?: (ms: number) => Promise<void>;
  retries?: number;
}

const MAX_RETRY_AFTER_MS = 10_000;

export async function postJson(url: string, body: unknown, opts: PostOptions): Promise<boolean> {
  const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const retries = opts.retries ?? 2;
  for (let attempt = 0; ; attempt++) {
    try {
      // Bounded: a stop waits for follow-ups, so none may hang.
      const res = await opts.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return true;
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= retries) {
        opts.logger.warn({ status: res.status, attempt }, 'slack response_url post failed');
        return false;
      }
      const after = Number(res.headers.get('retry-after'));
      await sleep(Math.min(MAX_RETRY_AFTER_MS, Number.isFinite(after) && after > 0 ? after * 1000 : 500 * 2 ** attempt));
    } catch (err) {
      if (attempt >= retries) {
        opts.logger.warn({ err: (err as Error).message, attempt }, 'slack response_url post failed');
        return false;
      }
      await sleep(500 * 2 ** attempt);
    }
  }
}
