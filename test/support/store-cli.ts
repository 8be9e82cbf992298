// The one-shot CLI as a user runs it against a given STORE_PATH, in its own process, and what a
// test needs to judge the store afterwards: what each process acknowledged, and what the file holds.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { BIN } from '../bot-process.js';

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs `genai-bot <text>`; `killAfterMs` sends SIGKILL then (if it is still running). */
export function runCli(storePath: string, args: string[], killAfterMs?: number): Promise<CliRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', STORE_PATH: storePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, signal });
    });
  });
}

/** The scenario names a store file holds, in every scope; it must parse whenever it exists. */
export function savedNames(storePath: string): Set<string> {
  if (!existsSync(storePath)) return new Set();
  const data = JSON.parse(readFileSync(storePath, 'utf8')) as { scenarios: Record<string, Record<string, { name: string }>> };
  return new Set(Object.values(data.scenarios).flatMap((scoped) => Object.values(scoped).map((s) => s.name)));
}

/** A paragraph of the plain-text rendering, as one line again (the renderer wraps at 80 columns). */
export const unwrapped = (text: string) => text.replace(/\s*\n\s*/g, ' ');
