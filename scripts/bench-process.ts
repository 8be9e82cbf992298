// Cold start to ready, and resident memory idle and under load, of the built bot in server mode
// with Slack configured (and no network: its token check fails in the background, as offline).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { signedSlashCommand } from './bench-http.js';
import { load } from './load.js';

const BIN = fileURLToPath(new URL('../dist/app/bin.js', import.meta.url));

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export interface ProcessRow {
  cold_start_ms: number;
  shell_one_shot_ms: number;
  idle_rss_mb: number;
  loaded_rss_mb: number;
}

export async function benchProcess(): Promise<ProcessRow> {
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    LOG_LEVEL: 'info',
    STORE_PATH: join(mkdtempSync(join(tmpdir(), 'bench-')), 'store.json'),
  };
  const starts: number[] = [];
  let row: ProcessRow | undefined;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let logs = '';
    const port = await new Promise<number>((resolve) =>
      child.stderr!.on('data', (d: Buffer) => {
        logs += d.toString();
        const m = /"port":(\d+).*listening on port/.exec(logs);
        if (m) resolve(Number(m[1]));
      }),
    );
    starts.push(performance.now() - started);
    if (run === 2) {
      await new Promise((r) => setTimeout(r, 1500));
      const idle = rssMb(child.pid!);
      await load({
        port,
        path: '/slack/events',
        connections: 50,
        durationMs: 2000,
        makeRequest: signedSlashCommand('what share of revenue goes to inference?', '/ask'),
      });
      row = { cold_start_ms: 0, shell_one_shot_ms: 0, idle_rss_mb: idle, loaded_rss_mb: rssMb(child.pid!) };
    }
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  const oneShot: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await new Promise((r) =>
      spawn(process.execPath, [BIN, '/layer infra'], { stdio: 'ignore', env: { PATH: env.PATH, STORE_PATH: env.STORE_PATH } }).once(
        'exit',
        r,
      ),
    );
    oneShot.push(performance.now() - started);
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  return { ...row!, cold_start_ms: median(starts), shell_one_shot_ms: median(oneShot) };
}
