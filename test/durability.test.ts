// What an operator relies on when the process dies: a store killed with SIGKILL in the middle of
// writing is still a valid file holding every acknowledged write, and a server told to stop
// during load finishes what it accepted, flushes, and exits 0.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openFileStore } from '../src/store/file-store.js';
import { startBot } from './bot-process.js';
import { startFakeSlackApi } from './fakes/slack-api.js';
import { sign } from './slack-helpers.js';

const WRITER = fileURLToPath(new URL('./fixtures/store/writer.ts', import.meta.url));

describe('the store under SIGKILL', () => {
  it('keeps every acknowledged write and stays readable', async () => {
    for (const killAfter of [10, 40, 100]) {
      const path = join(mkdtempSync(join(tmpdir(), 'kill9-')), 'store.json');
      const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
      const acknowledged: string[] = [];
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          for (const line of d.toString().split('\n')) if (line.startsWith('saved ')) acknowledged.push(line.slice(6));
          if (acknowledged.length >= killAfter && !child.killed) child.kill('SIGKILL');
        });
        child.on('exit', () => resolve());
      });
      const store = await openFileStore(path); // throws if the file were torn
      const names = new Set((await store.listScenarios('shell:local')).map((s) => s.name));
      for (const name of acknowledged) expect(names.has(name), `${name} after ${killAfter}`).toBe(true);
    }
  });
});

describe('stopping during load', () => {
  it('finishes accepted requests, flushes and exits 0 on SIGTERM', async () => {
    const slackApi = await startFakeSlackApi();
    const bot = await startBot({
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-offline',
      SLACK_API_URL: slackApi.apiUrl,
    });
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      command: '/flow',
      text: '',
      response_url: slackApi.responseUrl('flow'),
    }).toString();
    const statuses: number[] = [];
    let refused = 0;
    const one = () =>
      fetch(bot.url('/slack/events'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body, Math.floor(Date.now() / 1000)) },
        body,
      }).then(
        async (r) => (statuses.push(r.status), await r.arrayBuffer()),
        () => void refused++,
      );
    const load = Array.from({ length: 400 }, (_, i) => new Promise((r) => setTimeout(r, i)).then(one));
    const stopped = new Promise((r) => setTimeout(r, 150)).then(() => bot.stop());
    await Promise.all(load);
    expect(await stopped).toBe(0);
    await slackApi.close();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true); // nothing accepted was dropped or failed
    expect(statuses.length + refused).toBe(400);
    expect(bot.logs()).toMatch(/stopping: no new requests/);
    expect(bot.logs()).toMatch(/"msg":"stopped"/);
  });
});
