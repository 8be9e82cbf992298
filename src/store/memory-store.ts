// A Store in memory: for tests, and for runs that must not touch the disk.
import { scenarioKey, type SavedScenario, type Schedule, type Store } from './store.js';

/** Kept in memory only: for tests, and for runs that must not touch the disk. */
export function memoryStore(): Store {
  const scenarios = new Map<string, Map<string, SavedScenario>>();
  const schedules = new Map<string, Schedule>();
  const scoped = (scope: string) => scenarios.get(scope) ?? scenarios.set(scope, new Map()).get(scope)!;
  return {
    saveScenario: async (scope, s) => {
      const existed = scoped(scope).has(scenarioKey(s.name));
      scoped(scope).set(scenarioKey(s.name), s);
      return existed ? 'replaced' : 'created';
    },
    getScenario: async (scope, name) => scoped(scope).get(scenarioKey(name)),
    listScenarios: async (scope) => [...scoped(scope).values()].sort((a, b) => a.name.localeCompare(b.name)),
    deleteScenario: async (scope, name) => scoped(scope).delete(scenarioKey(name)),
    saveSchedule: async (s) => void schedules.set(s.id, structuredClone(s)),
    listSchedules: async (scope) =>
      [...schedules.values()].filter((s) => scope === undefined || s.scope === scope).map((s) => structuredClone(s)),
    deleteSchedule: async (scope, id) => (schedules.get(id)?.scope === scope ? schedules.delete(id) : false),
    writable: async () => ({ ok: true, detail: 'in memory' }),
    close: async () => undefined,
  };
}
