// Runs scheduled /digest and /brief posts. Every tick, each due schedule runs once, however many
// slots were missed while the bot was down, and moves to its next slot after now. A channel that
// is gone or that the bot may no longer post in disables its schedule, with a log line, instead of
// failing at every slot. (On several replicas a due schedule must fire once: that needs the
// shared database the design moves to; with the local store there is one process.)
import type { ChannelHistory } from '../core/digest/message.js';
import type { Reply } from '../core/reply.js';
import { nextSlot } from '../core/schedule/slots.js';
import type { Router } from '../router/router.js';
import type { Schedule, Store } from '../store/store.js';

export type PostOutcome = 'ok' | 'gone' | 'forbidden' | 'failed';

/** What a platform adapter gives the scheduler: posting to a channel, and reading one. */
export interface ChannelServices {
  post(scope: string, reply: Reply): Promise<PostOutcome>;
  history?(scope: string): ChannelHistory | undefined;
}

export interface SchedulerLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  store: Store;
  router: Router;
  /** By platform prefix of the schedule's scope ("slack", "discord"). */
  platforms: Partial<Record<'slack' | 'discord', ChannelServices>>;
  logger: SchedulerLogger;
  now?: () => Date;
  intervalMs?: number;
}

export interface Scheduler {
  /** Runs what is due now; resolves to how many schedules ran. */
  tick(): Promise<number>;
  /** Catches up at once, then ticks every interval. */
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  async function runOne(schedule: Schedule, at: Date): Promise<void> {
    const platform = schedule.scope.split(':')[0] as 'slack' | 'discord';
    const services = options.platforms[platform];
    if (!services) return; // that platform is not configured in this process: leave it due
    const history = services.history?.(schedule.scope);
    const reply = await options.router.handle({
      platform,
      command: schedule.command,
      args: schedule.args,
      userId: `${platform}:scheduler`,
      channelId: schedule.scope,
      lang: schedule.lang,
      isAdmin: true,
      wantsChart: false,
      ...(history ? { history } : {}),
    });
    const outcome = reply.kind === 'answer' ? await services.post(schedule.scope, { ...reply, ephemeral: false }) : 'failed';
    const next = nextSlot(
      { every: schedule.every, ...(schedule.day ? { day: schedule.day } : {}), time: schedule.time, tz: schedule.tz },
      at,
    ).toISOString();
    const updated: Schedule = { ...schedule, lastRunAt: at.toISOString(), nextRunAt: next };
    if (outcome === 'gone' || outcome === 'forbidden') {
      updated.disabled = outcome === 'gone' ? 'channel not found' : 'no permission to post';
      options.logger.warn({ schedule: schedule.id, scope: schedule.scope, outcome }, 'schedule disabled');
    } else {
      options.logger.info({ schedule: schedule.id, scope: schedule.scope, outcome, next }, 'schedule ran');
    }
    await options.store.saveSchedule(updated);
  }

  async function tick(): Promise<number> {
    const at = now();
    const due = (await options.store.listSchedules()).filter((s) => !s.disabled && new Date(s.nextRunAt) <= at);
    for (const schedule of due) {
      try {
        await runOne(schedule, at);
      } catch (err) {
        options.logger.warn({ schedule: schedule.id, err: (err as Error).message }, 'schedule failed; trying at its next slot');
        const next = nextSlot(
          { every: schedule.every, ...(schedule.day ? { day: schedule.day } : {}), time: schedule.time, tz: schedule.tz },
          at,
        ).toISOString();
        await options.store.saveSchedule({ ...schedule, nextRunAt: next });
      }
    }
    return due.length;
  }

  const serialTick = () => (running = running.then(tick, tick));
  return {
    tick: serialTick,
    start() {
      void serialTick();
      timer = setInterval(() => void serialTick(), options.intervalMs ?? 30_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
