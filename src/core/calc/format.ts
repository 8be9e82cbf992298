// How calculator results are written: percentages to one decimal at most, money in $K/$M/$B (or
// 万/亿), never NaN, Infinity or -0 (a bug upstream must show as a bug, not as "NaN%").
import { formatUsd } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';

export function pct(fraction: number, decimals = 1): string {
  if (!Number.isFinite(fraction)) throw new RangeError(`pct got ${fraction}`);
  const rounded = Number((fraction * 100).toFixed(decimals));
  return `${Object.is(rounded, -0) ? 0 : rounded}%`;
}

export function usd(amount: number, lang: Lang): string {
  const rounded = Math.abs(amount) < 0.005 ? 0 : amount;
  return formatUsd(rounded, lang);
}

/** Per-query costs are cents and fractions of cents: "$0.002". */
export function usdSmall(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`usdSmall got ${amount}`);
  if (amount >= 1) return `$${Number(amount.toFixed(2))}`;
  return `$${Number(amount.toPrecision(3))}`;
}
