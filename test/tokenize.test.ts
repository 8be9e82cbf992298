import { describe, expect, it } from 'vitest';
import type { OptionSpec } from '../commands/command.js';
import { parseTextArgs } from '../src/router/parse-args.js';
import { sanitize, tokenize } from '../src/router/tokenize.js';

const opt = (name: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({
  name,
  type: 'string',
  required: true,
  positional: true,
  description: { en: name, zh: name },
  ...extra,
});

describe('tokenize', () => {
  it('splits on whitespace and groups quoted words', () => {
    expect(tokenize('hugging face "lambda labs" 「台积电 公司」').map((t) => t.text)).toEqual([
      'hugging',
      'face',
      'lambda labs',
      '台积电 公司',
    ]);
  });
  it('closes a stray quote at the end instead of failing', () => {
    expect(tokenize('"jasper').map((t) => t.text)).toEqual(['jasper']);
  });
  it('keeps apostrophes inside words', () => {
    expect(tokenize("what's nvidia's moat").map((t) => t.text)).toEqual(["what's", "nvidia's", 'moat']);
  });
  it('drops empty quotes', () => {
    expect(tokenize('"" nvidia')).toEqual([{ text: 'nvidia', quoted: false }]);
  });
});

describe('sanitize', () => {
  it('removes control characters and folds full-width forms', () => {
    expect(sanitize('／moat\u0000 \u0007ｎｖｉｄｉａ\u202e')).toBe('/moat nvidia');
  });
  it('turns newlines and tabs into spaces', () => {
    expect(sanitize('moat\n\tnvidia')).toBe('moat nvidia');
  });
});

describe('parseTextArgs', () => {
  it('fills positional options, the last one taking the remaining words', () => {
    expect(parseTextArgs('hugging face', [opt('name')]).values).toEqual({ name: 'hugging face' });
  });
  it('reads key=value and key:value pairs by option name', () => {
    const options = [opt('a'), opt('b')];
    expect(parseTextArgs('b=replicate a:openai', options).values).toEqual({ a: 'openai', b: 'replicate' });
  });
  it('splits positional words on the separator when one is given', () => {
    const parsed = parseTextArgs('hugging face vs lambda labs', [opt('a'), opt('b')], /\s+vs\s+/);
    expect(parsed.values).toEqual({ a: 'hugging face', b: 'lambda labs' });
  });
  it('reports an unknown key=value option and names the valid ones', () => {
    expect(parseTextArgs('colour=red', [opt('name')]).problems).toEqual([
      { code: 'unknown_option', params: { option: 'colour', valid: ['name'] } },
    ]);
  });
  it('treats an unknown key:value as an ordinary word (times, ratios, URLs)', () => {
    expect(parseTextArgs('ratio 3:1', [opt('topic')]).values).toEqual({ topic: 'ratio 3:1' });
  });
  it('reports words a command without positional options cannot take', () => {
    expect(parseTextArgs('extra words', [opt('n', { positional: false })]).problems[0]?.code).toBe('unexpected_words');
  });
  it('sets a boolean option from its bare name', () => {
    expect(
      parseTextArgs('nvidia public', [opt('company'), opt('public', { type: 'boolean', positional: false, required: false })]).values,
    ).toEqual({
      company: 'nvidia',
      public: true,
    });
  });
});

describe('parseTextArgs on prose', () => {
  it('reads “word:” followed by a space as prose, not as an empty option', () => {
    const parsed = parseTextArgs('PM question: why would they leave?', [opt('question')]);
    expect(parsed.values).toEqual({ question: 'PM question: why would they leave?' });
    expect(parsed.problems).toEqual([]);
  });
});
