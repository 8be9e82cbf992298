// A store the bot must not write: a file that no longer parses (edited by hand, damaged), a
// read-only file, a read-only folder. The built CLI and the server say so in one line naming the
// file, print no stack, and leave the file exactly as it was. Read-only is judged by the
// permission bits too, so these cases hold even when the tests run as root.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from './bot-process.js';
import { startFakeSlackApi } from './fakes/slack-api.js';
import { SECRET, signedMargin } from './slack-helpers.js';
import { runCli, unwrapped } from './support/store-cli.js';

const GOOD = `${JSON.stringify({ schemaVersion: 1, scenarios: { 'shell:local': {} } }, null, 2)}\n`;
const CORRUPT = '{"schemaVersion": 1, "scenarios": {"shell:local": {"base": {"name": "base",';

/** Restores permissions so the temporary folders can be cleaned up. */
const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

function storeWith(text: string): { folder: string; path: string } {
  const folder = mkdtempSync(join(tmpdir(), 'store-refusal-'));
  const path = join(folder, 'store.json');
  writeFileSync(path, text);
  return { folder, path };
}

/** The store file's bytes and modification time: both must be as they were. */
const fingerprint = (path: string) => ({ text: readFileSync(path, 'utf8'), mtimeMs: statSync(path).mtimeMs });

describe('the CLI asked to save where it must not write', () => {
  it('refuses a file that does not parse in one line, in English and Chinese, and leaves it as it was', async () => {
    const { path } = storeWith(CORRUPT);
    const before = fingerprint(path);
    const en = await runCli(path, ['/margin inference=30% save=plan']);
    expect(en.code).toBe(1);
    expect(en.stdout).toBe('');
    expect(en.stderr.startsWith(`genai-bot: cannot write the store at ${path}: it is not a store file the bot can read (not JSON: `)).toBe(
      true,
    );
    expect(en.stderr).toMatch(/\); fix or move it: it is never overwritten\n$/);
    expect(en.stderr.split('\n')).toHaveLength(2);
    const zh = await runCli(path, ['--lang', 'zh', '/margin inference=30% save=plan']);
    expect(zh.stderr).toMatch(
      new RegExp(`^genai-bot: 无法写入存储 ${path}:该文件不是机器人能读取的存储文件\\(.*\\);请修复或移走它:它永远不会被覆盖\\n$`),
    );
    expect(fingerprint(path)).toEqual(before);
  });

  it('refuses a read-only file in a writable folder (a rename would replace it) and leaves it as it was', async () => {
    const { path } = storeWith(GOOD);
    chmodSync(path, 0o444);
    restore.push(() => chmodSync(path, 0o644));
    const before = fingerprint(path);
    const run = await runCli(path, ['/margin inference=30% save=plan']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/Saved/);
    expect(unwrapped(run.stdout)).toContain(
      `cannot write the store at ${path}: the file is read-only; make it writable (chmod u+w) or set STORE_PATH to another file`,
    );
    expect(fingerprint(path)).toEqual(before);
  });

  it('refuses a read-only folder, without a stack, and leaves the file as it was', async () => {
    const { folder, path } = storeWith(GOOD);
    chmodSync(folder, 0o555);
    restore.push(() => chmodSync(folder, 0o755));
    const before = fingerprint(path);
    const run = await runCli(path, ['--lang', 'zh', '/margin inference=30% save=plan']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(unwrapped(run.stdout)).toContain(`无法写入存储 ${path}:文件夹 ${folder} 为只读`);
    expect(fingerprint(path)).toEqual(before);
    // Reading is still fine: a command that only reads answers.
    expect((await runCli(path, ['/margin inference=30%'])).code).toBe(0);
  });
});

describe('the server when its store file is damaged while it runs', () => {
  it('refuses the next save in one line, reports not ready, and never overwrites the file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'store-refusal-'));
    mkdirSync(join(folder, 'var'));
    const path = join(folder, 'var', 'store.json');
    const slack = await startFakeSlackApi();
    const bot = await startBot({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-offline',
      SLACK_API_URL: slack.apiUrl,
      STORE_PATH: path,
    });
    const slash = (text: string) => signedMargin(bot.url('/slack/events'), slack.responseUrl('x'), text);
    try {
      expect(await slash('inference=30% save=first')).toMatch(/Saved scenario/);
      writeFileSync(path, CORRUPT);
      const before = fingerprint(path);
      const refused = await slash('inference=40% save=second');
      expect(refused).toContain(`cannot write the store at ${path}: it is not a store file the bot can read (not JSON:`);
      expect(refused).not.toMatch(/Saved scenario|Sorry, something went wrong/);
      const ready = await fetch(bot.url('/readyz'));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: { store: { detail: string } } }).checks.store.detail).toMatch(
        /^cannot write the store at .*: it is not a store file the bot can read/,
      );
      expect(fingerprint(path)).toEqual(before);
      // The operator fixes the file: the store is ready again, and the next save goes in.
      writeFileSync(path, GOOD);
      expect((await fetch(bot.url('/readyz'))).status).toBe(200);
      expect(await slash('inference=40% save=third')).toMatch(/Saved scenario/);
    } finally {
      expect(await bot.stop()).toBe(0);
      await slack.close();
    }
    expect(bot.logs()).toMatch(/"msg":"store refused a write"/);
    expect(bot.logs()).not.toMatch(/"stack"/);
  }, 30_000);
});
