// Signed Slack slash commands against our server, beside a bare node:http server answering the same
// JSON, a server that only verifies the signature, and Bolt's stock HTTP receiver, all measured in
// one run with the same client so that the ratios hold on a noisy machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { hasWrk, interleaved, load, loadWithWrk, type LoadResult } from './load.js';

const SECRET = 'bench-signing-secret';
const TARGETS = fileURLToPath(new URL('./bench-targets.ts', import.meta.url));

export interface HttpRow extends LoadResult {
  server: string;
  connections: number;
}

async function startTarget(name: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', TARGETS, name], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { port, child };
}

export function signedSlashCommand(text = 'infra', command = '/layer'): () => { headers: Record<string, string>; body: string } {
  const body = new URLSearchParams({
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command,
    text,
    response_url: 'https://hooks.slack.com/commands/T1/1/x',
    trigger_id: '1.2.3',
  }).toString();
  // A fixed timestamp is valid for five minutes: longer than the benchmark.
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature };
  return () => ({ headers, body });
}

export async function benchSlackHttp(durationMs = 2000, rounds = 3): Promise<{ client: string; rows: HttpRow[] }> {
  const wrk = await hasWrk();
  const run = wrk ? loadWithWrk : load;
  const path = '/slack/events';
  const names = ['bare', 'verify-only', 'ours', 'bolt'] as const;
  const started = await Promise.all(names.map(async (name) => ({ name, ...(await startTarget(name)) })));
  try {
    for (const s of started) await load({ port: s.port, path, connections: 10, durationMs: 500, makeRequest: signedSlashCommand() }); // warm-up
    const rows = await interleaved(started, [10, 50], rounds, (port, connections) =>
      run({ port, path, connections, durationMs, makeRequest: signedSlashCommand() }),
    );
    return { client: `${wrk ? 'wrk (1 thread)' : 'node:http client'}, median of ${rounds} interleaved rounds`, rows };
  } finally {
    for (const s of started) s.child.kill();
  }
}
