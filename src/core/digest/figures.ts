// Numbers people cite in a sentence: percentages, ranges, money, multiples, parameter counts and
// counts of things (models, apps, people), in digits or in words, English or Chinese, with their
// value as a range in the knowledge base's units. Only numbers with a unit or a counted noun count:
// a bare "2023" or "3 weeks" is not a figure anyone would check against the essay. What a number
// measures is read from the words around it, elsewhere (quantity.ts).
import { PATTERNS } from './figure-patterns.js';
import type { FoundFigure } from './figure-values.js';

export type { FoundFigure } from './figure-values.js';

const OPEN_ABOVE_BEFORE =
  /(?:more than|over|above|at least|upwards of|north of|exceeds?|exceeding|超过|逾|超|至少|不止|高于|大于|多于)\s*(?:~|about|around|roughly|约|大约)?\s*$/i;
const OPEN_BELOW_BEFORE =
  /(?:less than|under|below|at most|up to|no more than|not even|不到|低于|少于|最多|不足|小于)\s*(?:~|about|around|roughly|约|大约)?\s*$/i;
const OPEN_ABOVE_AFTER = /^\s*(?:\+|以上|多)/;
const OPEN_BELOW_AFTER = /^\s*(?:以下|以内)/;
/** "half" and the other fractions are shares only with a sign of it: "half of", "about half", "by half". */
const FRACTION_BEFORE =
  /(?:about|around|roughly|nearly|almost|over|under|more than|less than|at least|just|only|by|in|some|maybe|~|than|is|are|was|were|eats?|takes?|spend|spends|spent|pays?|goes|goes to|gets?|to)\s*$/i;
const FRACTION_AFTER = /^\s*(?:of|their|its|our|the|what|his|her|your|to|-|or)\b/i;
/** "first half", "second quarter", "last quarter", "a quarter" (of a year) are times, not shares. */
const NOT_A_FRACTION_BEFORE = /(?:first|second|third|fourth|last|next|this|previous|every|per|each|the|one|a)\s*$/i;

const FRACTION_TEXT = /^[a-z\s-]*(?:half|third|quarter|fourth|fifth|tenth)s?$/i;
const ANY_NUMBER =
  /[\d\uFF10-\uFF19一二两三四五六七八九十百千万亿半倍]|half|third|quarter|fourth|fifth|tenth|twice|doubl|tripl|quadrupl|halv|times|illion|percent/i;

/** Whether a text may hold a figure at all: a cheap test before splitting it into sentences. */
export function mayHoldFigure(text: string): boolean {
  return ANY_NUMBER.test(text);
}

/** Figures in one sentence, left to right, none overlapping. */
export function findFigures(sentence: string): FoundFigure[] {
  if (!ANY_NUMBER.test(sentence)) return [];
  // Full-width digits and "％" become ASCII; a Chinese comma stays a separator, not a thousands mark.
  const text = sentence.replace(/\uFF0C/g, '、').normalize('NFKC');
  const found: FoundFigure[] = [];
  for (const { re, hint, parse } of PATTERNS) {
    if (!hint.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      if (end === start) {
        re.lastIndex++;
        continue;
      }
      if (found.some((f) => start < f.end && end > f.start)) continue;
      const value = parse(m);
      if (!value) continue;
      const before = text.slice(Math.max(0, start - 20), start);
      const after = text.slice(end, end + 12);
      if (value.unit === 'percent' && FRACTION_TEXT.test(m[0]) && !wordShare(m[0], before, after)) continue;
      if (/\b(?:by|in)\s*$/i.test(before) && /^[a-z]/i.test(m[0]) && value.unit === 'percent') value.change = true;
      if (OPEN_ABOVE_BEFORE.test(before) || OPEN_ABOVE_AFTER.test(text.slice(end, end + 4))) value.high = null;
      else if (OPEN_BELOW_BEFORE.test(before) || OPEN_BELOW_AFTER.test(text.slice(end, end + 4))) value.low = null;
      found.push({ text: m[0].trim(), start, end, ...value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a fraction written in words is a share here: "about half of revenue", not "the first half". */
function wordShare(written: string, before: string, after: string): boolean {
  if (/^-[a-z]/i.test(after)) return false;
  const first = written.toLowerCase().split(/[\s-]+/)[0]!;
  const explicit = /^(two|three|four)$/.test(first);
  if (/^(a|an|one)$/.test(first) && NOT_A_FRACTION_BEFORE.test(before) && !/^\s*of\b/i.test(after)) return false;
  if (!explicit && /\b(?:first|second|third|fourth|last|next|this|previous|every|per|each|other)\s*$/i.test(before)) return false;
  if (/quarter|fourth/i.test(written) && !/^\s*of\b/i.test(after)) return false;
  if (/half/i.test(written) && /^\s*(?:a|an)\s+(?:million|billion|trillion)/i.test(after)) return false;
  return FRACTION_AFTER.test(after) || FRACTION_BEFORE.test(before) || /\b(?:to|-|or|and)\b/i.test(written);
}
