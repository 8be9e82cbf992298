// The calculators' arithmetic: the issue's worked example and the essay's 10-20% exactly, and
// the invariants as properties over random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFlow } from '../src/core/calc/flow.js';
import { pct, usd } from '../src/core/calc/format.js';
import { computeMargin, inferenceShareFromUnits } from '../src/core/calc/margin.js';
import { parseCount, parseMoney, parseShare } from '../src/core/calc/quantity.js';

describe('reading amounts and shares', () => {
  it('reads money the ways people write it', () => {
    const cases: [string, number][] = [
      ['1,500', 1500],
      ['1.5M', 1.5e6],
      ['$2B', 2e9],
      ['250k', 250e3],
      ['3亿', 3e8],
      ['1e6', 1e6],
      ['$ 40 million', 40e6],
      ['12万', 12e4],
    ];
    for (const [text, value] of cases) expect(parseMoney(text), text).toEqual({ ok: true, value });
  });
  it('refuses malformed, negative, zero and absurd amounts with the reason', () => {
    expect(parseMoney('abc')).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney('1,50')).toEqual({ ok: false, reason: 'format' });
    expect(parseMoney('-5M')).toEqual({ ok: false, reason: 'range' });
    expect(parseMoney('0')).toEqual({ ok: false, reason: 'range' });
    expect(parseMoney('1e30')).toEqual({ ok: false, reason: 'magnitude' });
    expect(parseMoney('1e999')).toEqual({ ok: false, reason: 'magnitude' });
  });
  it('reads a bare number below 1 as a fraction and from 1 up as a percentage', () => {
    expect(parseShare('30%')).toEqual({ ok: true, value: 0.3 });
    expect(parseShare('0.3')).toEqual({ ok: true, value: 0.3 });
    expect(parseShare('30')).toEqual({ ok: true, value: 0.3 });
    expect(parseShare('1')).toEqual({ ok: true, value: 0.01 });
    expect(parseShare('0')).toEqual({ ok: true, value: 0 });
    expect(parseShare('-50%', -1, 10)).toEqual({ ok: true, value: -0.5 });
    expect(parseShare('−50%', -1, 10)).toEqual({ ok: true, value: -0.5 });
  });
  it('refuses shares out of range or not numbers', () => {
    expect(parseShare('150%')).toEqual({ ok: false, reason: 'range' });
    expect(parseShare('-5%')).toEqual({ ok: false, reason: 'range' });
    expect(parseShare('abc')).toEqual({ ok: false, reason: 'format' });
    expect(parseShare('30%%')).toEqual({ ok: false, reason: 'format' });
  });
  it('reads counts, not money', () => {
    expect(parseCount('1.5k')).toEqual({ ok: true, value: 1500 });
    expect(parseCount('$5')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('gross margin', () => {
  it('works the issue’s example exactly', () => {
    const r = computeMargin({ revenue: 1e6, inference: 0.3, otherCogs: 0.1, inferenceChange: -0.5 });
    expect(pct(r.base.margin)).toBe('60%');
    expect(usd(r.base.grossProfit, 'en')).toBe('$600K');
    expect(pct(r.whatIf!.margin)).toBe('75%');
  });
  it('derives the inference share from unit economics', () => {
    expect(inferenceShareFromUnits(20, 500, 0.002)).toBeCloseTo(0.05, 12);
  });

  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const revenue = fc.double({ min: 1, max: 1e13, noNaN: true });
  it('falls as the inference share rises', () => {
    fc.assert(
      fc.property(revenue, share, share, share, (rev, a, b, other) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const m = (i: number) => computeMargin({ revenue: rev, inference: i, otherCogs: other, inferenceChange: 0 }).base.margin;
        return m(hi) <= m(lo);
      }),
    );
  });
  it('equals the base case when the what-if change is 0%', () => {
    fc.assert(
      fc.property(
        revenue,
        share,
        share,
        (rev, i, o) => computeMargin({ revenue: rev, inference: i, otherCogs: o, inferenceChange: 0 }).whatIf === undefined,
      ),
    );
  });
  it('never produces NaN, Infinity or -0 in what it shows', () => {
    fc.assert(
      fc.property(revenue, share, share, fc.double({ min: -1, max: 10, noNaN: true }), (rev, i, o, change) => {
        const r = computeMargin({ revenue: rev, inference: i, otherCogs: o, inferenceChange: change });
        const shown = [r.base, r.whatIf, ...r.sensitivity].flatMap((c) =>
          c ? [pct(c.margin), usd(c.grossProfit, 'en'), usd(c.inferenceCost, 'zh')] : [],
        );
        return shown.every((s) => !/NaN|Infinity|^-0%|^-\$0$/.test(s));
      }),
    );
  });
});

describe('revenue flow', () => {
  it('reproduces the essay’s 10-20% to the clouds with its own inputs', () => {
    const at = (inference: number) => computeFlow({ revenue: 100e6, inference, direct: 0, modelCloud: 0.5 });
    expect(at(0.2).clouds).toBe(10e6);
    expect(at(0.4).clouds).toBe(20e6);
  });
  it('adds up to the revenue, whatever the inputs', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e13, noNaN: true }), share, share, share, (revenue, inference, direct, modelCloud) => {
        const f = computeFlow({ revenue, inference, direct, modelCloud });
        return Math.abs(f.apps + f.models + f.clouds - revenue) <= revenue * 1e-9 && f.apps >= 0 && f.models >= -1e-6 && f.clouds >= 0;
      }),
    );
  });
});
