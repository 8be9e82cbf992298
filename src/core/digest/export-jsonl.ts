// JSON lines, one message per line: {"user": "ana", "text": "...", "ts": 1674201234} with ts in
// epoch seconds (or milliseconds) or an ISO 8601 string. Optional: id, thread_ts (or threadId),
// reply_count (or replyCount), reactions (a count, or Slack-style [{count}]), link.
import { z } from 'zod';
import type { ChannelMessage } from './message.js';

const Timestamp = z.union([z.number().finite(), z.string().trim().min(1)]);

export const JsonLine = z.object({
  user: z.string().trim().min(1),
  text: z.string(),
  ts: Timestamp,
  id: z.union([z.string(), z.number()]).optional(),
  thread_ts: z.union([z.string(), z.number()]).optional(),
  threadId: z.string().optional(),
  reply_count: z.number().int().nonnegative().optional(),
  replyCount: z.number().int().nonnegative().optional(),
  reactions: z.union([z.number().int().nonnegative(), z.array(z.object({ count: z.number().int().nonnegative() }))]).optional(),
  link: z.string().optional(),
});
export type JsonLine = z.infer<typeof JsonLine>;

/** Epoch seconds, epoch milliseconds (beyond the year 5138 in seconds, so unambiguous) or ISO 8601. */
export function parseTimestamp(ts: number | string): Date | undefined {
  const numeric = typeof ts === 'number' ? ts : /^\d+(\.\d+)?$/.test(ts) ? Number(ts) : undefined;
  const ms = numeric === undefined ? Date.parse(ts as string) : numeric >= 1e11 ? numeric : numeric * 1000;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/** A line's id: its own, else its ts (which thread_ts refers to, as in Slack). */
export function lineId(line: JsonLine): string {
  return String(line.id ?? line.ts);
}

export function fromJsonLine(line: JsonLine, id: string, at: Date): ChannelMessage {
  const thread = line.threadId ?? (line.thread_ts === undefined ? undefined : String(line.thread_ts));
  return {
    id,
    author: line.user,
    text: line.text,
    at,
    ...(thread && thread !== id ? { threadId: thread } : {}),
    replyCount: line.replyCount ?? line.reply_count ?? 0,
    reactions: typeof line.reactions === 'number' ? line.reactions : (line.reactions ?? []).reduce((sum, r) => sum + r.count, 0),
    ...(line.link ? { link: line.link } : {}),
  };
}
