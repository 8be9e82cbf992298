// The bot as a process: cold start of the server (production start, to /healthz answering), the
// one-shot CLI paired against `node -e 0` run by run, and resident memory idle and after a long
// varied load (scripts/bench-memory.ts: 30,000 different requests on Slack and Discord from 20,000
// users in 4,000 channels, so that caches and per-user state fill up).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { benchMemory, type MemoryRow } from './bench-memory.js';
import { BIN, productionEnv, startBot } from './bench-servers.js';
import { SLACK_SECRET } from './bench-workload.js';

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
  /** The long load's checkpoints and where the memory is (optional: results from before it was recorded). */
  memory?: MemoryRow;
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

  // Many users and channels on both platforms, every request different, for long enough that
  // whatever grows, grows (scripts/bench-memory.ts).
  const memory = await benchMemory(30_000);

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
    idle_rss_mb: memory.idle_rss_mb,
    loaded_rss_mb: memory.loaded_rss_mb,
    long_load_requests: memory.requests,
    memory,
  };
}
