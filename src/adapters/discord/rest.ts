// Outbound calls to Discord: one REST client (rate limits, 429 and Retry-After handled by
// @discordjs/rest's own queues) with `fetch` injected, and the interaction-webhook calls built on it.
import { DiscordAPIError, HTTPError, RateLimitError, REST, type RawFile } from '@discordjs/rest';
import type { MessageBody, OutgoingMessage } from './api-types.js';

/**
 * Retries of 5xx and network failures: few, because Discord bans an IP after 10,000 failed
 * requests in 10 minutes, and a follow-up that fails three times will not succeed on the tenth.
 */
export const MAX_RETRIES = 2;
/** A rate limit longer than this is reported, not waited out: by then the user has given up. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/** How often idle per-route queue handlers are dropped. */
export const HANDLER_SWEEP_MS = 60_000;

export interface RestOptions {
  /** The bot token; interaction webhooks need none (their token is in the URL). */
  token?: string | undefined;
  /** Defaults to the global fetch, looked up per request so test interceptors installed later apply. */
  fetch?: typeof fetch | undefined;
  /** Discord's API base (DISCORD_API_URL); tests point it at a local fake. */
  api?: string | undefined;
}

export function createRest(options: RestOptions): REST {
  const rest = new REST({
    version: '10',
    ...(options.api ? { api: options.api } : {}),
    retries: MAX_RETRIES,
    rejectOnRateLimit: (limit) => limit.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
    // Every interaction token is a route of its own, with a queue handler kept until a sweep: at
    // the default (hourly) a busy hour keeps thousands of them. Interaction tokens live 15 minutes.
    handlerSweepInterval: HANDLER_SWEEP_MS,
    // undici's own request (the default) bypasses interceptors and proxies that patch fetch.
    makeRequest: (url, init) => (options.fetch ?? globalThis.fetch)(url, init as RequestInit),
  });
  if (options.token) rest.setToken(options.token);
  return rest;
}

/** Releases the REST client's sweep timers (they are unref'd, but a stopped adapter holds nothing). */
export function closeRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}

/**
 * What is safe to log about a failed call. Never the error object itself: its url and
 * majorParameter carry the interaction token, which lets anyone post as the bot for 15 minutes.
 */
export function describeRestError(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError) return { status: err.status, code: err.code, method: err.method, message: err.message };
  if (err instanceof HTTPError) return { status: err.status, method: err.method, message: err.message };
  if (err instanceof RateLimitError) return { rateLimited: true, retryAfterMs: err.retryAfter, global: err.global, method: err.method };
  // Anything else may be a bug: its stack says where (no URL or token is in it).
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { message: String(err) };
}

/** The calls that answer an interaction after its HTTP response: edit the original, delete it, follow up. */
export interface InteractionWebhooks {
  editOriginal(token: string, message: OutgoingMessage): Promise<void>;
  deleteOriginal(token: string): Promise<void>;
  followUp(token: string, message: OutgoingMessage): Promise<void>;
}

function files(message: OutgoingMessage): RawFile[] {
  return message.files.map((f) => ({ name: f.name, data: Buffer.from(f.data), contentType: f.contentType }));
}

export function interactionWebhooks(rest: REST, applicationId: string): InteractionWebhooks {
  const original = (token: string) => `/webhooks/${applicationId}/${token}/messages/@original` as const;
  return {
    async editOriginal(token, message) {
      // Whether a message is ephemeral is fixed when it is created: an edit carries no flags.
      const { flags: _flags, ...body } = message.body;
      await rest.patch(original(token), { body: body satisfies Omit<MessageBody, 'flags'>, files: files(message), auth: false });
    },
    async deleteOriginal(token) {
      await rest.delete(original(token), { auth: false });
    },
    async followUp(token, message) {
      await rest.post(`/webhooks/${applicationId}/${token}`, { body: message.body, files: files(message), auth: false });
    },
  };
}
