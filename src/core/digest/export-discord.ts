// A DiscordChatExporter JSON file: { guild, channel, messages: [{ id, type, timestamp, content,
// author { id, name, nickname, isBot }, reactions [{ emoji, count }], reference? }] }, as its
// JsonMessageWriter writes it. Content is already plain text ("@Ana", not "<@123>").
import { z } from 'zod';
import type { ChannelMessage } from './message.js';

export const DiscordMessage = z.object({
  id: z.string(),
  type: z.string().optional(),
  timestamp: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'timestamp should be an ISO 8601 date'),
  content: z.string().default(''),
  author: z.object({
    id: z.string(),
    name: z.string().optional(),
    nickname: z.string().nullable().optional(),
    isBot: z.boolean().optional(),
  }),
  reactions: z
    .array(z.object({ emoji: z.object({ name: z.string().optional() }).optional(), count: z.number().int().nonnegative() }))
    .optional(),
  reference: z.object({ messageId: z.string().nullable().optional() }).nullable().optional(),
});
export type DiscordMessage = z.infer<typeof DiscordMessage>;

const Place = z.object({ id: z.string(), name: z.string().optional() });

/**
 * The file around the messages. The list is taken as it is (not copied) and each message is
 * checked on its own, so that a large export is never held twice.
 */
export const DiscordEnvelope = z.object({
  guild: Place,
  channel: Place,
  messages: z.custom<unknown[]>((value) => Array.isArray(value), 'messages should be a list of messages'),
});

export const DiscordExport = z.object({ guild: Place, channel: Place, messages: z.array(DiscordMessage) });
export type DiscordExport = z.infer<typeof DiscordExport>;

/** Messages people wrote; joins, pins, thread notices and bots' posts are not discussion. */
const PEOPLE_TYPES = new Set(['Default', 'Reply']);

export function fromDiscordExport(file: DiscordExport): ChannelMessage[] {
  const kept = file.messages.filter((m) => (m.type === undefined || PEOPLE_TYPES.has(m.type)) && !m.author.isBot);
  const parent = new Map(kept.flatMap((m) => (m.reference?.messageId ? [[m.id, m.reference.messageId] as const] : [])));
  // A reply to a reply belongs to the conversation its first message started.
  const rootOf = (id: string): string => {
    let at = id;
    for (let hops = 0; parent.has(at) && hops < 1000; hops++) at = parent.get(at)!;
    return at;
  };
  const replies = new Map<string, number>();
  for (const id of parent.keys()) replies.set(rootOf(id), (replies.get(rootOf(id)) ?? 0) + 1);
  const guild = file.guild.id === '0' ? '@me' : file.guild.id;
  return kept.map((m) => ({
    id: m.id,
    author: m.author.nickname || m.author.name || m.author.id,
    text: m.content,
    at: new Date(m.timestamp),
    ...(parent.has(m.id) ? { threadId: rootOf(m.id) } : {}),
    replyCount: replies.get(m.id) ?? 0,
    reactions: (m.reactions ?? []).reduce((sum, r) => sum + r.count, 0),
    link: `https://discord.com/channels/${guild}/${file.channel.id}/${m.id}`,
  }));
}
