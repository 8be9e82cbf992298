// The digest held to its tuning set: claim messages in English and Chinese, each labelled with what
// its number measures and the verdict a reader should see, run through /digest as an export file
// (scripts/score-digest-claims.ts, the same scorer the lead runs on the blind set).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClaimFile, report, type Score, scoreClaims, scoreOne } from '../scripts/score-digest-claims.js';
import { FIGURE_QUANTITIES } from '../src/core/digest/figure-quantities.js';

const file = ClaimFile.parse(JSON.parse(readFileSync(new URL('./fixtures/digest-claims.json', import.meta.url), 'utf8')));

describe('the tuning set of claims', () => {
  let score: Score;

  it('has at least 70 claims, about half in each language, with unique ids and the number as written', () => {
    expect(file.claims.length).toBeGreaterThanOrEqual(70);
    const zh = file.claims.filter((c) => c.lang === 'zh').length;
    expect(Math.abs(zh - file.claims.length / 2)).toBeLessThanOrEqual(file.claims.length * 0.1);
    expect(new Set(file.claims.map((c) => c.id)).size).toBe(file.claims.length);
    for (const c of file.claims) {
      expect(c.message, c.id).toContain(c.number);
      expect(c.essayValue === null, c.id).toBe(c.expected === 'none');
    }
  });

  it('is read right at least 90% of the time, in each language', async () => {
    score = await scoreClaims(file.claims);
    const summary = report(score);
    expect(score.overall, summary).toBeGreaterThanOrEqual(0.9);
    for (const lang of ['en', 'zh'] as const)
      expect(score.byLang[lang].right / score.byLang[lang].total, summary).toBeGreaterThanOrEqual(0.9);
  });

  it('never gives a change or growth rate a verdict, and reads every change as one', () => {
    const changes = score.results.filter((r) => r.claim.quantity === 'change');
    expect(changes.length).toBeGreaterThanOrEqual(5);
    for (const r of changes) expect(r.got, r.claim.message).toBe('none(change)');
  });

  it('scores a verdict against a figure of another quantity as wrong', () => {
    const claim = file.claims.find((c) => c.expected === 'agrees' && c.quantity === 'gross_margin')!;
    const figure = (figureId: string, agrees: boolean) => ({
      author: 'a',
      messageId: '1',
      at: '',
      text: claim.number,
      kind: 'percent' as const,
      unit: 'percent' as const,
      low: 0,
      high: 0,
      sentence: claim.message,
      quantity: FIGURE_QUANTITIES[figureId]!.quantity,
      verdict: { agrees, figureId, label: '', essay: '', cite: '', citation: { section: 'apps', label: '', vintage: '' } as never },
    });
    expect(scoreOne(claim, [figure('app_gross_margin_typical', true)]).right).toBe(true);
    expect(scoreOne(claim, [figure('inference_share_of_revenue', true)]).right).toBe(false);
    expect(scoreOne(claim, [figure('app_gross_margin_typical', false)]).right).toBe(false);
    expect(scoreOne({ ...claim, expected: 'none' }, []).right).toBe(true);
  });
});
