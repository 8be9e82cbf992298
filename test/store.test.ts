// The file store on a real file, in one process: nothing lost under concurrent saves, a corrupt
// file refused by name and left untouched, and nothing written until something is saved.
// (Several processes on one file: store-processes.test.ts and store-refusals.test.ts.)
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../src/store/file-store.js';
import { StoreError, type SavedScenario } from '../src/store/store.js';

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'store-')), 'nested', 'store.json');
const scenario = (name: string): SavedScenario => ({
  name,
  command: 'margin',
  inputs: { inference: '30%' },
  savedBy: 'shell:local',
  savedAt: '2026-12-01T00:00:00.000Z',
});

describe('the file store', () => {
  it('loses nothing when 200 saves arrive at once, and a reopened store finds them all', async () => {
    const path = tempPath();
    const store = await openFileStore(path);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.saveScenario(`scope${i % 4}`, scenario(`s${i}`))));
    await store.close();
    const reopened = await openFileStore(path);
    const counts = await Promise.all([0, 1, 2, 3].map(async (s) => (await reopened.listScenarios(`scope${s}`)).length));
    expect(counts).toEqual([50, 50, 50, 50]);
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(1);
  });

  it('matches names without case and deletes', async () => {
    const store = await openFileStore(tempPath());
    expect(await store.saveScenario('c', scenario('Base'))).toBe('created');
    expect(await store.saveScenario('c', scenario('base'))).toBe('replaced');
    expect((await store.getScenario('c', 'BASE'))?.name).toBe('base');
    expect(await store.deleteScenario('c', 'Base')).toBe(true);
    expect(await store.deleteScenario('c', 'Base')).toBe(false);
  });

  it('writes nothing until something is saved', async () => {
    const path = tempPath();
    const store = await openFileStore(path);
    await store.listScenarios('c');
    await store.close();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a corrupt file by name and never overwrites it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'store.json');
    writeFileSync(path, '{"schemaVersion": 1, "scenarios": {');
    await expect(openFileStore(path)).rejects.toThrow(StoreError);
    await expect(openFileStore(path)).rejects.toThrow(
      `cannot write the store at ${path}: it is not a store file the bot can read (not JSON:`,
    );
    expect(readFileSync(path, 'utf8')).toBe('{"schemaVersion": 1, "scenarios": {');
  });

  it('refuses a file of the wrong shape, naming the field', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'store.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 2, scenarios: {} }));
    await expect(openFileStore(path)).rejects.toThrow(/store\.json: .*\(schemaVersion: .*\); fix or move it/);
  });
});
