// Runs scheduled /digest and /brief posts. Every tick, each due schedule runs once, however many
// slots were missed while the bot was down, and moves to its next slot after now. A channel that
// is gone or that the bot may no longer post in disables its schedule, with a log line, instead of
// failing at every slot. On several replicas a due schedule fires once: each is claimed in the
// store for a lease before it runs (on PostgreSQL, FOR UPDATE SKIP LOCKED), and a process that
// dies mid-post lets the lease run out, so another takes the slot over once; a slot whose second
// attempt dies too is given up, never posted a third time.
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
  /** How long a claimed schedule is held before another process may take it over (default 10 min). */
  leaseMs?: number;
}

/** A slot is tried by a second process when the first died holding it, and never a third time. */
export const MAX_ATTEMPTS = 2;

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

  const following = (schedule: Schedule, at: Date) =>
    nextSlot(
      { every: schedule.every, ...(schedule.day ? { day: schedule.day } : {}), time: schedule.time, tz: schedule.tz },
      at,
    ).toISOString();

  /** Runs a claimed schedule and returns it as it should be recorded. */
  async function runOne(schedule: Schedule, at: Date): Promise<Schedule> {
    const platform = schedule.scope.split(':')[0] as 'slack' | 'discord';
    // Claims name only the platforms this process serves.
    const services = options.platforms[platform]!;
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
    const next = following(schedule, at);
    const updated: Schedule = { ...schedule, lastRunAt: at.toISOString(), nextRunAt: next };
    if (outcome === 'gone' || outcome === 'forbidden') {
      updated.disabled = outcome === 'gone' ? 'channel not found' : 'no permission to post';
      options.logger.warn({ schedule: schedule.id, scope: schedule.scope, outcome }, 'schedule disabled');
    } else {
      options.logger.info({ schedule: schedule.id, scope: schedule.scope, outcome, next }, 'schedule ran');
    }
    return updated;
  }

  async function tick(): Promise<number> {
    const at = now();
    const platforms = Object.keys(options.platforms);
    if (platforms.length === 0) return 0;
    const claims = await options.store.claimDueSchedules(at, { leaseMs: options.leaseMs ?? 10 * 60_000, limit: 50, platforms });
    for (const claim of claims) {
      const { schedule } = claim;
      let updated: Schedule;
      if (claim.attempt > MAX_ATTEMPTS) {
        // Two processes died holding this slot: it may have been posted already, so it is not tried again.
        options.logger.warn({ schedule: schedule.id, scope: schedule.scope, attempt: claim.attempt }, 'schedule slot given up');
        updated = { ...schedule, nextRunAt: following(schedule, at) };
      } else {
        try {
          updated = await runOne(schedule, at);
        } catch (err) {
          options.logger.warn({ schedule: schedule.id, err: (err as Error).message }, 'schedule failed; trying at its next slot');
          updated = { ...schedule, nextRunAt: following(schedule, at) };
        }
      }
      if (!(await options.store.finishScheduleRun(claim, updated)))
        options.logger.warn({ schedule: schedule.id }, 'schedule run not recorded: deleted meanwhile, or its claim ran out');
    }
    return claims.length;
  }

  const serialTick = () => (running = running.then(tick, tick));
  // A tick in the background that the store refused (a file that no longer parses, a database
  // gone) is one line in the log, and tried again at the next interval, never an unhandled rejection.
  const backgroundTick = () =>
    void serialTick().catch((err: unknown) =>
      options.logger.warn({ err: (err as Error).message }, 'schedules not checked; trying again at the next interval'),
    );
  return {
    tick: serialTick,
    start() {
      backgroundTick();
      timer = setInterval(backgroundTick, options.intervalMs ?? 30_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
