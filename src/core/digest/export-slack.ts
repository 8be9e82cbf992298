// A Slack export day file ("general/2023-01-20.json"): a JSON array of the channel's messages that
// day, thread replies included, as Slack's workspace export writes them.
import { z } from 'zod';
import type { ChannelMessage } from './message.js';

const SlackReaction = z.object({
  name: z.string().optional(),
  count: z.number().int().nonnegative().optional(),
  users: z.array(z.string()).optional(),
});

export const SlackExportMessage = z.object({
  type: z.string().optional(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  username: z.string().optional(),
  bot_id: z.string().optional(),
  user_profile: z.object({ real_name: z.string().optional(), display_name: z.string().optional(), name: z.string().optional() }).optional(),
  text: z.string().default(''),
  ts: z.string().regex(/^\d+(\.\d+)?$/, 'ts should be a Slack timestamp string like "1674201234.000200"'),
  thread_ts: z.string().optional(),
  reply_count: z.number().int().nonnegative().optional(),
  reactions: z.array(SlackReaction).optional(),
});
export type SlackExportMessage = z.infer<typeof SlackExportMessage>;

/**
 * What people wrote: plain messages, thread replies also sent to the channel, files with a comment.
 * Joins, topic changes and bots' posts (the digest bot's own among them) are not discussion.
 */
const PEOPLE_SUBTYPES = new Set(['thread_broadcast', 'file_share', 'me_message']);

export function fromSlackExport(items: SlackExportMessage[]): ChannelMessage[] {
  const names = new Map<string, string>();
  for (const m of items) {
    const name = displayName(m);
    if (m.user && name !== m.user) names.set(m.user, name);
  }
  return items
    .filter((m) => (m.subtype === undefined || PEOPLE_SUBTYPES.has(m.subtype)) && !m.bot_id && (m.type ?? 'message') === 'message')
    .map((m) => ({
      id: m.ts,
      author: displayName(m),
      // "<@U123>" becomes "<@U123|Ana>" when the file knows the name: still Slack markup, now readable.
      text: m.text.replace(/<@([UW][A-Z0-9]+)>/g, (whole, id: string) => (names.has(id) ? `<@${id}|${names.get(id)}>` : whole)),
      at: new Date(Number(m.ts) * 1000),
      ...(m.thread_ts && m.thread_ts !== m.ts ? { threadId: m.thread_ts } : {}),
      replyCount: m.reply_count ?? 0,
      reactions: (m.reactions ?? []).reduce((sum, r) => sum + (r.count ?? r.users?.length ?? 0), 0),
    }));
}

function displayName(m: SlackExportMessage): string {
  const p = m.user_profile;
  return p?.real_name || p?.display_name || p?.name || m.user || m.username || 'unknown';
}
