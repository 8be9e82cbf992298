// Numbers written in words, as people write them in chat: Chinese numerals ("一千七百五十亿",
// "五千万", "千亿", "三成", "一半", "两倍") and English ones ("half", "a third", "ten billion",
// "twice"). Each reader returns a value (or a range, for "a tenth to a fifth" and "几千万"); the
// caller decides what the number measures from the words around it.

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** "几" and "数" stand for an unknown digit: "几千万" is somewhere between two and nine thousand ten-thousands. */
const ZH_SOME = new Set(['几', '数']);

/** Characters a Chinese number is written with, Arabic digits included ("5千万", "1.25亿"). */
export const ZH_NUMBER = String.raw`(?:[\d.]+|[零〇一二两俩三四五六七八九十百千万亿几数])+`;

/**
 * A Chinese number written loosely: "四十多亿" (forty-odd hundred million), "5亿多", "两千余万",
 * "十来个". The 多/余/来 stands for "and some": up to one more of the last place written.
 */
export const ZH_APPROX_NUMBER = `${ZH_NUMBER}(?:[多余来](?:万亿|亿|万)?)?`;

/** Two neighbouring digits name a range: "四五十亿" is 40-50亿, "三四千万" 3000-4000万 (not "一九"). */
const NEIGHBOUR_DIGITS = /([一二两三四五六七八])([二三四五六七八九])(?=[十百千万亿])/u;

/**
 * A Chinese number, possibly mixing Arabic digits and numerals ("1750亿", "一千七百五十亿",
 * "五千万", "千亿", "1.25亿"), as a range: exact numbers have low = high; "几千万", "四十多亿" and
 * "四五十亿" do not.
 */
export function parseZhNumber(text: string): { low: number; high: number } | undefined {
  if (!/[\d零〇一二两俩三四五六七八九十百千万亿几数]/.test(text)) return undefined;
  const approx = /^(.+?)[多余来]((?:万亿|亿|万)?)$/u.exec(text);
  if (approx) return approximately(approx[1]!, approx[2]!);
  const pair = NEIGHBOUR_DIGITS.exec(text);
  if (pair && ZH_DIGITS[pair[2]!]! === ZH_DIGITS[pair[1]!]! + 1) {
    const low = parseZhNumber(text.replace(pair[0], pair[1]!));
    const high = parseZhNumber(text.replace(pair[0], pair[2]!));
    return low && high ? { low: low.low, high: high.high } : undefined;
  }
  const low = parseWith(text, 2);
  const high = parseWith(text, 9);
  if (low === undefined || high === undefined || !Number.isFinite(low) || low <= 0) return undefined;
  return { low: Math.min(low, high), high: Math.max(low, high) };
}

/** "四十多" + "亿": from 40亿 up to (not including) 50亿, the next step of the last place written. */
function approximately(base: string, scaleText: string): { low: number; high: number } | undefined {
  const n = parseZhNumber(base);
  if (!n) return undefined;
  const scale = scaleText ? (parseWith(`1${scaleText}`, 2) ?? 1) : 1;
  return { low: n.low * scale, high: (n.high + placeOf(base)) * scale };
}

/** The value of the last place a number is written to: "四十" 10, "5亿" 1亿, "40" 10, "两千" 1000. */
function placeOf(text: string): number {
  const unit = /([十百千万亿])$/u.exec(text)?.[1];
  // "5亿" is written to the 亿 place; "四十亿" to the 十亿 place.
  if (unit === '亿' || unit === '万') {
    const scale = unit === '亿' ? 1e8 : 1e4;
    return placeOf(text.slice(0, -1)) * scale;
  }
  if (unit) return ZH_SMALL[unit]!;
  const digits = /(\d+)$/.exec(text)?.[1];
  if (digits && !text.includes('.')) return 10 ** (digits.length - digits.replace(/0+$/, '').length);
  return 1;
}

function parseWith(text: string, some: number): number | undefined {
  // Split at the largest unit first: "一亿五千万" is 1亿 + 5千万.
  const yi = text.lastIndexOf('亿');
  if (yi >= 0) {
    const left = text.slice(0, yi);
    const right = text.slice(yi + 1);
    const l = left ? parseWith(left, some) : 1;
    const r = right ? parseWith(right, some) : 0;
    return l === undefined || r === undefined ? undefined : l * 1e8 + r;
  }
  const wan = text.lastIndexOf('万');
  if (wan >= 0) {
    const left = text.slice(0, wan);
    const right = text.slice(wan + 1);
    const l = left ? parseWith(left, some) : 1;
    const r = right ? parseWith(right, some) : 0;
    return l === undefined || r === undefined ? undefined : l * 1e4 + r;
  }
  let total = 0;
  let digit: number | undefined;
  for (const m of text.matchAll(/[\d.]+|./gu)) {
    const ch = m[0];
    if (/^[\d.]+$/.test(ch)) {
      digit = Number(ch);
      if (!Number.isFinite(digit)) return undefined;
    } else if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch];
    else if (ZH_SOME.has(ch)) digit = some;
    else if (ch in ZH_SMALL) {
      total += (digit ?? 1) * ZH_SMALL[ch]!;
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

const EN_UNITS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** English number words: "ten", "a hundred", "one hundred seventy-five", "fifty". */
export const EN_NUMBER_WORDS = String.raw`(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|hundred|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))*)(?![a-z])`;

/** "ten", "a hundred", "one hundred seventy-five": the value, or undefined when it is not a number. */
export function parseEnNumberWords(text: string): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of text.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and' || !word) continue;
    if (word in EN_UNITS) current += EN_UNITS[word]!;
    else if (word in EN_TENS) current += EN_TENS[word]!;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word in EN_SCALES) {
      total += (current || 1) * EN_SCALES[word]!;
      current = 0;
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

/** Fractions in words, as percentages: "half" 50, "a third" 33.3, "three quarters" 75. */
export const EN_FRACTIONS: Record<string, number> = {
  half: 50,
  third: 100 / 3,
  thirds: 100 / 3,
  quarter: 25,
  quarters: 25,
  fourth: 25,
  fourths: 25,
  fifth: 20,
  fifths: 20,
  tenth: 10,
  tenths: 10,
};

/** "a third" 1, "two thirds" 2: how many of the fraction. */
export function fractionCount(word: string | undefined): number | undefined {
  if (!word) return 1;
  const w = word.toLowerCase();
  if (w === 'a' || w === 'an' || w === 'one') return 1;
  return EN_UNITS[w] ?? undefined;
}

/** Chinese fractions: "三分之一" is a third, "一半" half, "三成" 30%, "两三成" 20-30%. */
export function zhFraction(denominator: string, numerator: string): number | undefined {
  const d = parseZhNumber(denominator);
  const n = parseZhNumber(numerator);
  if (!d || !n || d.low !== d.high || n.low !== n.high || d.low === 0) return undefined;
  return (n.low * 100) / d.low;
}
