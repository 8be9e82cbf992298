// The server stops however it was started: the Dockerfile's command (node as the first process),
// `npm start` told to stop (npm's shell dies and leaves node behind unless node notices), and with
// a signal-exit listener in the process (proper-lockfile loads one). A port in use is one line.
// The stop's deadline is stop-deadline.test.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from './bot-process.js';
import { startFakeSlackApi } from './fakes/slack-api.js';
import { sign, slashBody } from './slack-helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLACK = { SLACK_SIGNING_SECRET: 'test-signing-secret', SLACK_BOT_TOKEN: 'xoxb-offline' };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A signed slash command whose body is sent in two halves: the second only when `finish` is
 * called. `received` resolves when the server has the request's headers (its 100 Continue).
 */
function halfSentCommand(port: number, body: string) {
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/slack/events',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      ...sign(body, Math.floor(Date.now() / 1000)),
      expect: '100-continue',
    },
  });
  const half = Math.floor(body.length / 2);
  const received = new Promise<void>((resolve) =>
    req.once('continue', () => {
      req.write(body.slice(0, half));
      resolve();
    }),
  );
  req.flushHeaders();
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  return { received, answer, finish: () => req.end(body.slice(half)) };
}

/** Whether the process still runs: an exited orphan nobody has reaped yet (a zombie) does not. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe("the Dockerfile's command", () => {
  it('runs node itself as the first process, from WORKDIR, and stops gracefully on SIGTERM', async () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(finalStage)?.[1] ?? 'null') as string[];
    expect(cmd[0]).toBe('node'); // exec form, no npm and no shell between docker and the bot
    expect(finalStage).toMatch(/^WORKDIR \/app$/m);
    // What the command needs relative to WORKDIR is copied there; the repository root holds the same.
    for (const path of ['dist', 'data', 'assets']) expect(finalStage).toMatch(new RegExp(`^COPY .*\\b${path} \\./${path}$`, 'm'));
    const slackApi = await startFakeSlackApi();
    cleanups.push(() => slackApi.close());
    const child = spawn(process.execPath, cmd.slice(1), {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        PORT: '0',
        LOG_LEVEL: 'info',
        ...SLACK,
        SLACK_API_URL: slackApi.apiUrl,
        STORE_PATH: join(mkdtempSync(join(tmpdir(), 'docker-')), 'store.json'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const { logs, exited, listening } = watch(child);
    const { pid, port } = await listening;
    expect(pid).toBe(child.pid); // the process docker signals is the bot
    const pending = halfSentCommand(port, slashBody('infra', slackApi.responseUrl('docker')));
    await pending.received;
    child.kill('SIGTERM');
    await waitFor(() => /stopping: no new requests/.test(logs()));
    pending.finish();
    const answer = await pending.answer;
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/Infrastructure \(infra\)/);
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(logs()).toMatch(/"msg":"stopped"/);
  });
});

describe('a signal-exit listener in the process', () => {
  it('does not turn SIGTERM or a repeated SIGINT into a kill in the middle of the stop', async () => {
    const signalExitLike = pathToFileURL(fileURLToPath(new URL('./fixtures/process/signal-exit-like.mjs', import.meta.url))).href;
    for (const signals of [['SIGTERM'], ['SIGINT', 'SIGINT']] as const) {
      const bot = await startBot(SLACK, { nodeArgs: ['--import', signalExitLike] });
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        bot.child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      bot.child.kill(signals[0]);
      if (signals.length > 1) {
        // The second once the stop is under way (two at once may reach the process as one).
        await bot.waitForLog(/stopping: no new requests/);
        bot.child.kill(signals[1]);
      }
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(bot.logs()).toMatch(/"msg":"stopped"/);
    }
  });
});

describe('npm start', () => {
  it('leaves no bot process behind when npm is sent SIGTERM, and answers the request it had received', async () => {
    const slackApi = await startFakeSlackApi();
    cleanups.push(() => slackApi.close());
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: mkdtempSync(join(tmpdir(), 'npm-home-')),
        PORT: '0',
        LOG_LEVEL: 'info',
        ...SLACK,
        SLACK_API_URL: slackApi.apiUrl,
        STORE_PATH: join(mkdtempSync(join(tmpdir(), 'npm-start-')), 'store.json'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const { logs, listening, stderrClosed } = watch(npm);
    const { pid, port } = await listening;
    cleanups.push(() => alive(pid) && process.kill(pid, 'SIGKILL'));
    expect(pid).not.toBe(npm.pid); // npm runs the bot as a child (under a shell)
    const pending = halfSentCommand(port, slashBody('infra', slackApi.responseUrl('npm')));
    await pending.received;
    npm.kill('SIGTERM');
    await waitFor(() => /stopping: no new requests/.test(logs()));
    pending.finish();
    const answer = await pending.answer;
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/Infrastructure \(infra\)/);
    // The bot's stderr closes when the last process holding it (the bot) has exited.
    await stderrClosed;
    expect(alive(pid)).toBe(false);
    expect(logs()).toMatch(/"signal":"parent exited".*stopping/);
    expect(logs()).toMatch(/"msg":"stopped"/);
  });
});

describe('a port in use', () => {
  it('says which port and what to do, in one line, and exits 1 without leaving anything running', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
    cleanups.push(() => new Promise((resolve) => holder.close(resolve)));
    const port = (holder.address() as { port: number }).port;
    const child = spawn(process.execPath, [fileURLToPath(new URL('../dist/app/bin.js', import.meta.url))], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        ...SLACK,
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        STORE_PATH: join(mkdtempSync(join(tmpdir(), 'port-')), 'store.json'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const { logs, exited } = watch(child);
    expect(await exited).toEqual({ code: 1, signal: null });
    const plain = logs()
      .split('\n')
      .filter((line) => line && !line.startsWith('{'));
    expect(plain).toEqual([`genai-bot: port ${port} is in use: set PORT to a free port, or stop the process listening on ${port}`]);
  });
});

/** The child's stderr (where the bot logs), its exit, and the bot's pid and port once it listens. */
function watch(child: ChildProcess) {
  let text = '';
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const stderrClosed = new Promise<void>((resolve) => child.stderr!.once('close', () => resolve()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(() => void child.kill('SIGKILL'));
  const listening = (async () => {
    await waitFor(() => /listening on port/.test(text), 15_000);
    const line = JSON.parse(text.split('\n').find((l) => l.includes('listening on port'))!) as { pid: number; port: number };
    return { pid: line.pid, port: line.port };
  })();
  return { logs: () => text, exited, listening, stderrClosed };
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
