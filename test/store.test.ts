// The lowdb store on a real file: nothing lost under concurrent saves, a corrupt file refused by
// name and left untouched, and nothing written until something is saved.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLowdbStore } from '../src/store/lowdb-store.js';
import { StoreError, type SavedScenario } from '../src/store/store.js';

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'store-')), 'nested', 'store.json');
const scenario = (name: string): SavedScenario => ({
  name,
  command: 'margin',
  inputs: { inference: '30%' },
  savedBy: 'shell:local',
  savedAt: '2026-12-01T00:00:00.000Z',
});

describe('the lowdb store', () => {
  it('loses nothing when 200 saves arrive at once, and a reopened store finds them all', async () => {
    const path = tempPath();
    const store = await openLowdbStore(path);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.saveScenario(`scope${i % 4}`, scenario(`s${i}`))));
    await store.close();
    const reopened = await openLowdbStore(path);
    const counts = await Promise.all([0, 1, 2, 3].map(async (s) => (await reopened.listScenarios(`scope${s}`)).length));
    expect(counts).toEqual([50, 50, 50, 50]);
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(1);
  });

  it('matches names without case and deletes', async () => {
    const store = await openLowdbStore(tempPath());
    expect(await store.saveScenario('c', scenario('Base'))).toBe('created');
    expect(await store.saveScenario('c', scenario('base'))).toBe('replaced');
    expect((await store.getScenario('c', 'BASE'))?.name).toBe('base');
    expect(await store.deleteScenario('c', 'Base')).toBe(true);
    expect(await store.deleteScenario('c', 'Base')).toBe(false);
  });

  it('writes nothing until something is saved', async () => {
    const path = tempPath();
    const store = await openLowdbStore(path);
    await store.listScenarios('c');
    await store.close();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a corrupt file by name and never overwrites it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'store.json');
    writeFileSync(path, '{"schemaVersion": 1, "scenarios": {');
    await expect(openLowdbStore(path)).rejects.toThrow(StoreError);
    await expect(openLowdbStore(path)).rejects.toThrow(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be read`));
    expect(readFileSync(path, 'utf8')).toBe('{"schemaVersion": 1, "scenarios": {');
  });

  it('refuses a file of the wrong shape, naming the field', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'store.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 2, scenarios: {} }));
    await expect(openLowdbStore(path)).rejects.toThrow(/store\.json: schemaVersion: /);
  });
});
