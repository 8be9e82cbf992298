// The built executable, as a user runs it: one-shot answers, exit codes, --json, --lang, and the
// shell reading a pipe. vitest compiles dist/ first (test/setup/build.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/app/bin.js', import.meta.url));
// No platform credentials: the shell, whatever the developer's environment holds.
const ENV = { PATH: process.env.PATH ?? '', NODE_ENV: 'test', STORE_PATH: join(mkdtempSync(join(tmpdir(), 'cli-store-')), 'store.json') };

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: ENV, timeout: 15_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.runIf(existsSync(BIN))('genai-bot one-shot', () => {
  it('answers and exits 0', () => {
    const r = run(['/moat nvidia']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NVIDIA: moats\n═+\n/);
    expect(r.stdout).toMatch(/Sources: a16z, “Who Owns the Generative AI Platform\?”: .*§6/s);
    expect(r.stderr).toBe('');
  });

  it('answers in Chinese with --lang zh', () => {
    const r = run(['--lang', 'zh', '/layer infra']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^基础设施层 \(infra\)/);
    expect(r.stdout).toMatch(/2023年1月/);
  });

  it('prints the Reply as JSON with --json', () => {
    const r = run(['/company jasper', '--json']);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout);
    expect(reply).toMatchObject({ kind: 'answer', lang: 'en', title: 'Jasper', ephemeral: false });
    expect(reply.sources[0]).toMatchObject({ vintage: 'Jan 2023' });
  });

  it('prints the usage message and exits 1 on a user error', () => {
    const r = run(['/company nvidai']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Did you\s+mean\s+“NVIDIA”/);
    expect(r.stdout).toMatch(/Usage: \/company <name>/);
    expect(r.stdout).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 1 on empty input and on an unknown command', () => {
    expect(run(['']).code).toBe(1);
    expect(run(['/frobnicate']).code).toBe(1);
  });

  it('exits 2 on bad flags, with its own usage', () => {
    const bad = run(['--colour', '/help']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --colour/);
    expect(bad.stderr).toMatch(/Usage:/);
    expect(run(['--lang', 'fr', '/help']).code).toBe(2);
  });

  it('answers a plain question once, and /ask explicitly', () => {
    expect(run(['how much do the hyperscalers spend on capex?']).stdout).toMatch(/more than \$100B a year/);
    const r = run(['/ask who is the CEO of cohere?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Not in the knowledge base/);
  });

  it('writes the chart as a PNG with --chart-out', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'chart-')), 'm.png');
    const r = run(['/margin revenue=1M inference=30% other_cogs=10% inference_change=-50%', '--chart-out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Gross margin 60% → 75%/);
    expect([...readFileSync(out).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const none = run(['/layer infra', '--chart-out', out]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/draws no chart/);
    expect(run(['--chart-out', out]).code).toBe(2);
  });

  it('prints its help with --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/genai-bot "<command>"/);
  });
});

describe.runIf(existsSync(BIN))('genai-bot shell in a pipe', () => {
  it('answers every line, keeps going after bad input, and exits 1 at the end because a line failed', () => {
    const r = run(
      [],
      ['/company jasper', '', '/moat nobody', `/company ${'x'.repeat(10_000)}`, 'layer models', '/brief 护城河'].join('\n'),
    );
    expect(r.code).toBe(1);
    const replies = r.stdout.split('\n\n').filter((block) => /\n═+\n/.test(block) || /^[^\n]+\n═/.test(block));
    expect(r.stdout).toMatch(/^Jasper\n/);
    expect(r.stdout).toMatch(/no company or product called “nobody”/);
    expect(r.stdout).toMatch(/10009 characters long/);
    expect(r.stdout).toMatch(/\nModels \(models\)\n/);
    expect(r.stdout).toMatch(/\n六种护城河\n/);
    expect(replies.length).toBeGreaterThanOrEqual(5);
    expect(r.stderr).toBe('');
  });

  it('exits 1 after a usage error or an unknown command, as a script checks it, and 0 when every line answered', () => {
    expect(run([], '/layer infra\n/margin revenue=abc\n/layer apps\n').code).toBe(1);
    expect(run([], '/layer infra\n/nosuchcommand\n').code).toBe(1);
    const ok = run([], '/layer infra\n\n/company jasper\n');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Jasper$/m);
  });

  it('treats a line that is not a command as a question', () => {
    const r = run([], 'what share of revenue do AI apps spend on inference?\n英伟达数据中心收入多少\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/~20-40% of revenue/);
    expect(r.stdout).toMatch(/38亿美元/);
  });

  it('stops at exit', () => {
    const r = run([], '/help\nexit\n/company jasper\n');
    expect(r.stdout).toMatch(/genai-market-bot: commands/);
    expect(r.stdout).not.toMatch(/^Jasper$/m);
  });

  it('stops start-up naming a corrupt store file, and leaves the file as it was', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bad-store-')), 'store.json');
    writeFileSync(path, 'not json');
    const result = spawnSync(process.execPath, [BIN], {
      input: '/help\n',
      encoding: 'utf8',
      env: { ...ENV, STORE_PATH: path },
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(
      result.stderr.startsWith(`genai-bot: cannot write the store at ${path}: it is not a store file the bot can read (not JSON:`),
    ).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('not json');
  });

  it('stops start-up with one line naming a malformed variable', () => {
    const result = spawnSync(process.execPath, [BIN], { input: '', encoding: 'utf8', env: { ...ENV, PORT: 'eighty' }, timeout: 15_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^genai-bot: configuration: PORT: /);
  });
});
