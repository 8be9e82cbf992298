// Schedule claims and delivered event ids for the store that serves one process (in memory).
// There a claim only has to keep a schedule from running twice within the process, and an event
// id only has to be remembered by it. The file store keeps both in its file, and the PostgreSQL
// store in the database, since several processes share those.
import { randomUUID } from 'node:crypto';
import type { ScheduleClaim, Store } from './store.js';

type Coordination = Pick<Store, 'claimDueSchedules' | 'finishScheduleRun' | 'firstDelivery'>;

/** Event ids remembered at most; the oldest go first (Slack re-sends within minutes). */
const MAX_EVENT_IDS = 5000;

export function inProcessCoordination(
  records: Pick<Store, 'listSchedules' | 'saveSchedule'>,
  clock: () => number = Date.now,
): Coordination {
  const claims = new Map<string, { token: string; until: number; attempts: number }>();
  const delivered = new Map<string, number>();
  return {
    async claimDueSchedules(now, { leaseMs, limit, platforms }) {
      const at = now.getTime();
      const due = (await records.listSchedules())
        .filter((s) => !s.disabled && Date.parse(s.nextRunAt) <= at && platforms.includes(s.scope.split(':')[0]!))
        .filter((s) => (claims.get(s.id)?.until ?? Number.NEGATIVE_INFINITY) <= at)
        .sort((a, b) => Date.parse(a.nextRunAt) - Date.parse(b.nextRunAt))
        .slice(0, limit);
      return due.map((schedule): ScheduleClaim => {
        const claim = { token: randomUUID(), until: at + leaseMs, attempts: (claims.get(schedule.id)?.attempts ?? 0) + 1 };
        claims.set(schedule.id, claim);
        return { schedule, attempt: claim.attempts, token: claim.token };
      });
    },
    async finishScheduleRun(claim, updated) {
      if (claims.get(claim.schedule.id)?.token !== claim.token) return false;
      claims.delete(claim.schedule.id);
      // Deleted while it ran (/unschedule): recording the run must not bring it back.
      if (!(await records.listSchedules(claim.schedule.scope)).some((s) => s.id === claim.schedule.id)) return false;
      await records.saveSchedule(updated);
      return true;
    },
    async firstDelivery(eventId, ttlMs) {
      const t = clock();
      const at = delivered.get(eventId);
      if (at !== undefined && t - at < ttlMs) return false;
      delivered.delete(eventId);
      delivered.set(eventId, t);
      while (delivered.size > MAX_EVENT_IDS) delivered.delete(delivered.keys().next().value!);
      return true;
    },
  };
}
