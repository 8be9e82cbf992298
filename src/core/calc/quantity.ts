// What users type for amounts and shares -> numbers. Money: "1,500", "1.5M", "$2B", "250k",
// "3亿". Shares: "30%", or a bare number: below 1 it is a fraction (0.3 = 30%), from 1 up it is
// a percentage (30 = 30%, 1 = 1%). Results are values with a reason, never exceptions.

export type Parsed = { ok: true; value: number } | { ok: false; reason: 'format' | 'range' | 'magnitude' };

const MULTIPLIERS: Record<string, number> = {
  '': 1,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
  万: 1e4,
  亿: 1e8,
};

const MONEY =
  /^(-)?\$?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)(?:e([+-]?\d{1,3}))?\s*(k|thousand|mm|m|million|bn|b|billion|t|trillion|万|亿)?\s*(?:美元|usd|dollars?)?$/i;

/** A positive amount of money up to `max` (default $10T: beyond that it is a typo, not a scenario). */
export function parseMoney(text: string, max = 1e13): Parsed {
  const match = MONEY.exec(normalize(text));
  if (!match) return { ok: false, reason: 'format' };
  const [, minus, digits, exponent, unit] = match;
  const value = Number(digits!.replace(/,/g, '')) * 10 ** Number(exponent ?? 0) * MULTIPLIERS[(unit ?? '').toLowerCase()]!;
  if (!Number.isFinite(value)) return { ok: false, reason: 'magnitude' };
  if (minus || value <= 0) return { ok: false, reason: 'range' };
  if (value > max) return { ok: false, reason: 'magnitude' };
  return { ok: true, value };
}

const SHARE = /^([+-])?(\d+(?:\.\d+)?|\.\d+)\s*(%)?$/;

/** A share as a fraction (30% -> 0.3), within [min, max] (fractions). */
export function parseShare(text: string, min = 0, max = 1): Parsed {
  const match = SHARE.exec(normalize(text));
  if (!match) return { ok: false, reason: 'format' };
  const [, sign, digits, percent] = match;
  const magnitude = Number(digits);
  const fraction = percent || magnitude >= 1 ? magnitude / 100 : magnitude;
  const value = sign === '-' ? -fraction : fraction;
  if (!Number.isFinite(value)) return { ok: false, reason: 'magnitude' };
  if (value < min || value > max) return { ok: false, reason: 'range' };
  return { ok: true, value: value === 0 ? 0 : value };
}

/** A positive count ("20", "1.5k", "2M"), at most `max`. */
export function parseCount(text: string, max = 1e9): Parsed {
  if (/[$美元]|usd|dollar/i.test(text)) return { ok: false, reason: 'format' };
  return parseMoney(text, max);
}

function normalize(text: string): string {
  return text.normalize('NFKC').trim().replace(/[−–—]/g, '-').replace(/\s+/g, ' ');
}
