// The options that turn /digest or /brief into a schedule (schedule=weekly day=mon time=09:00
// tz=Europe/Berlin), and creating one: only channel managers may, and only in a channel.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { channelWords } from '../src/core/i18n/channel-words.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { isTimeZone, nextSlot, WEEKDAYS, type Weekday } from '../src/core/schedule/slots.js';
import { reply, type Reply } from '../src/core/reply.js';
import { userError, type UserError } from '../src/core/user-error.js';
import type { Schedule } from '../src/store/store.js';
import type { CommandContext } from './command.js';
import type { OptionDef } from './options.js';

const opt = <S extends z.ZodType>(schema: S, en: string, zh: string): OptionDef<S> => ({ schema, description: { en, zh } });

export const scheduleOptions = {
  schedule: opt(
    z.enum(['daily', 'weekly']).optional(),
    'Post this on a schedule: daily or weekly (channel managers)',
    '定时发布:daily 或 weekly(仅频道管理者)',
  ),
  day: opt(z.enum(WEEKDAYS).optional(), 'Weekday for weekly posts (default mon)', '每周发布的星期(默认 mon)'),
  time: opt(z.string().trim().max(10).optional(), 'Time of day, HH:MM (default 09:00)', '发布时间 HH:MM(默认 09:00)'),
  tz: opt(z.string().trim().max(64).optional(), 'Time zone, e.g. Europe/Berlin (default UTC)', '时区,例如 Asia/Shanghai(默认 UTC)'),
};

export interface ScheduleRequest {
  schedule?: 'daily' | 'weekly' | undefined;
  day?: Weekday | undefined;
  time?: string | undefined;
  tz?: string | undefined;
}

/** Creates the schedule, or says why not. `args` is the command's own text, re-run at each slot. */
export async function createSchedule(
  ctx: CommandContext,
  command: Schedule['command'],
  args: string,
  request: ScheduleRequest,
): Promise<Reply | UserError> {
  if (ctx.platform === 'shell') return userError('schedules_need_a_channel', {});
  const time = request.time ?? '09:00';
  const tz = request.tz ?? 'UTC';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return userError('bad_time', { value: time });
  if (!isTimeZone(tz)) return userError('bad_timezone', { value: tz });
  if (!(await ctx.isAdmin())) return userError('not_channel_manager', {});
  const every = request.schedule ?? 'weekly';
  const day = every === 'weekly' ? (request.day ?? 'mon') : undefined;
  const existing = new Set((await ctx.store.listSchedules()).map((s) => s.id));
  let id = '';
  do id = randomBytes(3).toString('hex').slice(0, 4);
  while (existing.has(id));
  const now = ctx.now();
  const schedule: Schedule = {
    id,
    scope: ctx.scope,
    command,
    args,
    every,
    ...(day ? { day } : {}),
    time,
    tz,
    lang: ctx.lang,
    createdBy: ctx.userId,
    createdAt: now.toISOString(),
    nextRunAt: nextSlot({ every, ...(day ? { day } : {}), time, tz }, now).toISOString(),
  };
  await ctx.store.saveSchedule(schedule);
  const w = channelWords(ctx.lang);
  return reply(ctx.lang, w.scheduled(id), {
    ephemeral: true,
    body: [describeSchedule(schedule, ctx.lang), w.nextPost(schedule.nextRunAt.slice(0, 16).replace('T', ' '), id)],
    suggestions: ['/schedules', `/unschedule ${id}`],
  });
}

export function describeSchedule(s: Schedule, lang: Lang): string {
  const w = channelWords(lang);
  const what = `/${s.command}${s.args ? ` ${s.args}` : ''}`;
  // createSchedule gives every weekly schedule a day; String() words one stored without it as before.
  return w.schedule(what, s.every === 'daily' ? w.daily : w.weekly(String(s.day)), s.time, s.tz);
}
