// What the scheduler and /digest need from Slack: reading a channel's recent messages (with
// thread replies, paged politely and cut short, saying so, when Slack rate-limits the app),
// posting to a channel, and telling whether a user manages the workspace.
import type { WebClient } from '@slack/web-api';
import type { ChannelHistory, ChannelMessage } from '../../core/digest/message.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../logger.js';
import type { ChannelServices, PostOutcome } from '../../scheduler/scheduler.js';
import { renderBlocks } from './blocks.js';

export interface HistoryLimits {
  /** conversations.history pages (Slack may cap apps outside the Marketplace at 15 messages a page, 1 page a minute). */
  maxPages: number;
  /** Threads whose replies are read, busiest first. */
  maxThreads: number;
}

const DEFAULT_LIMITS: HistoryLimits = { maxPages: 20, maxThreads: 20 };

interface RawMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  text?: string;
  thread_ts?: string;
  reply_count?: number;
  reactions?: { count?: number }[];
  user_profile?: { real_name?: string; display_name?: string };
}

/** `web` should reject rate-limited calls (not wait a minute per page): a 429 ends the reading. */
export function slackHistory(web: WebClient, channel: string, logger: Logger, limits: HistoryLimits = DEFAULT_LIMITS): ChannelHistory {
  return {
    async read(since, until) {
      const raw: RawMessage[] = [];
      let incomplete: 'rate_limited' | 'page_cap' | undefined;
      try {
        let cursor: string | undefined;
        for (let page = 0; ; page++) {
          if (page >= limits.maxPages) {
            incomplete = 'page_cap';
            break;
          }
          const res = (await web.conversations.history({
            channel,
            oldest: String(since.getTime() / 1000),
            latest: String(until.getTime() / 1000),
            limit: 200,
            ...(cursor ? { cursor } : {}),
          })) as {
            messages?: RawMessage[];
            response_metadata?: { next_cursor?: string };
          };
          raw.push(...(res.messages ?? []));
          cursor = res.response_metadata?.next_cursor || undefined;
          if (!cursor) break;
        }
        const threads = raw.filter((m) => (m.reply_count ?? 0) > 0 && m.ts).sort((a, b) => (b.reply_count ?? 0) - (a.reply_count ?? 0));
        for (const parent of threads.slice(0, limits.maxThreads)) {
          const res = (await web.conversations.replies({ channel, ts: parent.ts!, limit: 200 })) as { messages?: RawMessage[] };
          raw.push(...(res.messages ?? []).filter((m) => m.ts !== parent.ts));
        }
        if (threads.length > limits.maxThreads) incomplete ??= 'page_cap';
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code !== 'slack_webapi_rate_limited_error') throw err;
        logger.warn({ channel }, 'slack history rate-limited; the digest covers what was read');
        incomplete = 'rate_limited';
      }
      const messages = raw.filter((m) => m.ts && !m.subtype && (m.text ?? '').trim()).map((m) => toMessage(m, channel));
      return incomplete ? { messages, incomplete } : { messages };
    },
  };
}

function toMessage(m: RawMessage, channel: string): ChannelMessage {
  const ts = m.ts!;
  return {
    id: ts,
    author: m.user_profile?.display_name || m.user_profile?.real_name || m.user || m.bot_id || 'unknown',
    text: m.text ?? '',
    at: new Date(Number(ts) * 1000),
    ...(m.thread_ts && m.thread_ts !== ts ? { threadId: m.thread_ts } : {}),
    replyCount: m.reply_count ?? 0,
    reactions: (m.reactions ?? []).reduce((sum, r) => sum + (r.count ?? 0), 0),
    link: `https://slack.com/archives/${channel}/p${ts.replace('.', '')}`,
  };
}

const GONE = new Set(['channel_not_found', 'is_archived', 'account_inactive', 'team_not_found']);
const FORBIDDEN = new Set([
  'not_in_channel',
  'missing_scope',
  'restricted_action',
  'ekm_access_denied',
  'not_allowed_token_type',
  'invalid_auth',
]);

/** Posting a scheduled reply: the outcome tells the scheduler whether to keep the schedule. */
export async function postToChannel(web: WebClient, channel: string, reply: Reply, logger: Logger): Promise<PostOutcome> {
  try {
    const message = renderBlocks(reply);
    await web.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false, unfurl_media: false });
    return 'ok';
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error ?? '';
    logger.warn({ channel, error: code || (err as Error).message }, 'slack post failed');
    return GONE.has(code) ? 'gone' : FORBIDDEN.has(code) ? 'forbidden' : 'failed';
  }
}

/** Users whose admin answer is remembered: everyone who schedules in a large workspace, but not without end. */
const ADMIN_CACHE_USERS = 10_000;

/** Workspace admins and owners may schedule; the answer is remembered for five minutes. */
export function adminChecker(web: WebClient, logger: Logger, now: () => number = Date.now): (userId: string) => Promise<boolean> {
  const cache = new Map<string, { admin: boolean; at: number }>();
  return async (userId) => {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < 5 * 60_000) return hit.admin;
    try {
      const res = (await web.users.info({ user: userId })) as {
        user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean };
      };
      const admin = Boolean(res.user?.is_admin || res.user?.is_owner || res.user?.is_primary_owner);
      // Re-inserted at the end, so the oldest answers are first to go when the map is full.
      cache.delete(userId);
      cache.set(userId, { admin, at: now() });
      if (cache.size > ADMIN_CACHE_USERS) cache.delete(cache.keys().next().value!);
      return admin;
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'slack users.info failed; treating the user as not an admin');
      return false;
    }
  };
}

/** "slack:T1:C1" -> "C1" */
export const channelOf = (scope: string) => scope.split(':')[2] ?? '';

export function slackChannelServices(web: WebClient, historyWeb: WebClient, logger: Logger): ChannelServices {
  return {
    post: (scope, reply) => postToChannel(web, channelOf(scope), reply, logger),
    history: (scope) => slackHistory(historyWeb, channelOf(scope), logger),
  };
}
