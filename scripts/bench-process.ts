// The bot as a process: cold start of the server (production start, to /healthz answering), the
// one-shot CLI paired against `node -e 0` run by run, and resident memory idle and after a long
// varied load (many users, every evaluation question, so caches and per-user state fill up).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadQuestions } from './evaluate.js';
import { BIN, productionEnv, startBot } from './bench-servers.js';
import { SLACK_SECRET, slackRequests } from './bench-workload.js';
import { load } from './load.js';

export interface ProcessRow {
  cold_start_ms: number;
  cli_one_shot_ms: number;
  node_baseline_ms: number;
  /** Median of the run-by-run ratios of the CLI to `node -e 0`. */
  cli_vs_node: number;
  idle_rss_mb: number;
  /** After `long_load_requests` varied requests. */
  loaded_rss_mb: number;
  long_load_requests: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) =>
    spawn(process.execPath, args, { stdio: 'ignore', env }).once('exit', () => resolve(performance.now() - started)),
  );
}

export async function benchProcess(): Promise<ProcessRow> {
  const env = productionEnv({ SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench' });
  const starts: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const bot = await startBot(env);
    starts.push(performance.now() - started);
    await bot.stop();
  }

  // Many users, every evaluation question, for long enough that whatever grows, grows.
  const bot = await startBot(env);
  await new Promise((r) => setTimeout(r, 1500));
  const idle = rssMb(bot.child.pid!);
  const questions = loadQuestions().map((q) => q.question);
  const requests = slackRequests().flatMap((r, i) =>
    questions.slice(i % 8, (i % 8) + 6).map((question) => {
      const body = new URLSearchParams(r.body);
      body.set('command', '/ask');
      body.set('text', question);
      return { body: body.toString(), headers: r.headers };
    }),
  );
  // Signatures cover the body: re-sign the varied requests.
  const { createHmac } = await import('node:crypto');
  for (const r of requests) {
    const ts = r.headers['x-slack-request-timestamp']!;
    r.headers = {
      ...r.headers,
      'x-slack-signature': `v0=${createHmac('sha256', SLACK_SECRET).update(`v0:${ts}:${r.body}`).digest('hex')}`,
    };
  }
  const result = await load({ port: bot.port, path: '/slack/events', connections: 50, durationMs: 15_000, requests });
  const loaded = rssMb(bot.child.pid!);
  await bot.stop();

  // The one-shot CLI against bare node, paired run by run so that drift in the machine's speed cancels.
  const cliEnv = { PATH: env.PATH, STORE_PATH: env.STORE_PATH };
  const cli: number[] = [];
  const bare: number[] = [];
  await timed([BIN, '/layer infra'], cliEnv); // warm the file cache
  for (let i = 0; i < 9; i++) {
    cli.push(await timed([BIN, '/layer infra'], cliEnv));
    bare.push(await timed(['-e', '0'], cliEnv));
  }
  return {
    cold_start_ms: Math.round(median(starts)),
    cli_one_shot_ms: Math.round(median(cli)),
    node_baseline_ms: Math.round(median(bare)),
    cli_vs_node: Math.round(median(cli.map((c, i) => c / bare[i]!)) * 100) / 100,
    idle_rss_mb: idle,
    loaded_rss_mb: loaded,
    long_load_requests: result.requests,
  };
}
