// Numbers people cite in a sentence: percentages, ranges, money, multiples and parameter counts,
// with their value as a range in the knowledge base's units. Only numbers with a unit count: a
// bare "2023" or "3 weeks" is not a figure anyone would check against the essay.
import type { CitedUnit, FigureKind } from './digest.js';

export interface FoundFigure {
  /** As written, e.g. "$3.8B", "20-40%", "1亿美元". */
  text: string;
  start: number;
  end: number;
  unit: CitedUnit;
  kind: FigureKind;
  /** null marks an open end: "more than 50%" has no upper bound. */
  low: number | null;
  high: number | null;
}

const N = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
// A number glued to letters is a name ("A100", "GPT-3", "Q3"), not a figure; Chinese may run on.
const START = String.raw`(?<![A-Za-z\d.,@#_/\-])`;
const DASH = String.raw`\s*(?:-|–|—|~|to|至|到)\s*`;
const SCALE = '(?:thousand|million|billion|trillion|mn|bn|mm|k|m|b|t)(?![A-Za-z])';
// Without a "$", a single-letter scale must be a capital: "3.8B" is money, "back in 5m" is not.
const BARE_SCALE = '(?:thousand|million|billion|trillion|mn|bn|mm|[MBT])(?![A-Za-z])';
const ZH_SCALE = '(?:万亿|亿|万|千)';
const COUNTED = String.raw`\s*(?:parameters?|params?|tokens?|users?|downloads?|images?|people|requests?|queries|messages?|developers?|customers?|subscribers?|visits?|views?|words?|pages?|gpus?|chips?|models?|datasets?|apps?|rows?|records?|years?|months?|days?|hours?|minutes?|seconds?)\b`;

type Parse = (m: RegExpExecArray) => Omit<FoundFigure, 'text' | 'start' | 'end'> | undefined;

/** Each pattern with a cheap test that must pass before the pattern is worth running. */
const PATTERNS: { re: RegExp; hint: RegExp; parse: Parse }[] = [
  {
    hint: /\$/,
    re: new RegExp(String.raw`(?:US)?\$\s*(${N})(\s?${SCALE})?(?:${DASH}\$?\s*(${N})(\s?${SCALE})?)?`, 'gi'),
    parse: (m) => range('usd', m[1]!, m[2], m[3], m[4], scaleEn),
  },
  {
    hint: /美[元金]/,
    re: new RegExp(String.raw`${START}(${N})\s*(${ZH_SCALE})?(?:${DASH}(${N})\s*(${ZH_SCALE})?)?\s*(?:美元|美金)`, 'g'),
    parse: (m) => range('usd', m[1]!, m[2], m[3], m[4], scaleZh),
  },
  {
    hint: /param|参数/i,
    re: new RegExp(String.raw`${START}(${N})\s?(${SCALE}|${ZH_SCALE})?\s*(?:级别)?\s*(?:parameters?|params?|参数)`, 'gi'),
    parse: (m) => range('params', m[1]!, m[2], undefined, undefined, (s) => scaleZh(s) ?? scaleEn(s)),
  },
  {
    hint: /%|percent|pct/i,
    re: new RegExp(String.raw`${START}(${N})\s*(?:%|percent|pct)?(?:${DASH}(${N}))?\s*(?:%|percent|per ?cent|pct)`, 'gi'),
    parse: (m) => range('percent', m[1]!, undefined, m[2], undefined, scaleEn),
  },
  {
    hint: /百分之/,
    re: new RegExp(`百分之(${N})(?:${DASH}(?:百分之)?(${N}))?`, 'g'),
    parse: (m) => range('percent', m[1]!, undefined, m[2], undefined, scaleEn),
  },
  {
    hint: /\d\s?[x×]|倍|times/i,
    re: new RegExp(String.raw`${START}(${N})(?:\s?(?:x|×)(?![A-Za-z\d])|\s*倍|\s+times\b(?!\s+(?:a|per|in|to|that|when)\b))`, 'gi'),
    parse: (m) => range('ratio', m[1]!, undefined, undefined, undefined, scaleEn),
  },
  {
    hint: /\d\s?(?:[MBT]|thousand|million|billion|trillion|mn|bn|mm)/,
    re: new RegExp(
      String.raw`${START}(${N})(\s?${BARE_SCALE})(?:${DASH}(${N})(\s?${BARE_SCALE})?)?(?!${COUNTED})(?:\s*(?:USD|dollars))?`,
      'g',
    ),
    parse: (m) => range('usd', m[1]!, m[2], m[3], m[4], scaleEn),
  },
];

const OPEN_ABOVE_BEFORE =
  /(?:more than|over|above|at least|upwards of|north of|exceeds?|exceeding|超过|逾|至少|不止|高于|大于|多于)\s*(?:~|about|around|roughly|约|大约)?\s*$/i;
const OPEN_BELOW_BEFORE =
  /(?:less than|under|below|at most|up to|no more than|not even|不到|低于|少于|最多|不足|小于)\s*(?:~|about|around|roughly|约|大约)?\s*$/i;
const OPEN_ABOVE_AFTER = /^\s*(?:\+|以上|多)/;
const OPEN_BELOW_AFTER = /^\s*(?:以下|以内)/;

/** Figures in one sentence, left to right, none overlapping. */
export function findFigures(sentence: string): FoundFigure[] {
  if (!/[\d\uFF10-\uFF19]/.test(sentence)) return [];
  // Full-width digits and "％" become ASCII; a Chinese comma stays a separator, not a thousands mark.
  const text = sentence.replace(/\uFF0C/g, '、').normalize('NFKC');
  const found: FoundFigure[] = [];
  for (const { re, hint, parse } of PATTERNS) {
    if (!hint.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const value = parse(m);
      if (!value) continue;
      const before = text.slice(Math.max(0, start - 20), start);
      const after = text.slice(end, end + 4);
      if (OPEN_ABOVE_BEFORE.test(before) || OPEN_ABOVE_AFTER.test(after)) value.high = null;
      else if (OPEN_BELOW_BEFORE.test(before) || OPEN_BELOW_AFTER.test(after)) value.low = null;
      found.push({ text: m[0].trim(), start, end, ...value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function range(
  unit: FoundFigure['unit'],
  a: string,
  aScale: string | undefined,
  b: string | undefined,
  bScale: string | undefined,
  scaleOf: (s: string) => number | undefined,
): Omit<FoundFigure, 'text' | 'start' | 'end'> | undefined {
  const sa = aScale ? scaleOf(aScale.trim()) : undefined;
  const sb = bScale ? scaleOf(bScale.trim()) : undefined;
  // "$50-80M": the scale written once applies to both ends.
  const low = num(a) * (sa ?? sb ?? 1);
  const high = b === undefined ? low : num(b) * (sb ?? sa ?? 1);
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) return undefined;
  const kind: FigureKind =
    b !== undefined ? 'range' : unit === 'percent' ? 'percent' : unit === 'usd' ? 'money' : unit === 'ratio' ? 'multiple' : 'params';
  return { unit, kind, low, high };
}

const num = (s: string) => Number(s.replace(/,/g, ''));

function scaleEn(s: string): number | undefined {
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

function scaleZh(s: string): number | undefined {
  return { 千: 1e3, 万: 1e4, 亿: 1e8, 万亿: 1e12 }[s];
}
