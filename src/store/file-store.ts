// The Store on a local JSON file: the embedded default (`npm start` needs no database), safe
// with several processes on one STORE_PATH (the server, one-shot CLIs, a second replica on a
// shared volume). Every change is applied under a lock to the file as it is on disk, and is
// acknowledged only once it is durably there (locked-file.ts). Reads use the copy last read, and
// re-read the file when another process replaced it.
//
// A file that no longer parses (edited by hand, damaged) is never overwritten: writes are
// refused with one line naming the file, reads keep the last good copy, and readiness reports it.
import { randomUUID } from 'node:crypto';
import type { StoreData } from './file-format.js';
import { currentVersion, type LockTimes, readSnapshot, type Snapshot, storeError, updateFile } from './locked-file.js';
import { type ScheduleClaim, scenarioKey, type Store, StoreWriteError } from './store.js';
import { cannotWrite } from './write-checks.js';

export interface FileStoreOptions extends Partial<LockTimes> {
  /** The clock event ids are remembered by; injected so tests control time. */
  clock?: () => number;
}

/** What a change did to the data: its result, and whether there is anything to write. */
type Outcome<T> = { result: T; changed: boolean };
type Change<T> = (data: StoreData) => Outcome<T>;
const changed = <T>(result: T): Outcome<T> => ({ result, changed: true });
const unchanged = <T>(result: T): Outcome<T> => ({ result, changed: false });

/** Event ids remembered at most; the oldest go first (Slack re-sends within minutes). */
const MAX_EVENT_IDS = 5000;

export async function openFileStore(path: string, options: FileStoreOptions = {}): Promise<Store> {
  const times: LockTimes = { staleMs: options.staleMs ?? 10_000, waitMs: options.waitMs ?? 30_000 };
  const clock = options.clock ?? Date.now;
  // A file that does not parse stops the bot here, with its path named.
  let snapshot: Snapshot = await readSnapshot(path);
  // The file on disk does not parse now (reads keep the last good copy), or the last write failed.
  let readProblem: StoreWriteError | undefined;
  let writeProblem: StoreWriteError | undefined;

  const read = async (): Promise<StoreData> => {
    try {
      if ((await currentVersion(path)) !== snapshot.version) snapshot = await readSnapshot(path);
      readProblem = undefined;
    } catch (err) {
      if (!(err instanceof StoreWriteError)) throw err;
      readProblem = err;
    }
    return snapshot.data;
  };

  // Changes asked for while a write is under way go together in the next one: each is still
  // acknowledged only after the write that holds it, and a busy server does not queue one lock
  // and one flush per change.
  let pending: { change: Change<unknown>; resolve(v: unknown): void; reject(e: unknown): void }[] = [];
  let draining: Promise<void> | undefined;
  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      const results: unknown[] = [];
      try {
        // May run more than once, each time on the file as it is then: the changes are pure.
        snapshot = await updateFile(path, times, (data) => {
          results.length = 0;
          let any = false;
          for (const p of batch) {
            const outcome = p.change(data);
            results.push(outcome.result);
            any ||= outcome.changed;
          }
          return any;
        });
        readProblem = writeProblem = undefined;
        for (const [i, p] of batch.entries()) p.resolve(results[i]);
      } catch (err) {
        if (err instanceof StoreWriteError && err.failure.code === 'system') writeProblem = err;
        for (const p of batch) p.reject(err);
      }
    }
    draining = undefined;
  };
  const change = <T>(fn: Change<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.push({ change: fn, resolve: resolve as (v: unknown) => void, reject });
      draining ??= drain();
    });

  const store: Store = {
    saveScenario: (scope, scenario) =>
      change((data) => {
        data.scenarios[scope] ??= {};
        const scoped = data.scenarios[scope];
        const key = scenarioKey(scenario.name);
        const existed = key in scoped;
        scoped[key] = scenario;
        return changed(existed ? 'replaced' : 'created');
      }),
    getScenario: async (scope, name) => (await read()).scenarios[scope]?.[scenarioKey(name)],
    listScenarios: async (scope) => Object.values((await read()).scenarios[scope] ?? {}).sort((a, b) => a.name.localeCompare(b.name)),
    deleteScenario: (scope, name) =>
      change((data) => {
        const scoped = data.scenarios[scope];
        const key = scenarioKey(name);
        if (!scoped || !(key in scoped)) return unchanged(false);
        delete scoped[key];
        return changed(true);
      }),
    saveSchedule: (schedule) =>
      change((data) => {
        data.schedules[schedule.id] = structuredClone(schedule);
        return changed(undefined);
      }),
    listSchedules: async (scope) =>
      Object.values((await read()).schedules)
        .filter((s) => scope === undefined || s.scope === scope)
        .map((s) => structuredClone(s)),
    deleteSchedule: (scope, id) =>
      change((data) => {
        if (data.schedules[id]?.scope !== scope) return unchanged(false);
        delete data.schedules[id];
        delete data.claims[id];
        return changed(true);
      }),
    saveInstallation: (installation) =>
      change((data) => {
        data.installations[installation.id] = { ...installation };
        return changed(undefined);
      }),
    getInstallation: async (id) => (await read()).installations[id],
    forgetWorkspace: (id, scopePrefix) =>
      change((data) => {
        delete data.installations[id];
        for (const scope of Object.keys(data.scenarios)) if (scope.startsWith(scopePrefix)) delete data.scenarios[scope];
        for (const [key, s] of Object.entries(data.schedules))
          if (s.scope.startsWith(scopePrefix)) {
            delete data.schedules[key];
            delete data.claims[key];
          }
        return changed(undefined);
      }),
    async firstDelivery(eventId, ttlMs) {
      const seenAt = (data: StoreData) => data.delivered[eventId] ?? Number.NEGATIVE_INFINITY;
      // Most ids are new, but a re-sent one is answered without taking the lock.
      if (clock() - seenAt(await read()) < ttlMs) return false;
      return change((data) => {
        const t = clock();
        if (t - seenAt(data) < ttlMs) return unchanged(false);
        delete data.delivered[eventId];
        data.delivered[eventId] = t;
        forgetOldDeliveries(data, t - ttlMs);
        return changed(true);
      });
    },
    async claimDueSchedules(now, { leaseMs, limit, platforms }) {
      const at = now.getTime();
      const due = (data: StoreData) =>
        Object.values(data.schedules)
          .filter((s) => !s.disabled && Date.parse(s.nextRunAt) <= at && platforms.includes(s.scope.split(':')[0]!))
          .filter((s) => (data.claims[s.id]?.until ?? Number.NEGATIVE_INFINITY) <= at)
          .sort((a, b) => Date.parse(a.nextRunAt) - Date.parse(b.nextRunAt))
          .slice(0, limit);
      // The scheduler asks every interval and usually nothing is due: no lock, no write then.
      if (due(await read()).length === 0) return [];
      return change((data) => {
        const claims = due(data).map((schedule): ScheduleClaim => {
          const attempt = (data.claims[schedule.id]?.attempts ?? 0) + 1;
          const token = randomUUID();
          data.claims[schedule.id] = { token, until: at + leaseMs, attempts: attempt };
          return { schedule: structuredClone(schedule), attempt, token };
        });
        return { result: claims, changed: claims.length > 0 };
      });
    },
    finishScheduleRun: (claim, updated) =>
      change((data) => {
        const id = claim.schedule.id;
        if (data.claims[id]?.token !== claim.token) return unchanged(false);
        delete data.claims[id];
        // Deleted while it ran (/unschedule): recording the run must not bring it back.
        if (data.schedules[id]?.scope !== claim.schedule.scope) return changed(false);
        data.schedules[id] = structuredClone(updated);
        return changed(true);
      }),
    async writable() {
      const refused = await cannotWrite(path);
      if (refused) return { ok: false, detail: storeError(path, refused).message };
      await read();
      const problem = readProblem ?? writeProblem;
      return problem ? { ok: false, detail: problem.message } : { ok: true, detail: `writable (${path})` };
    },
    close: async () => {
      await draining;
    },
  };
  return store;
}

/** Ids first seen before `before` can no longer be re-sent; past the cap, the oldest go too. */
function forgetOldDeliveries(data: StoreData, before: number): void {
  const ids = Object.entries(data.delivered);
  for (const [id, t] of ids) if (t < before) delete data.delivered[id];
  const excess = Object.keys(data.delivered).length - MAX_EVENT_IDS;
  if (excess > 0) for (const [id] of ids.sort((a, b) => a[1] - b[1]).slice(0, excess)) delete data.delivered[id];
}
