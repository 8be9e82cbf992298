// Starting what the HTTP benchmark measures: the built bot exactly as `npm start` starts it (node
// dist/app/bin.js, log level info, metrics and rate limits on; the limits set high so that no
// request is refused), and the reference servers beside it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordedReply } from './bench-reference.js';
import { type HttpRequest, pinToServerCore } from './load.js';

export const BIN = fileURLToPath(new URL('../dist/app/bin.js', import.meta.url));
const REFERENCE = fileURLToPath(new URL('./bench-reference.ts', import.meta.url));

export interface Running {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The environment of a production start, with the platform's variables added. */
export function productionEnv(platform: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    LOG_LEVEL: 'info',
    STORE_PATH: join(mkdtempSync(join(tmpdir(), 'bench-')), 'store.json'),
    RATE_USER_BURST: '10000',
    RATE_USER_PER_MINUTE: '100000',
    RATE_CHANNEL_BURST: '100000',
    RATE_CHANNEL_PER_MINUTE: '1000000',
    // Nothing listens there: the token check at start-up fails at once, as offline.
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
    DISCORD_API_URL: 'http://127.0.0.1:9/api',
    ...platform,
  };
}

/**
 * The built bot on a free port. Its logs go to a file, as a log collector would take them: read
 * from a pipe by this process instead, they cost the server as much again in wake-ups.
 */
export async function startBot(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const logs = openSync(join(mkdtempSync(join(tmpdir(), 'bench-logs-')), 'bot.log'), 'w');
  const child = spawn(process.execPath, [BIN], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', logs] });
  closeSync(logs);
  pinToServerCore(child.pid!);
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the bot exited with ${code}`))));
  // Ready when /healthz answers.
  for (;;) {
    const up = await Promise.race([
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, child, stop: () => stop(child) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function startReference(
  platform: 'slack' | 'discord',
  kind: 'bare' | 'verify-only',
  replies: string,
  key: string,
): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', REFERENCE, platform, kind, replies, key], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    child.once('exit', (code) => reject(new Error(`${platform} ${kind} exited with ${code}`)));
  });
  pinToServerCore(child.pid!);
  return { port, child, stop: () => stop(child) };
}

/** Sends each request to the bot once and keeps what it answered, for the reference servers. */
export async function recordReplies(port: number, path: string, requests: readonly HttpRequest[]): Promise<string> {
  const replies: Record<string, RecordedReply> = {};
  for (const { headers, body } of requests) {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers, body });
    if (!res.ok) throw new Error(`the bot answered ${res.status} to ${body.slice(0, 120)}`);
    replies[body] = { contentType: res.headers.get('content-type') ?? 'application/json', text: await res.text() };
  }
  const file = join(mkdtempSync(join(tmpdir(), 'bench-replies-')), 'replies.json');
  writeFileSync(file, JSON.stringify(replies));
  return file;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
