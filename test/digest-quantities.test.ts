// Every knowledge-base figure says what it measures, in one table; a figure added to data/ without
// a quantity there fails here rather than being compared with whatever number looks like it.
import { describe, expect, it } from 'vitest';
import type { ChannelMessage } from '../src/core/digest/message.js';
import { FIGURE_QUANTITIES } from '../src/core/digest/figure-quantities.js';
import { parseZhNumber } from '../src/core/digest/number-words.js';
import { NEVER_JUDGED, QUANTITIES } from '../src/core/digest/quantity-words.js';
import { summarize } from '../src/core/digest/summarize.js';
import { kb } from './helpers.js';

describe('the figure table', () => {
  it('gives every figure in data/ a quantity, and names no figure data/ does not hold', () => {
    const missing = kb.figures.map((f) => f.id).filter((id) => !(id in FIGURE_QUANTITIES));
    expect(missing, 'add these figures to FIGURE_QUANTITIES in src/core/digest/figure-quantities.ts').toEqual([]);
    expect(Object.keys(FIGURE_QUANTITIES).filter((id) => !kb.figure(id))).toEqual([]);
    expect(kb.figures.length).toBeGreaterThanOrEqual(45);
  });

  it('uses only the digest’s quantity keys, and gives no figure a quantity that is never judged', () => {
    for (const [id, reading] of Object.entries(FIGURE_QUANTITIES)) {
      expect(QUANTITIES, id).toContain(reading.quantity);
      expect(NEVER_JUDGED.has(reading.quantity), id).toBe(false);
    }
    expect([...NEVER_JUDGED].sort()).toEqual(['change', 'price', 'team_size']);
  });
});

describe('quantities in a digest', () => {
  const at = new Date('2023-01-20T10:00:00Z');
  const period = { from: new Date('2023-01-19T00:00:00Z'), to: new Date('2023-01-21T00:00:00Z'), lang: 'en' as const };
  const figuresOf = (text: string) => {
    const message: ChannelMessage = { id: '1', author: 'Ana', text, at, replyCount: 0, reactions: 0 };
    return summarize(kb, [message], period).figures;
  };

  it('puts the quantity of every cited number in the structured digest', () => {
    const figures = figuresOf('Apps run 50-60% gross margins, spend a quarter of revenue on inference, and our API price fell 30%.');
    expect(figures.map((f) => [f.text, f.quantity, f.verdict?.agrees])).toEqual([
      ['50-60%', 'gross_margin', true],
      ['a quarter', 'inference_share_of_revenue', true],
      ['30%', 'change', undefined],
    ]);
  });

  it('judges a claim with a tag (“…, right?”) but not a number asked about', () => {
    expect(figuresOf('Clouds capture 15% of all genAI revenue, right?')[0]!.verdict).toMatchObject({ agrees: true });
    expect(figuresOf('推理成本占收入的三成，对吧？')[0]!.verdict).toMatchObject({ agrees: true });
    expect(figuresOf('Do clouds really capture 15% of all genAI revenue?')[0]!.verdict).toBeUndefined();
  });

  it('reads a company’s round, valuation and revenue against that company’s own figures', () => {
    const figures = figuresOf('Jasper raised $125M at a $1.5B valuation and Runway $50M.');
    expect(figures.map((f) => [f.text, f.quantity, f.verdict?.figureId, f.verdict?.agrees])).toEqual([
      ['$125M', 'money_raised', 'jasper_series_a', true],
      ['$1.5B', 'valuation', 'jasper_valuation', true],
      ['$50M', 'money_raised', 'runway_series_c', true],
    ]);
  });
});

describe('loose Chinese amounts', () => {
  it('reads 多, 余 and neighbouring digits as ranges, not as the first number', () => {
    expect(parseZhNumber('四十多亿')).toEqual({ low: 4e9, high: 5e9 });
    expect(parseZhNumber('40多亿')).toEqual({ low: 4e9, high: 5e9 });
    expect(parseZhNumber('5亿多')).toEqual({ low: 5e8, high: 6e8 });
    expect(parseZhNumber('两千余万')).toEqual({ low: 2e7, high: 3e7 });
    expect(parseZhNumber('四五十亿')).toEqual({ low: 4e9, high: 5e9 });
    expect(parseZhNumber('一千七百五十亿')).toEqual({ low: 1.75e11, high: 1.75e11 });
  });
});
