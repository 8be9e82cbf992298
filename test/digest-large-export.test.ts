// Large exports through the CLI, as a user runs `genai-bot "/digest" --history FILE`: 150,000
// messages in a file and in a Slack workspace export's folders are summarised (spreading them into
// push() used to overflow the call stack), and an export too large for the heap is refused with
// its size before it is read. The heap is made small with NODE_OPTIONS, as an operator would.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from './bot-process.js';
import { writeExport, writeSlackWorkspace } from './fixtures/digest/big-export.js';
import { fixtureText } from './fixtures/digest/load.js';

const dir = mkdtempSync(join(tmpdir(), 'big-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Written once (about a second), read by several tests: 12 MB of JSON lines, 20 MB of day files.
const jsonl = writeExport(dir, 'jsonl', 150_000);
const workspace = writeSlackWorkspace(dir, 150_000);

const ENV = { PATH: process.env.PATH ?? '', STORE_PATH: join(dir, 'store.json') };

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const COUNTED = /^150[,\s]?000 messages from 40 people/m;

describe('a digest of 150,000 messages', () => {
  it('reads a JSON-lines file and a Slack workspace export through the CLI', async () => {
    const [fromFile, fromFolder] = await Promise.all([run(['/digest', '--history', jsonl]), run(['/digest', '--history', workspace.top])]);
    expect(fromFile.stderr).toBe('');
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toMatch(COUNTED);
    // The top of the export: channels.json and users.json are skipped, its one channel is read.
    expect(fromFolder.stderr).toBe('');
    expect(fromFolder.code).toBe(0);
    expect(fromFolder.stdout).toMatch(COUNTED);
  });
});

describe('an export larger than the heap allows', () => {
  it('is refused with its size and the limit, before it is read', async () => {
    // 64 MB of heap leaves room for a few MB of export; this one is about 12 MB.
    const r = await run(['/digest', '--history', jsonl], { NODE_OPTIONS: '--max-old-space-size=64' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^genai-bot: --history: .*jsonl-150000\.jsonl: the export is 12 MB, more than the \d+(\.\d)? MB a digest can read within this process's \d+ MB heap limit .*NODE_OPTIONS=--max-old-space-size=\d+\n$/,
    );
    expect(r.stderr).not.toMatch(/heap out of memory|at /);
  });

  it('counts every file of a folder against the limit', async () => {
    const r = await run(['/digest', '--history', workspace.channel], { NODE_OPTIONS: '--max-old-space-size=64' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/general: the export is \d+ MB, more than/);
  });
});

describe('an export folder', () => {
  it('skips folders inside a channel folder, even one named like a day file', async () => {
    const channel = join(dir, 'nested', 'general');
    mkdirSync(join(channel, 'attachments.json'), { recursive: true });
    mkdirSync(join(channel, 'files'), { recursive: true });
    writeFileSync(join(channel, '2023-01-23.json'), fixtureText('slack-en.json'));
    const r = await run(['/digest', '--history', channel]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^34 messages from 5 people/m);
  });

  it('asks for one channel of a workspace export with several', async () => {
    const { top } = writeSlackWorkspace(join(dir, 'several'), 10);
    mkdirSync(join(top, 'random'));
    writeFileSync(join(top, 'random', '2023-01-23.json'), fixtureText('slack-en.json'));
    const r = await run(['/digest', '--history', top]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /slack-export holds a whole Slack export with 2 channels \(general, random\); give one channel's folder, e\.g\. --history .*slack-export\/general\n/,
    );
  });
});
