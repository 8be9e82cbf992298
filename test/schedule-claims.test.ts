// A replica that dies mid-post, on PostgreSQL: its claim runs out and another replica posts the
// slot once; a slot whose second holder dies too is given up rather than posted a third time.
// "Dying" here is a post that never returns until the test lets it go, long after the lease.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { createRouter } from '../src/router/router.js';
import { type ChannelServices, createScheduler, type PostOutcome } from '../src/scheduler/scheduler.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import type { Schedule, Store } from '../src/store/store.js';
import { kb, recordingLogger } from './helpers.js';
import { createTestSchema, postgresUrl, type TestSchema } from './support/postgres.js';
import { aSchedule } from './support/schedules.js';

const due: Schedule = aSchedule();
const start = new Date('2026-12-02T09:00:10.000Z');
const LEASE = 60_000;
const quiet = { info: () => undefined, warn: () => undefined };

describe.skipIf(!postgresUrl)('schedules on several replicas', () => {
  let schema: TestSchema;
  const stores: Store[] = [];
  beforeEach(async () => {
    schema = await createTestSchema();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await schema.drop();
  });

  /** A replica: its own pool, router and scheduler, with a clock the test sets. */
  async function replica(at: Date, post: ChannelServices['post']) {
    const store = await openPostgresStore({ connectionString: schema.url, maxConnections: 2 });
    stores.push(store);
    const router = createRouter({ commands, kb, store, logger: recordingLogger() });
    return createScheduler({ store, router, platforms: { slack: { post } }, logger: quiet, now: () => at, leaseMs: LEASE });
  }

  it('posts each due schedule once when replicas tick together', async () => {
    const seed = await openPostgresStore({ connectionString: schema.url });
    stores.push(seed);
    await Promise.all(Array.from({ length: 5 }, (_, i) => seed.saveSchedule({ ...due, id: `s${i}`, scope: `slack:T1:C${i}` })));
    const posted: string[] = [];
    const post = async (scope: string): Promise<PostOutcome> => {
      posted.push(scope);
      return 'ok';
    };
    const replicas = await Promise.all([1, 2, 3].map(() => replica(start, post)));
    await Promise.all(replicas.flatMap((r) => [r.tick(), r.tick()]));
    expect(posted.sort()).toEqual(['slack:T1:C0', 'slack:T1:C1', 'slack:T1:C2', 'slack:T1:C3', 'slack:T1:C4']);
  });

  it('retries the post of a replica that died holding it once, and never a third time', async () => {
    const seed = await openPostgresStore({ connectionString: schema.url });
    stores.push(seed);
    await seed.saveSchedule(due);
    await seed.saveSchedule({ ...due, id: 'k2', scope: 'slack:T1:C2' });
    let release: (outcome: PostOutcome) => void = () => undefined;
    const hung = new Promise<PostOutcome>((resolve) => (release = resolve));
    const posted: string[] = [];

    // Replica A takes both slots and hangs on its posts: it has died, as far as anyone can tell.
    const a = await replica(start, () => hung);
    const aTick = a.tick();
    const b = await replica(new Date(start.getTime() + LEASE / 2), async (scope) => (posted.push(scope), 'ok'));
    await b.tick();
    expect(posted).toEqual([]); // A's lease still holds

    // After the lease, C takes over and posts k1; D, for k2, dies too.
    const c = await replica(new Date(start.getTime() + LEASE), async (scope) => {
      if (scope === 'slack:T1:C2') return hung;
      posted.push(scope);
      return 'ok';
    });
    const cTick = c.tick();
    await until(async () => posted.length === 1);
    expect(posted).toEqual(['slack:T1:C1']);

    // A third replica, after C's lease, finds k1 done and gives k2 up without posting it.
    const e = await replica(new Date(start.getTime() + 3 * LEASE), async (scope) => (posted.push(scope), 'ok'));
    await e.tick();
    expect(posted).toEqual(['slack:T1:C1']);
    const after = await seed.listSchedules();
    expect(after.map((s) => [s.id, s.nextRunAt])).toEqual([
      ['k1', '2026-12-03T09:00:00.000Z'],
      ['k2', '2026-12-03T09:00:00.000Z'],
    ]);
    expect(after.find((s) => s.id === 'k2')?.lastRunAt).toBeUndefined();

    // The dead replicas come back to life: their stale claims record nothing.
    release('ok');
    await Promise.all([aTick, cTick]);
    expect(await seed.listSchedules()).toEqual(after);
  });
});

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
