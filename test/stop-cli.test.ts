// The one-shot CLI and the piped shell end on the first SIGTERM or SIGINT, as any command-line
// tool does, even while blocked reading a FIFO that nobody writes to (it once outlived
// `timeout 5` by ten minutes). Real processes of the built executable, real signals.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from './bot-process.js';

const dir = mkdtempSync(join(tmpdir(), 'stop-cli-'));
const ENV = { PATH: process.env.PATH ?? '', STORE_PATH: join(dir, 'store.json') };
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A FIFO held open for reading and writing by the test, so the child's reads block rather than end. */
function fifo(name: string): { path: string; fd: number } {
  const path = join(dir, name);
  spawnSync('mkfifo', [path]);
  const fd = openSync(path, 'r+');
  cleanups.push(() => closeSync(fd));
  return { path, fd };
}

function start(
  args: string[],
  stdin: number | 'ignore',
): { child: ChildProcess; stdout: () => string; exited: Promise<{ code: number | null; signal: string | null }> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: ENV, stdio: [stdin, 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(() => void child.kill('SIGKILL'));
  return { child, stdout: () => out, exited };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Whether the process has `path` open (Linux: /proc/PID/fd). */
function hasOpen(pid: number, path: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/** The exit, or a failure if the process is still running a while after the signal. */
function exitOrTimeout(exited: Promise<{ code: number | null; signal: string | null }>) {
  return Promise.race([exited, new Promise<'still running'>((r) => setTimeout(r, 5000, 'still running').unref())]);
}

describe.each(['SIGTERM', 'SIGINT'] as const)('on the first %s', (signal) => {
  it('the piped shell blocked reading a FIFO ends', async () => {
    const input = fifo(`shell-${signal}`);
    const shell = start([], input.fd);
    writeSync(input.fd, '/layer infra\n');
    await until(() => /Infrastructure \(infra\)/.test(shell.stdout()), 'the first answer');
    // Answered, and waiting for the next line that never comes.
    shell.child.kill(signal);
    expect(await exitOrTimeout(shell.exited)).toEqual({ code: null, signal });
  });

  it('the one-shot CLI blocked reading a FIFO ends', async () => {
    const history = fifo(`history-${signal}`);
    const cli = start(['--history', history.path, '/digest'], 'ignore');
    await until(() => hasOpen(cli.child.pid!, history.path), 'the CLI to open the FIFO');
    cli.child.kill(signal);
    expect(await exitOrTimeout(cli.exited)).toEqual({ code: null, signal });
  });
});
