// What the scheduler and /digest need from Discord, over REST with the bot token: posting to a
// channel, and reading its recent messages (others' text needs the Message Content intent,
// enabled for the app in the developer portal; without it the digest says so instead of
// summarising empty messages).
import { DiscordAPIError, RateLimitError, type REST } from '@discordjs/rest';
import type { ChannelHistory, ChannelMessage } from '../../core/digest/message.js';
import type { ChannelServices, PostOutcome } from '../../scheduler/scheduler.js';
import type { OutgoingMessage } from './api-types.js';
import { renderReply } from './render.js';
import { describeRestError } from './rest.js';

export interface ChannelLogger {
  warn(obj: object, msg: string): void;
}

/** GET /channels/{id}/messages returns at most 100 a page; ten pages is a busy week. */
export const MAX_HISTORY_PAGES = 10;
/** Application flags: the Message Content intent, approved or (under 100 servers) limited. */
const MESSAGE_CONTENT_FLAGS = (1 << 18) | (1 << 19);
/** Discord's epoch, for turning a date into the snowflake "before" takes. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/** "discord:123" -> "123"; undefined for anything else. */
export const channelOf = (scope: string): string | undefined => /^discord:(\d{15,22})$/.exec(scope)?.[1];

function files(message: OutgoingMessage) {
  return message.files.map((f) => ({ name: f.name, data: Buffer.from(f.data), contentType: f.contentType }));
}

export function discordChannelServices(
  rest: REST,
  logger: ChannelLogger,
  maxPages = MAX_HISTORY_PAGES,
): ChannelServices & { history(scope: string): ChannelHistory | undefined } {
  let contentAccess: Promise<boolean> | undefined;
  const hasContentAccess = () =>
    (contentAccess ??= (rest.get('/applications/@me') as Promise<{ flags?: number }>).then(
      (app) => ((app.flags ?? 0) & MESSAGE_CONTENT_FLAGS) !== 0,
      // Unknown: read anyway; empty texts are dropped below.
      () => true,
    ));
  return {
    post: async (scope, reply) => {
      const channel = channelOf(scope);
      return channel ? postToChannel(rest, channel, renderReply({ ...reply, ephemeral: false }), logger) : 'gone';
    },
    history(scope) {
      const channel = channelOf(scope);
      return channel ? discordHistory(rest, channel, hasContentAccess, logger, maxPages) : undefined;
    },
  };
}

/** Posting a scheduled reply; the outcome tells the scheduler whether to keep the schedule. */
export async function postToChannel(
  rest: REST,
  channel: string,
  messages: readonly OutgoingMessage[],
  logger: ChannelLogger,
): Promise<PostOutcome> {
  try {
    for (const message of messages) {
      // A channel message cannot be ephemeral: the flag is for interactions.
      const { flags: _flags, ...body } = message.body;
      await rest.post(`/channels/${channel}/messages`, { body, files: files(message) });
    }
    return 'ok';
  } catch (err) {
    logger.warn({ channel, error: describeRestError(err) }, 'discord: posting to a channel failed');
    if (err instanceof DiscordAPIError && (err.status === 404 || err.code === 10003)) return 'gone';
    // 50001 Missing Access, 50013 Missing Permissions: removed from the channel, or muted there.
    if (err instanceof DiscordAPIError && err.status === 403) return 'forbidden';
    return 'failed';
  }
}

interface RawMessage {
  id: string;
  type: number;
  content?: string;
  timestamp: string;
  author?: { id: string; username?: string; global_name?: string | null };
  reactions?: { count?: number }[];
  thread?: { message_count?: number };
  message_reference?: { message_id?: string };
}

export function snowflakeAt(date: Date): string {
  return ((BigInt(date.getTime()) - DISCORD_EPOCH) << 22n).toString();
}

function discordHistory(
  rest: REST,
  channel: string,
  hasContentAccess: () => Promise<boolean>,
  logger: ChannelLogger,
  maxPages: number,
): ChannelHistory {
  return {
    async read(since, until) {
      if (!(await hasContentAccess())) return { messages: [], incomplete: 'no_content_access' };
      const raw: RawMessage[] = [];
      let incomplete: 'rate_limited' | 'page_cap' | undefined;
      let before = snowflakeAt(until);
      try {
        for (let page = 0; ; page++) {
          if (page >= maxPages) {
            incomplete = 'page_cap';
            break;
          }
          const batch = (await rest.get(`/channels/${channel}/messages`, {
            query: new URLSearchParams({ limit: '100', before }),
          })) as RawMessage[];
          raw.push(...batch);
          const oldest = batch.at(-1);
          if (!oldest || batch.length < 100 || new Date(oldest.timestamp) < since) break;
          before = oldest.id;
        }
      } catch (err) {
        if (!(err instanceof RateLimitError)) throw err;
        logger.warn(
          { channel, error: describeRestError(err) },
          'discord: reading history was rate-limited; the digest covers what was read',
        );
        incomplete = 'rate_limited';
      }
      // Default messages and replies with text, oldest first.
      const messages = raw
        .filter((m) => (m.type === 0 || m.type === 19) && (m.content ?? '').trim() && new Date(m.timestamp) >= since)
        .map(toMessage)
        .reverse();
      return incomplete ? { messages, incomplete } : { messages };
    },
  };
}

function toMessage(m: RawMessage): ChannelMessage {
  return {
    id: m.id,
    author: m.author?.global_name || m.author?.username || m.author?.id || 'unknown',
    text: m.content ?? '',
    at: new Date(m.timestamp),
    // Discord threads are channels of their own; a reply's reference is the nearest thing to a thread here.
    ...(m.message_reference?.message_id ? { threadId: m.message_reference.message_id } : {}),
    replyCount: m.thread?.message_count ?? 0,
    reactions: (m.reactions ?? []).reduce((sum, r) => sum + (r.count ?? 0), 0),
  };
}
