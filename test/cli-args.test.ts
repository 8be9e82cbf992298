// genai-bot's flags: what util.parseArgs reads, and the CLI's own words for what it refuses.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/adapters/shell/cli-args.js';

describe('genai-bot flags', () => {
  it('takes the command text, with flags before, after or between its words', () => {
    expect(parseCliArgs(['/layer infra'])).toEqual({ ok: true, args: { json: false, help: false, text: '/layer infra' } });
    expect(parseCliArgs(['--lang=zh', '/layer', '--json', 'infra'])).toEqual({
      ok: true,
      args: { json: true, help: false, lang: 'zh', text: '/layer infra' },
    });
    expect(parseCliArgs(['/digest', '--history', 'general', '--chart-out', 'c.png'])).toMatchObject({
      ok: true,
      args: { history: 'general', chartOut: 'c.png', text: '/digest' },
    });
    expect(parseCliArgs(['--', '--json'])).toMatchObject({ ok: true, args: { json: false, text: '--json' } });
    expect(parseCliArgs([])).toEqual({ ok: true, args: { json: false, help: false } });
    expect(parseCliArgs(['-h'])).toMatchObject({ ok: true, args: { help: true } });
  });

  it('says what is wrong with a flag, in one line', () => {
    expect(parseCliArgs(['--colour', '/help'])).toEqual({ ok: false, message: 'unknown option --colour' });
    expect(parseCliArgs(['--lang', 'fr', '/help'])).toEqual({ ok: false, message: '--lang takes en or zh, got “fr”' });
    expect(parseCliArgs(['/help', '--lang'])).toEqual({ ok: false, message: '--lang takes en or zh' });
    expect(parseCliArgs(['/digest', '--history', '--json'])).toMatchObject({ ok: false, message: /^--history takes a file or folder/ });
    expect(parseCliArgs(['--chart-out', 'm.png'])).toMatchObject({ ok: false, message: /^--chart-out needs a command/ });
    expect(parseCliArgs(['--json=yes', '/help'])).toEqual({ ok: false, message: '--json takes no value' });
    expect(parseCliArgs(['--socket', '/help'])).toEqual({ ok: false, message: '--socket is only for manifest slack' });
  });

  it('reads operator tasks and only the flags each takes', () => {
    expect(parseCliArgs(['manifest', 'slack', '--url', 'https://bot.example.com', '--socket'])).toEqual({
      ok: true,
      args: { json: false, help: false, task: { name: 'manifest slack', url: 'https://bot.example.com', socket: true } },
    });
    expect(parseCliArgs(['register', 'discord'])).toMatchObject({ ok: true, args: { task: { name: 'register discord' } } });
    expect(parseCliArgs(['manifest', 'slack', '--url', 'http://insecure'])).toMatchObject({
      ok: false,
      message: /^--url takes the https address/,
    });
    expect(parseCliArgs(['register', 'discord', 'now'])).toEqual({ ok: false, message: 'register discord does not take “now”' });
    expect(parseCliArgs(['invite', 'discord', '--json'])).toEqual({ ok: false, message: 'invite discord does not take “--json”' });
  });
});
