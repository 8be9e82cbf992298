// A number as written, turned into a value: a range in the knowledge base's units (percent,
// dollars, counts), with what kind of figure it is. figure-patterns.ts finds the numbers and calls
// these; figures.ts decides which found numbers are figures.
import type { CitedUnit, FigureKind } from './digest.js';
import { EN_FRACTIONS, fractionCount, parseEnNumberWords, parseZhNumber } from './number-words.js';

export interface FoundFigure {
  /** As written, e.g. "$3.8B", "20-40%", "1亿美元", "half", "三成". */
  text: string;
  start: number;
  end: number;
  unit: CitedUnit;
  kind: FigureKind;
  /** null marks an open end: "more than 50%" has no upper bound. */
  low: number | null;
  high: number | null;
  /** The number itself says something changed: "doubled", "halved", "by half", "翻倍", "减半". */
  change?: boolean;
  /** What a count counts, as written: "models", "apps", "engineers", "模型", "人". */
  counted?: string;
}

export type Value = Omit<FoundFigure, 'text' | 'start' | 'end'>;

/** A fraction in words as a percentage: "half" needs a sign that it is a share ("half of", "about half"). */
export function fraction(count: string | undefined, word: string): number | undefined {
  const per = EN_FRACTIONS[word.toLowerCase()];
  const n = fractionCount(count);
  if (per === undefined || n === undefined) return undefined;
  return per * n;
}

export function single(unit: CitedUnit, value: number | undefined): Value | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return { unit, kind: unit === 'percent' ? 'percent' : unit === 'ratio' ? 'multiple' : 'count', low: value, high: value };
}

/** A Chinese number or range in any mix of digits and numerals; `factor` scales it (成 is tens of percent). */
export function zhRange(unit: CitedUnit, a: string, b?: string, factor = 1): Value | undefined {
  const x = parseZhNumber(a);
  if (!x) return undefined;
  let low = x.low * factor;
  let high = x.high * factor;
  if (b !== undefined) {
    const y = parseZhNumber(b);
    if (!y) return undefined;
    // "5000万-8000万": each end has its own scale; "5-8千万": the first takes the second's.
    const scaleOfB = y.high / (parseZhNumber(b.replace(/[万亿千]+$/, ''))?.high ?? y.high);
    if (!/[万亿千]/.test(a) && scaleOfB > 1) {
      low *= scaleOfB;
    }
    high = y.high * factor;
  }
  if (high < low) return undefined;
  return { unit, kind: b !== undefined || x.low !== x.high ? 'range' : kindOf(unit), low, high };
}

export function words(unit: CitedUnit, written: string, scale?: string): Value | undefined {
  const n = parseEnNumberWords(written);
  if (n === undefined) return undefined;
  const s = scale ? (scaleZh(scale.trim()) ?? scaleEn(scale.trim()) ?? 1) : 1;
  return { unit, kind: kindOf(unit), low: n * s, high: n * s };
}

export function kindOf(unit: CitedUnit): FigureKind {
  switch (unit) {
    case 'percent':
      return 'percent';
    case 'usd':
    case 'amount':
      return 'money';
    case 'ratio':
      return 'multiple';
    case 'params':
      return 'params';
    default:
      return 'count';
  }
}

export function range(
  unit: CitedUnit,
  a: string,
  aScale: string | undefined,
  b: string | undefined,
  bScale: string | undefined,
  scaleOf: (s: string) => number | undefined,
): Value | undefined {
  const sa = aScale ? scaleOf(aScale.trim()) : undefined;
  const sb = bScale ? scaleOf(bScale.trim()) : undefined;
  // "$50-80M": the scale written once applies to both ends.
  const low = num(a) * (sa ?? sb ?? 1);
  const high = b === undefined ? low : num(b) * (sb ?? sa ?? 1);
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) return undefined;
  return { unit, kind: b !== undefined ? 'range' : kindOf(unit), low, high };
}

export const num = (s: string) => Number(s.replace(/,/g, ''));

export function scaleEn(s: string): number | undefined {
  switch (s.toLowerCase()) {
    case 'k':
    case 'thousand':
      return 1e3;
    case 'm':
    case 'mm':
    case 'mn':
    case 'million':
      return 1e6;
    case 'b':
    case 'bn':
    case 'billion':
      return 1e9;
    case 't':
    case 'trillion':
      return 1e12;
    default:
      return undefined;
  }
}

export function scaleZh(s: string): number | undefined {
  return { 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 }[s];
}
