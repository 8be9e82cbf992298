// Several processes on one STORE_PATH, started as users start them (the built CLI, the server):
// a save that said "Saved" is in the file afterwards, whatever the others do and whenever one is
// killed, and the file parses at every moment.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBot } from './bot-process.js';
import { startFakeSlackApi } from './fakes/slack-api.js';
import { SECRET, signedMargin } from './slack-helpers.js';
import { runCli, savedNames } from './support/store-cli.js';

const storePath = () => join(mkdtempSync(join(tmpdir(), 'store-procs-')), 'store.json');
const saveArgs = (name: string, i: number) => [`/margin inference=${10 + i}% save=${name}`];
const acknowledged = (stdout: string) => /Saved scenario “/.test(stdout);

/** Reads the file every few ms while `work` runs: each read must parse (a torn file would not). */
async function parsesThroughout<T>(path: string, work: Promise<T>): Promise<{ result: T; reads: number }> {
  let reads = 0;
  let done = false;
  const watching = (async () => {
    while (!done) {
      savedNames(path);
      reads++;
      await new Promise((r) => setTimeout(r, 3));
    }
  })();
  const result = await work.finally(() => {
    done = true;
  });
  await watching;
  return { result, reads };
}

/** A fixed sequence of numbers in [0, 1): the kill times are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('ten CLI processes saving at once on one file', () => {
  it('keeps every save each of them acknowledged', async () => {
    const path = storePath();
    const names = Array.from({ length: 10 }, (_, i) => `plan-${i}`);
    const { result: runs } = await parsesThroughout(path, Promise.all(names.map((n, i) => runCli(path, saveArgs(n, i)))));
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(acknowledged(run.stdout)).toBe(true);
    }
    expect([...savedNames(path)].sort()).toEqual([...names].sort());
    // Nothing left beside the store: no temporary file, no lock.
    expect(readdirSync(join(path, '..'))).toEqual(['store.json']);
  }, 30_000);

  it('keeps every acknowledged save when some are killed with SIGKILL mid-run', async () => {
    const random = seeded(14);
    let acked = 0;
    let killed = 0;
    for (let round = 0; round < 2; round++) {
      const path = storePath();
      // Every third process is killed at some point of its life (start-up, saving, printing).
      const runs = Array.from({ length: 10 }, (_, i) => {
        const name = `r${round}-${i}`;
        return runCli(path, saveArgs(name, i), i % 3 === 0 ? 150 + Math.floor(random() * 600) : undefined).then((run) => ({ name, run }));
      });
      const { result, reads } = await parsesThroughout(path, Promise.all(runs));
      expect(reads).toBeGreaterThan(0);
      const kept = savedNames(path);
      for (const { name, run } of result) {
        if (run.signal === 'SIGKILL') killed++;
        else {
          // A process that was not killed is never the one that loses: the others' deaths do not stop it.
          expect(run.code, run.stderr).toBe(0);
          expect(acknowledged(run.stdout)).toBe(true);
        }
        if (!acknowledged(run.stdout)) continue;
        acked++;
        expect(kept.has(name), `${name} said Saved but is not in the file`).toBe(true);
      }
    }
    expect(killed).toBeGreaterThan(0);
    expect(acked).toBeGreaterThanOrEqual(12);
  }, 60_000);

  it('takes over a lock left by a process killed while holding it, and clears what it left', async () => {
    const path = storePath();
    expect((await runCli(path, saveArgs('before', 0))).code).toBe(0);
    const original = readFileSync(path, 'utf8');
    // What a holder killed mid-write leaves: its lock (last kept fresh a minute ago) and its temporary file.
    mkdirSync(`${path}.lock`);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(`${path}.lock`, aMinuteAgo, aMinuteAgo);
    writeFileSync(join(path, '..', '.store.json.99999.0123456789ab.tmp'), original.slice(0, 40));
    const run = await runCli(path, saveArgs('after', 1));
    expect(run.stderr).toBe('');
    expect(acknowledged(run.stdout)).toBe(true);
    expect([...savedNames(path)].sort()).toEqual(['after', 'before']);
    expect(readdirSync(join(path, '..'))).toEqual(['store.json']);
  });
});

describe('the server and a CLI on one file', () => {
  it('keep each other’s writes', async () => {
    const path = storePath();
    const slack = await startFakeSlackApi();
    const bot = await startBot({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-offline',
      SLACK_API_URL: slack.apiUrl,
      STORE_PATH: path,
    });
    const slash = (text: string) => signedMargin(bot.url('/slack/events'), slack.responseUrl('x'), text);
    try {
      const work = Promise.all([
        ...Array.from({ length: 5 }, (_, i) => slash(`inference=${20 + i}% save=server-${i}`)),
        ...Array.from({ length: 5 }, (_, i) => runCli(path, saveArgs(`cli-${i}`, i)).then((r) => r.stdout)),
      ]);
      const { result } = await parsesThroughout(path, work);
      for (const answer of result) expect(answer).toMatch(/Saved scenario/);
      // After the CLIs replaced the file under it, the server still writes beside what they wrote.
      expect(await slash('inference=50% save=server-last')).toMatch(/Saved scenario/);
    } finally {
      expect(await bot.stop()).toBe(0);
      await slack.close();
    }
    const names = [...savedNames(path)].sort();
    expect(names).toEqual([
      ...['cli-0', 'cli-1', 'cli-2', 'cli-3', 'cli-4'],
      ...['server-0', 'server-1', 'server-2', 'server-3', 'server-4'],
      'server-last',
    ]);
  }, 30_000);
});
