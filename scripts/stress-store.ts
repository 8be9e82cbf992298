// npm run stress:store [-- --rounds 20 --writers 10 --kill 0.3]: many rounds of parallel CLI
// saves on one STORE_PATH (the built bot, `node dist/app/bin.js "/margin … save=NAME"`, as users
// run it), a share of them killed with SIGKILL at a random moment. Reports how many saves were
// acknowledged ("Saved scenario") and how many of those are in the file afterwards, how many
// reads of the file during the rounds failed to parse, and what was left beside it. Exit 1 if an
// acknowledged save was lost or the file ever failed to parse. Build first: npm run build.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    writers: { type: 'string', default: '10' },
    kill: { type: 'string', default: '0.3' },
    'kill-within-ms': { type: 'string', default: '3000' },
  },
});
const rounds = Number(values.rounds);
const writers = Number(values.writers);
const killShare = Number(values.kill);
const killWithin = Number(values['kill-within-ms']);
const BIN = new URL('../dist/app/bin.js', import.meta.url).pathname;
if (!existsSync(BIN)) {
  process.stderr.write('stress-store: build first (npm run build)\n');
  process.exit(2);
}

interface Outcome {
  name: string;
  acked: boolean;
  killed: boolean;
  failed: string | undefined;
  ms: number;
}

function save(path: string, name: string, killAfter: number | undefined): Promise<Outcome> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, `/margin inference=30% save=${name}`], {
    env: { PATH: process.env.PATH ?? '', STORE_PATH: path },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        name,
        acked: /Saved scenario “/.test(out),
        killed: signal === 'SIGKILL',
        failed: signal === null && code !== 0 ? err.trim() || out.trim() : undefined,
        ms: performance.now() - started,
      });
    });
  });
}

function names(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  const data = JSON.parse(readFileSync(path, 'utf8')) as { scenarios: Record<string, Record<string, { name: string }>> };
  return new Set(Object.values(data.scenarios).flatMap((s) => Object.values(s).map((x) => x.name)));
}

const totals = { started: 0, acked: 0, kept: 0, lost: 0, killed: 0, killedAfterAck: 0, failed: 0, reads: 0, tornReads: 0, leftovers: 0 };
const durations: number[] = [];
const began = performance.now();
for (let round = 0; round < rounds; round++) {
  const folder = mkdtempSync(join(tmpdir(), 'stress-store-'));
  const path = join(folder, 'store.json');
  let running = true;
  const watcher = (async () => {
    while (running) {
      try {
        names(path);
      } catch {
        totals.tornReads++;
      }
      totals.reads++;
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  const outcomes = await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      save(path, `r${round}w${i}`, Math.random() < killShare ? Math.floor(Math.random() * killWithin) : undefined),
    ),
  );
  running = false;
  await watcher;
  const kept = names(path);
  for (const o of outcomes) {
    totals.started++;
    if (o.killed) totals.killed++;
    if (o.killed && o.acked) totals.killedAfterAck++;
    if (o.failed) {
      totals.failed++;
      process.stderr.write(`round ${round}: ${o.name} failed: ${o.failed}\n`);
    }
    if (!o.acked) continue;
    totals.acked++;
    durations.push(o.ms);
    if (kept.has(o.name)) totals.kept++;
    else totals.lost++;
  }
  // A killed writer may leave a lock (taken over once stale) or a temporary file (cleared by the next writer).
  totals.leftovers += readdirSync(folder).filter((n) => n !== 'store.json').length;
  rmSync(folder, { recursive: true, force: true });
}
durations.sort((a, b) => a - b);
const pct = (p: number) => Math.round(durations[Math.min(durations.length - 1, Math.floor(p * durations.length))] ?? 0);
process.stdout.write(
  `${JSON.stringify(
    {
      rounds,
      writersPerRound: writers,
      ...totals,
      ackedProcessMs: { p50: pct(0.5), p95: pct(0.95), max: pct(1) },
      seconds: Math.round((performance.now() - began) / 100) / 10,
    },
    null,
    2,
  )}\n`,
);
process.exitCode = totals.lost > 0 || totals.tornReads > 0 || totals.failed > 0 ? 1 : 0;
