// What a user is told about input that cannot be used: a number out of range names both ends of
// the range, an option given twice is refused by name, /compare with one name twice says so, and
// a malformed Discord id says what one looks like. Each answer also shows correct use.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { ask } from './helpers.js';

describe('a number out of range', () => {
  it.each([
    ['/digest days=-1', '“days” must be between 1 and 90; got “-1”.'],
    ['/digest 0', '“days” must be between 1 and 90; got “0”.'],
    ['/digest 100000', '“days” must be between 1 and 90; got “100000”.'],
  ])('%s names both ends', async (text, message) => {
    const r = await ask(text);
    expect(r.kind).toBe('usage');
    expect(r.body[0]).toBe(message);
    expect(r.body.join('\n')).toMatch(/Usage: \/digest \[<days>\]/);
  });

  it('in Chinese too', async () => {
    expect((await ask('/digest days=-1', 'zh')).body[0]).toBe('“days”必须在 1 到 90 之间;收到的是“-1”。');
  });
});

describe('an option given twice', () => {
  it.each([
    ['/margin inference=30% inference=40%', '“inference” is given 2 times (“30%”, “40%”); give it once.'],
    ['/margin revenue=1M Inference:30% inference=30%', '“inference” is given 2 times (“30%”, “30%”); give it once.'],
    ['/digest days=7 days=14', '“days” is given 2 times (“7”, “14”); give it once.'],
  ])('%s is refused, naming the option', async (text, message) => {
    const r = await ask(text);
    expect(r.kind).toBe('usage');
    expect(r.body).toContain(message);
    expect(r.body.join('\n')).toMatch(/Usage: /);
  });
});

describe('/compare', () => {
  it.each([
    ['/compare x x', 'Both sides are “x”: name two different companies to compare.'],
    ['/compare Foo  foo', 'Both sides are “Foo”: name two different companies to compare.'],
    ['/compare openai OpenAI', 'Both sides are “OpenAI”: name two different companies to compare.'],
  ])('%s says the same company was given twice', async (text, message) => {
    const r = await ask(text);
    expect(r.kind).toBe('usage');
    expect(r.body[0]).toBe(message);
  });

  it('names each unknown company on its own', async () => {
    const r = await ask('/compare foo bar');
    expect(r.body[0]).toBe('The knowledge base has no company or product called “foo” or “bar”.');
    expect((await ask('/compare foo bar', 'zh')).body[0]).toBe('知识库中没有名为“foo”或“bar”的公司或产品。');
  });
});

describe('DISCORD_APPLICATION_ID and DISCORD_GUILD_ID', () => {
  it.each(['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID'])('%s says 15-22 digits', (name) => {
    for (const value of ['12', 'abc', '1'.repeat(23)]) {
      expect(() => loadConfig({ DISCORD_TOKEN: 't', [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ DISCORD_TOKEN: 't', [name]: value })).toThrow(
        `${name}: must be a Discord snowflake: 15-22 digits, e.g. 1061234567890123456`,
      );
    }
    expect(loadConfig({ DISCORD_TOKEN: 't', [name]: '1061234567890123456' })[name as 'DISCORD_GUILD_ID']).toBe('1061234567890123456');
  });
});
