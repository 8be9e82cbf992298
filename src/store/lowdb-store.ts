// The Store on a local JSON file with lowdb: the only module that imports lowdb. The file is
// validated when opened; a corrupt file stops the bot with its path named and is never
// overwritten. Writes go one at a time, and lowdb's writer replaces the file by an atomic rename.
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { z } from 'zod';
import { inProcessCoordination } from './in-process-coordination.js';
import { scenarioKey, StoreError, type Store } from './store.js';

const Scenario = z.strictObject({
  name: z.string().min(1),
  command: z.literal('margin'),
  inputs: z.record(z.string(), z.string()),
  savedBy: z.string(),
  savedAt: z.string(),
});

const Schedule = z.strictObject({
  id: z.string().min(1),
  scope: z.string().min(1),
  command: z.enum(['digest', 'brief']),
  args: z.string(),
  every: z.enum(['daily', 'weekly']),
  day: z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']).optional(),
  time: z.string().regex(/^\d{2}:\d{2}$/),
  tz: z.string().min(1),
  lang: z.enum(['en', 'zh']),
  createdBy: z.string(),
  createdAt: z.string(),
  nextRunAt: z.string(),
  lastRunAt: z.string().optional(),
  disabled: z.string().optional(),
});

const StoreFile = z.strictObject({
  schemaVersion: z.literal(1),
  scenarios: z.record(z.string(), z.record(z.string(), Scenario)),
  // Added after the first release of the file format: older files simply have none yet.
  schedules: z.record(z.string(), Schedule).default({}),
  // Slack workspaces installed through OAuth (issue 17), sealed by the caller: older files have none.
  installations: z.record(z.string(), z.strictObject({ id: z.string(), sealed: z.string(), installedAt: z.string() })).default({}),
});
type StoreData = z.infer<typeof StoreFile>;

const empty = (): StoreData => ({ schemaVersion: 1, scenarios: {}, schedules: {}, installations: {} });

export async function openLowdbStore(path: string): Promise<Store> {
  // Not JSONFilePreset: it silently keeps data in memory when NODE_ENV=test.
  const db = new Low<StoreData>(new JSONFile<StoreData>(path), empty());
  try {
    await db.read();
  } catch (err) {
    throw new StoreError(`${path}: cannot be read (${(err as Error).message}); fix or move the file, it is never overwritten`);
  }
  const parsed = StoreFile.safeParse(db.data ?? empty());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StoreError(
      `${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}; fix or move the file, it is never overwritten`,
    );
  }
  db.data = parsed.data;

  // One change at a time: each waits for the previous write, so none is lost.
  let queue: Promise<unknown> = Promise.resolve();
  let dirReady = false;
  // The last write's failure, until a write succeeds: readiness reports it.
  let writeFailure: string | undefined;
  const change = <T>(mutate: (data: StoreData) => T): Promise<T> => {
    const next = queue.then(async () => {
      const result = mutate(db.data);
      try {
        if (!dirReady) {
          await mkdir(dirname(path), { recursive: true });
          dirReady = true;
        }
        await db.write();
        writeFailure = undefined;
      } catch (err) {
        writeFailure = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        throw err;
      }
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  const records: Omit<Store, keyof ReturnType<typeof inProcessCoordination>> = {
    saveScenario: (scope, scenario) =>
      change((data) => {
        data.scenarios[scope] ??= {};
        const scoped = data.scenarios[scope];
        const key = scenarioKey(scenario.name);
        const existed = key in scoped;
        scoped[key] = scenario;
        return existed ? 'replaced' : 'created';
      }),
    getScenario: async (scope, name) => db.data.scenarios[scope]?.[scenarioKey(name)],
    listScenarios: async (scope) => Object.values(db.data.scenarios[scope] ?? {}).sort((a, b) => a.name.localeCompare(b.name)),
    deleteScenario: (scope, name) =>
      change((data) => {
        const scoped = data.scenarios[scope];
        const key = scenarioKey(name);
        if (!scoped || !(key in scoped)) return false;
        delete scoped[key];
        return true;
      }),
    saveSchedule: (schedule) =>
      change((data) => {
        data.schedules[schedule.id] = schedule;
      }),
    listSchedules: async (scope) => Object.values(db.data.schedules).filter((s) => scope === undefined || s.scope === scope),
    deleteSchedule: (scope, id) =>
      change((data) => {
        const found = data.schedules[id];
        if (!found || found.scope !== scope) return false;
        delete data.schedules[id];
        return true;
      }),
    writable: async () => {
      const problem = writeFailure ?? (await cannotWrite(path));
      return problem ? { ok: false, detail: `cannot write the store at ${path}: ${problem}` } : { ok: true, detail: `writable (${path})` };
    },
    close: () => queue.then(() => undefined),
    ...installationRecords(change, () => db.data),
  };
  return { ...records, ...inProcessCoordination(records) };
}

/** Installations, and forgetting a workspace in one write (issue 17). */
function installationRecords(
  change: <T>(mutate: (data: StoreData) => T) => Promise<T>,
  data: () => StoreData,
): Pick<Store, 'saveInstallation' | 'getInstallation' | 'forgetWorkspace'> {
  return {
    saveInstallation: (installation) =>
      change((d) => {
        d.installations[installation.id] = installation;
      }),
    getInstallation: async (id) => data().installations[id],
    forgetWorkspace: (id, scopePrefix) =>
      change((d) => {
        delete d.installations[id];
        for (const scope of Object.keys(d.scenarios)) if (scope.startsWith(scopePrefix)) delete d.scenarios[scope];
        for (const [key, s] of Object.entries(d.schedules)) if (s.scope.startsWith(scopePrefix)) delete d.schedules[key];
      }),
  };
}

/** Why a write to `path` would fail now (its folder, or the nearest one that exists, must be writable), or undefined. */
async function cannotWrite(path: string): Promise<string | undefined> {
  let target = path;
  for (;;) {
    try {
      const found = await stat(target);
      if (target !== path && !found.isDirectory()) return `${target} is not a folder`;
      await access(target, constants.W_OK);
      return undefined;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || dirname(target) === target) return code ?? (err as Error).message;
      target = dirname(target);
    }
  }
}
