// /schedules and /unschedule <id>: what this channel has scheduled, and stopping one.
import { z } from 'zod';
import { channelWords } from '../src/core/i18n/channel-words.js';
import { reply } from '../src/core/reply.js';
import { userError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';
import { describeSchedule } from './schedule-options.js';

export const schedulesCommand = defineCommand({
  name: 'schedules',
  localName: { zh: '定时任务' },
  description: { en: 'The digests and briefs scheduled in this channel', zh: '本频道已设置的定时汇总和简报' },
  options: {},
  examples: ['/schedules'],
  async run(_args, { store, scope, lang }) {
    const w = channelWords(lang);
    const list = await store.listSchedules(scope);
    const columns = w.scheduleColumns;
    return reply(lang, w.schedulesTitle, {
      ephemeral: true,
      body: list.length ? [] : [w.noSchedules],
      ...(list.length
        ? {
            table: {
              columns: [columns.id, columns.what, columns.next, columns.state],
              rows: list.map((s) => [
                s.id,
                describeSchedule(s, lang),
                `${s.nextRunAt.slice(0, 16).replace('T', ' ')} UTC`,
                s.disabled ? w.stopped(s.disabled) : w.active,
              ]),
            },
          }
        : {}),
      suggestions: list.slice(0, 2).map((s) => `/unschedule ${s.id}`),
    });
  },
});

export const unscheduleCommand = defineCommand({
  name: 'unschedule',
  localName: { zh: '取消定时' },
  description: { en: 'Stop a scheduled digest or brief (channel managers)', zh: '停止一项定时汇总或简报(仅频道管理者)' },
  options: {
    id: {
      schema: z.string().trim().min(1).max(20),
      positional: true,
      description: { en: 'The schedule’s id, from /schedules', zh: '定时任务编号,见 /schedules' },
    },
  },
  examples: ['/unschedule k3f9'],
  async run({ id }, ctx) {
    if (!(await ctx.isAdmin())) return userError('not_channel_manager', {});
    const removed = await ctx.store.deleteSchedule(ctx.scope, id);
    if (!removed)
      return userError('unknown_schedule', { id, available: (await ctx.store.listSchedules(ctx.scope)).map((s) => s.id) }, ['/schedules']);
    return reply(ctx.lang, channelWords(ctx.lang).unscheduled(id), {
      ephemeral: true,
      suggestions: ['/schedules'],
    });
  },
});
