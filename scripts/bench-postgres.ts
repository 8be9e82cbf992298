// The PostgreSQL store's own costs (issue 17: each under 5 ms p99): a saved-scenario round trip
// (save, then read back) and a schedule claim (claim a due schedule, record its run). Runs in a
// schema of its own on BENCH_DATABASE_URL (default: the local test database), dropped after; when
// no server answers, it says so and measures nothing. `tsx scripts/bench-postgres.ts` runs it alone.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import type { Schedule } from '../src/store/store.js';

export interface PostgresRow {
  name: string;
  runs: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

export async function benchPostgres(
  url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
): Promise<PostgresRow[]> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (err) {
    console.error(`PostgreSQL not reachable at ${new URL(url).host} (${(err as Error).message}): its rows are skipped`);
    return [];
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const store = await openPostgresStore({ connectionString: scoped.toString(), maxConnections: 4 });
  try {
    const scenarios = await time(2000, async (i) => {
      const scope = `slack:T1:C${i % 50}`;
      await store.saveScenario(scope, {
        name: `s${i % 200}`,
        command: 'margin',
        inputs: { revenue: '$10M' },
        savedBy: 'u',
        savedAt: 'now',
      });
      await store.getScenario(scope, `s${i % 200}`);
    });
    const at = new Date('2026-12-02T09:00:00Z');
    const base: Omit<Schedule, 'id' | 'scope'> = {
      command: 'brief',
      args: '',
      every: 'daily',
      time: '09:00',
      tz: 'UTC',
      lang: 'en',
      createdBy: 'u',
      createdAt: 'now',
      nextRunAt: at.toISOString(),
    };
    // 1,000 schedules, one always due: each claim finds it among the others and records its run.
    for (let i = 0; i < 1000; i++)
      await store.saveSchedule({ ...base, id: `x${i}`, scope: `slack:T1:C${i}`, nextRunAt: '2027-01-01T00:00:00Z' });
    await store.saveSchedule({ ...base, id: 'due', scope: 'slack:T1:C0' });
    const claims = await time(2000, async () => {
      const [claim] = await store.claimDueSchedules(at, { leaseMs: 60_000, limit: 10, platforms: ['slack'] });
      await store.finishScheduleRun(claim!, claim!.schedule);
    });
    return [
      { name: 'PostgreSQL: saved-scenario round trip (save + read)', ...scenarios },
      { name: 'PostgreSQL: schedule claim (claim + record the run)', ...claims },
    ];
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

async function time(runs: number, work: (i: number) => Promise<void>): Promise<Omit<PostgresRow, 'name'>> {
  for (let i = 0; i < 100; i++) await work(i); // warm the pool and the plans
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000) / 1000;
  return { runs, p50_ms: at(0.5), p99_ms: at(0.99), max_ms: Math.round(times.at(-1)! * 1000) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await benchPostgres());
