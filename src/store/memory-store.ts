// A Store in memory: for tests, and for runs that must not touch the disk.
import { inProcessCoordination } from './in-process-coordination.js';
import { scenarioKey, type SavedScenario, type Schedule, type Store, type StoredInstallation } from './store.js';

/** Kept in memory only: for tests, and for runs that must not touch the disk. */
export function memoryStore(): Store {
  const scenarios = new Map<string, Map<string, SavedScenario>>();
  const schedules = new Map<string, Schedule>();
  const installations = new Map<string, StoredInstallation>();
  const scoped = (scope: string) => scenarios.get(scope) ?? scenarios.set(scope, new Map()).get(scope)!;
  const records = {
    saveScenario: async (scope: string, s: SavedScenario) => {
      const existed = scoped(scope).has(scenarioKey(s.name));
      scoped(scope).set(scenarioKey(s.name), s);
      return existed ? ('replaced' as const) : ('created' as const);
    },
    getScenario: async (scope: string, name: string) => scoped(scope).get(scenarioKey(name)),
    listScenarios: async (scope: string) => [...scoped(scope).values()].sort((a, b) => a.name.localeCompare(b.name)),
    deleteScenario: async (scope: string, name: string) => scoped(scope).delete(scenarioKey(name)),
    saveSchedule: async (s: Schedule) => void schedules.set(s.id, structuredClone(s)),
    listSchedules: async (scope?: string) =>
      [...schedules.values()].filter((s) => scope === undefined || s.scope === scope).map((s) => structuredClone(s)),
    deleteSchedule: async (scope: string, id: string) => (schedules.get(id)?.scope === scope ? schedules.delete(id) : false),
    saveInstallation: async (i: StoredInstallation) => void installations.set(i.id, { ...i }),
    getInstallation: async (id: string) => installations.get(id),
    forgetWorkspace: async (id: string, scopePrefix: string) => {
      installations.delete(id);
      for (const scope of scenarios.keys()) if (scope.startsWith(scopePrefix)) scenarios.delete(scope);
      for (const [key, s] of schedules) if (s.scope.startsWith(scopePrefix)) schedules.delete(key);
    },
    writable: async () => ({ ok: true, detail: 'in memory' }),
    close: async () => undefined,
  };
  return { ...records, ...inProcessCoordination(records) };
}
