// /digest [days=7]: the channel's recent discussion summarised onto the market model (layers,
// companies, figures checked against the essay, questions answered, the busiest messages).
// Private by default; `public` posts it. With schedule=… it posts on a schedule instead.
import { z } from 'zod';
import { userError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';
import { createSchedule, scheduleOptions } from './schedule-options.js';

/** Longest window a digest reads: more is slow to fetch and too much to read in a minute. */
export const MAX_DIGEST_DAYS = 90;

export const digestCommand = defineCommand({
  name: 'digest',
  localName: { zh: '频道汇总' },
  description: {
    en: 'A summary of this channel’s recent discussion, mapped onto the market model',
    zh: '把本频道近期的讨论汇总到市场模型上',
  },
  options: {
    days: {
      schema: z.coerce.number().int().min(1).max(MAX_DIGEST_DAYS).optional(),
      positional: true,
      description: { en: `How many days back (default 7, at most ${MAX_DIGEST_DAYS})`, zh: `回溯天数(默认 7,最多 ${MAX_DIGEST_DAYS})` },
    },
    public: {
      schema: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).optional(),
      type: 'boolean',
      description: { en: 'Post it for the channel instead of only to you', zh: '发到频道,而不只给你看' },
    },
    ...scheduleOptions,
  },
  examples: ['/digest', '/digest days=14', '/digest schedule=weekly day=mon time=09:00 tz=Europe/Berlin'],
  // Reading history takes several platform calls; summarising 10,000 messages a few hundred ms.
  slow: true,
  privateByDefault: true,
  cost: 5,
  async run({ days = 7, public: wantsPublic, schedule, day, time, tz }, ctx) {
    if (schedule) return createSchedule(ctx, 'digest', `days=${days}`, { schedule, day, time, tz });
    if (!ctx.history) return userError('no_history', {});
    const until = ctx.now();
    const since = new Date(until.getTime() - days * 86_400_000);
    // The summariser (its number readers, retrieval for questions) loads with the first digest.
    const [{ summarize }, { digestReply }] = await Promise.all([
      import('../src/core/digest/summarize.js'),
      import('../src/core/digest/reply.js'),
    ]);
    const read = await ctx.history.read(since, until);
    const period = read.period ?? { from: since, to: until };
    const digest = summarize(ctx.kb, read.messages, {
      ...period,
      lang: ctx.lang,
      ...(read.incomplete ? { incomplete: read.incomplete } : {}),
    });
    return { ...digestReply(ctx.kb, digest, ctx.lang), ephemeral: !wantsPublic, data: digest };
  },
});
