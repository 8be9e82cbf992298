// One Store contract, run against every store: in memory, the file and PostgreSQL. What a
// command, the scheduler or the Slack adapter relies on is said here once; a store passes all of
// it or it is not a Store. (PostgreSQL runs when the test server answered; see test/setup/services.ts.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openFileStore } from '../src/store/file-store.js';
import { memoryStore } from '../src/store/memory-store.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import type { SavedScenario, Schedule, Store } from '../src/store/store.js';
import { createTestSchema, postgresUrl, type TestSchema } from './support/postgres.js';
import { aSchedule } from './support/schedules.js';

const scenario = (name: string, inference = '30%'): SavedScenario => ({
  name,
  command: 'margin',
  inputs: { inference },
  savedBy: 'slack:T1:U1',
  savedAt: '2026-12-01T00:00:00.000Z',
});

const schedule = (id: string, scope = 'slack:T1:C1', over: Partial<Schedule> = {}): Schedule => aSchedule({ id, scope, ...over });

const at = new Date('2026-12-02T09:00:30.000Z');
const claimOptions = { leaseMs: 60_000, limit: 10, platforms: ['slack', 'discord'] };
const later = (ms: number) => new Date(at.getTime() + ms);

interface Subject {
  name: string;
  skip?: boolean;
  open(): Promise<Store>;
  cleanup?(): Promise<void>;
}

const schemas: TestSchema[] = [];
const subjects: Subject[] = [
  { name: 'memory', open: async () => memoryStore() },
  { name: 'file', open: () => openFileStore(join(mkdtempSync(join(tmpdir(), 'contract-')), 'store.json')) },
  {
    name: 'PostgreSQL',
    skip: !postgresUrl,
    open: async () => {
      const schema = await createTestSchema();
      schemas.push(schema);
      return openPostgresStore({ connectionString: schema.url, maxConnections: 4 });
    },
  },
];

afterAll(async () => {
  await Promise.all(schemas.map((s) => s.drop()));
});

describe.each(subjects)('the Store contract: $name', (subject) => {
  let store: Store;
  beforeEach(async (context) => {
    if (subject.skip) return context.skip();
    store = await subject.open();
    return () => store.close();
  });

  it('saves scenarios per scope, matches names without case, replaces, lists by name and deletes', async () => {
    expect(await store.saveScenario('slack:T1:C1', scenario('Base'))).toBe('created');
    expect(await store.saveScenario('slack:T1:C1', scenario('base', '40%'))).toBe('replaced');
    expect(await store.saveScenario('slack:T1:C1', scenario('Alpha'))).toBe('created');
    expect(await store.saveScenario('slack:T1:C2', scenario('other'))).toBe('created');
    expect(await store.getScenario('slack:T1:C1', 'BASE')).toEqual(scenario('base', '40%'));
    expect(await store.getScenario('slack:T1:C2', 'base')).toBeUndefined();
    expect((await store.listScenarios('slack:T1:C1')).map((s) => s.name)).toEqual(['Alpha', 'base']);
    expect(await store.deleteScenario('slack:T1:C1', 'Base')).toBe(true);
    expect(await store.deleteScenario('slack:T1:C1', 'Base')).toBe(false);
    expect((await store.listScenarios('slack:T1:C1')).map((s) => s.name)).toEqual(['Alpha']);
    expect(await store.listScenarios('nowhere')).toEqual([]);
  });

  it('keeps schedules whole, lists them all or by channel, and deletes only from their own channel', async () => {
    const weekly = schedule('w1', 'slack:T1:C1', { every: 'weekly', day: 'mon', lastRunAt: '2026-11-30T09:00:00.000Z' });
    await store.saveSchedule(weekly);
    await store.saveSchedule(schedule('d1', 'discord:9'));
    expect(await store.listSchedules('slack:T1:C1')).toEqual([weekly]);
    expect((await store.listSchedules()).map((s) => s.id).sort()).toEqual(['d1', 'w1']);
    await store.saveSchedule({ ...weekly, disabled: 'channel not found' });
    expect((await store.listSchedules('slack:T1:C1'))[0]?.disabled).toBe('channel not found');
    expect(await store.deleteSchedule('discord:9', 'w1')).toBe(false);
    expect(await store.deleteSchedule('slack:T1:C1', 'w1')).toBe(true);
    expect((await store.listSchedules()).map((s) => s.id)).toEqual(['d1']);
  });

  it('keeps installations, and forgets a workspace with everything in its channels and nothing else', async () => {
    await store.saveInstallation({ id: 'T1', sealed: 'sealed-1', installedAt: '2026-12-01T00:00:00.000Z' });
    await store.saveInstallation({ id: 'T2', sealed: 'sealed-2', installedAt: '2026-12-01T00:00:00.000Z' });
    await store.saveInstallation({ id: 'T1', sealed: 'sealed-1b', installedAt: '2026-12-02T00:00:00.000Z' });
    expect(await store.getInstallation('T1')).toEqual({ id: 'T1', sealed: 'sealed-1b', installedAt: '2026-12-02T00:00:00.000Z' });
    await store.saveScenario('slack:T1:C1', scenario('a'));
    await store.saveScenario('slack:T2:C1', scenario('b'));
    await store.saveSchedule(schedule('s1', 'slack:T1:C1'));
    await store.saveSchedule(schedule('s2', 'slack:T2:C1'));
    await store.forgetWorkspace('T1', 'slack:T1:');
    expect(await store.getInstallation('T1')).toBeUndefined();
    expect(await store.listScenarios('slack:T1:C1')).toEqual([]);
    expect((await store.listSchedules()).map((s) => s.id)).toEqual(['s2']);
    expect(await store.getInstallation('T2')).toMatchObject({ sealed: 'sealed-2' });
    expect(await store.listScenarios('slack:T2:C1')).toHaveLength(1);
  });

  it('says an event id is new once, then not again within its time to live', async () => {
    expect(await store.firstDelivery('Ev1', 60_000)).toBe(true);
    expect(await store.firstDelivery('Ev1', 60_000)).toBe(false);
    expect(await store.firstDelivery('Ev2', 60_000)).toBe(true);
    const deliveries = await Promise.all(Array.from({ length: 10 }, () => store.firstDelivery('Ev3', 60_000)));
    expect(deliveries.filter(Boolean)).toHaveLength(1);
  });

  it('claims a due schedule once, lets the lease run out for another try, and records the run', async () => {
    await store.saveSchedule(schedule('due'));
    await store.saveSchedule(schedule('future', 'slack:T1:C1', { nextRunAt: '2026-12-03T09:00:00.000Z' }));
    await store.saveSchedule(schedule('off', 'slack:T1:C1', { disabled: 'no permission to post' }));
    await store.saveSchedule(schedule('elsewhere', 'discord:9'));

    const [first, ...others] = await store.claimDueSchedules(at, { ...claimOptions, platforms: ['slack'] });
    expect(others).toEqual([]);
    expect(first).toMatchObject({ schedule: schedule('due'), attempt: 1 });
    expect(await store.claimDueSchedules(later(59_000), { ...claimOptions, platforms: ['slack'] })).toEqual([]);

    // The holder died: after the lease, the slot is taken again, as a second attempt.
    const [second] = await store.claimDueSchedules(later(60_000), { ...claimOptions, platforms: ['slack'] });
    expect(second).toMatchObject({ schedule: { id: 'due' }, attempt: 2 });
    expect(await store.finishScheduleRun(first!, { ...first!.schedule, nextRunAt: '2026-12-03T09:00:00.000Z' })).toBe(false);
    const ran = { ...second!.schedule, lastRunAt: at.toISOString(), nextRunAt: '2026-12-03T09:00:00.000Z' };
    expect(await store.finishScheduleRun(second!, ran)).toBe(true);
    expect(await store.finishScheduleRun(second!, ran)).toBe(false);
    expect((await store.listSchedules('slack:T1:C1')).find((s) => s.id === 'due')).toEqual(ran);

    // Its next slot starts again at the first attempt.
    const next = await store.claimDueSchedules(new Date('2026-12-03T09:00:00.000Z'), { ...claimOptions, platforms: ['slack'] });
    expect(next.map((c) => [c.schedule.id, c.attempt]).sort()).toEqual([
      ['due', 1],
      ['future', 1],
    ]);
  });

  it('hands each due schedule to exactly one of many claims made at once', async () => {
    await Promise.all(Array.from({ length: 6 }, (_, i) => store.saveSchedule(schedule(`s${i}`, `slack:T1:C${i}`))));
    const batches = await Promise.all(Array.from({ length: 8 }, () => store.claimDueSchedules(at, { ...claimOptions, limit: 2 })));
    const claimed = batches.flat().map((c) => c.schedule.id);
    expect(claimed.sort()).toEqual(['s0', 's1', 's2', 's3', 's4', 's5']);
  });

  it('does not bring back a schedule deleted while its run was in flight', async () => {
    await store.saveSchedule(schedule('gone'));
    const [claim] = await store.claimDueSchedules(at, claimOptions);
    expect(await store.deleteSchedule('slack:T1:C1', 'gone')).toBe(true);
    expect(await store.finishScheduleRun(claim!, { ...claim!.schedule, nextRunAt: '2026-12-03T09:00:00.000Z' })).toBe(false);
    expect(await store.listSchedules()).toEqual([]);
  });

  it('says it can be written', async () => {
    expect((await store.writable()).ok).toBe(true);
  });
});
