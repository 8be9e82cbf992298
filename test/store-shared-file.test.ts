// Two file stores on one file, as two processes would open it: each sees the other's writes,
// schedule claims and delivered event ids hold across them, a lock left by a dead holder is
// taken over, a live one is waited for (and then refused in one line), and a file that stops
// parsing is never written while reads keep the last good copy.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { createRouter } from '../src/router/router.js';
import { createScheduler } from '../src/scheduler/scheduler.js';
import { openFileStore } from '../src/store/file-store.js';
import { type SavedScenario, type Schedule, StoreWriteError } from '../src/store/store.js';
import { kb, recordingLogger } from './helpers.js';
import { aSchedule } from './support/schedules.js';

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'shared-')), 'store.json');
const scenario = (name: string): SavedScenario => ({
  name,
  command: 'margin',
  inputs: { inference: '30%' },
  savedBy: 'shell:local',
  savedAt: '2026-12-01T00:00:00.000Z',
});
const due: Schedule = aSchedule({ id: 'due' });
const at = new Date('2026-12-02T09:00:30.000Z');
const claiming = { leaseMs: 60_000, limit: 10, platforms: ['slack'] };

describe('two file stores on one file', () => {
  it('see and keep each other’s writes', async () => {
    const path = tempPath();
    const [a, b] = await Promise.all([openFileStore(path), openFileStore(path)]);
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => a.saveScenario('c', scenario(`a${i}`))),
      ...Array.from({ length: 20 }, (_, i) => b.saveScenario('c', scenario(`b${i}`))),
    ]);
    expect(await a.listScenarios('c')).toHaveLength(40);
    expect(await b.deleteScenario('c', 'a0')).toBe(true);
    expect(await a.getScenario('c', 'a0')).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
  });

  it('hand a due schedule to one of them, until its lease runs out, and remember event ids for both', async () => {
    const path = tempPath();
    const [a, b] = await Promise.all([openFileStore(path), openFileStore(path)]);
    await a.saveSchedule(due);
    const [first] = await a.claimDueSchedules(at, claiming);
    expect(first).toMatchObject({ attempt: 1, schedule: { id: 'due' } });
    expect(await b.claimDueSchedules(at, claiming)).toEqual([]);
    const [second] = await b.claimDueSchedules(new Date(at.getTime() + 60_000), claiming);
    expect(second).toMatchObject({ attempt: 2 });
    expect(await a.finishScheduleRun(first!, { ...due, lastRunAt: at.toISOString() })).toBe(false);
    expect(await b.finishScheduleRun(second!, { ...due, nextRunAt: '2026-12-03T09:00:00.000Z' })).toBe(true);
    expect((await a.listSchedules())[0]?.nextRunAt).toBe('2026-12-03T09:00:00.000Z');

    const both = await Promise.all([a.firstDelivery('Ev1', 60_000), b.firstDelivery('Ev1', 60_000), b.firstDelivery('Ev1', 60_000)]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });
});

describe('the lock', () => {
  it('is taken over once its holder stopped keeping it fresh', async () => {
    const path = tempPath();
    const store = await openFileStore(path, { staleMs: 2000 });
    mkdirSync(`${path}.lock`);
    const old = new Date(Date.now() - 5000);
    utimesSync(`${path}.lock`, old, old);
    expect(await store.saveScenario('c', scenario('after-a-crash'))).toBe('created');
  });

  it('held by a live process is waited for, then refused in one line with nothing written', async () => {
    const path = tempPath();
    const store = await openFileStore(path, { staleMs: 10_000, waitMs: 300 });
    await store.saveScenario('c', scenario('kept'));
    const before = readFileSync(path, 'utf8');
    mkdirSync(`${path}.lock`); // fresh: its holder is alive
    const refusal = store.saveScenario('c', scenario('late'));
    await expect(refusal).rejects.toThrow(StoreWriteError);
    await expect(refusal).rejects.toThrow(`cannot write the store at ${path}: another process has held its lock for 0.3 s; try again`);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});

describe('a file that stops parsing while the store is open', () => {
  it('is never written; reads keep the last good copy; readiness says why; moved away, writing resumes', async () => {
    const path = tempPath();
    const store = await openFileStore(path);
    await store.saveScenario('c', scenario('good'));
    writeFileSync(path, '{ "schemaVersion": 1, "scenarios": ');
    await expect(store.saveScenario('c', scenario('bad'))).rejects.toMatchObject({ failure: { code: 'unparseable' } });
    expect(readFileSync(path, 'utf8')).toBe('{ "schemaVersion": 1, "scenarios": ');
    expect((await store.listScenarios('c')).map((s) => s.name)).toEqual(['good']);
    expect(await store.writable()).toEqual({
      ok: false,
      detail: expect.stringMatching(/^cannot write the store at .*: it is not a store file/),
    });

    // A file another process rewrote that still parses is simply read again.
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, scenarios: { c: { edited: { ...scenario('edited') } } } }));
    expect((await store.listScenarios('c')).map((s) => s.name)).toEqual(['edited']);
    expect((await store.writable()).ok).toBe(true);

    renameSync(path, `${path}.moved`);
    expect(await store.saveScenario('c', scenario('fresh'))).toBe('created');
    expect((await store.listScenarios('c')).map((s) => s.name)).toEqual(['fresh']);
  });
});

describe('the scheduler on a store file that stops parsing', () => {
  it('logs one line at each interval and keeps the process alive', async () => {
    const path = tempPath();
    const store = await openFileStore(path);
    await store.saveSchedule(due);
    writeFileSync(path, '{ "schemaVersion": 1,');
    const warnings: string[] = [];
    const scheduler = createScheduler({
      store,
      router: createRouter({ commands, kb, store, logger: recordingLogger() }),
      platforms: { slack: { post: async () => 'ok' } },
      logger: { info: () => undefined, warn: (obj: object) => void warnings.push(JSON.stringify(obj)) },
      now: () => at,
      intervalMs: 20,
    });
    scheduler.start();
    await new Promise((r) => setTimeout(r, 100));
    await scheduler.stop();
    expect(warnings.length).toBeGreaterThan(1);
    expect(warnings[0]).toContain(`cannot write the store at ${path}: it is not a store file the bot can read`);
    expect(readFileSync(path, 'utf8')).toBe('{ "schemaVersion": 1,');
  });
});

describe('a file replaced by a write', () => {
  it('keeps the permissions the operator gave it', async () => {
    const path = tempPath();
    const store = await openFileStore(path);
    await store.saveScenario('c', scenario('first'));
    chmodSync(path, 0o600);
    await store.saveScenario('c', scenario('second'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
