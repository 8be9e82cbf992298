// Number formatting shared by every reply, so "$1.5B" reads the same everywhere.
import type { Lang } from './lang.js';

/** Display width in a terminal: Han and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Shortens text a user typed before echoing it, with a visible ellipsis. */
export function clip(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** "$1.5B", "$600K"; Chinese uses 万 and 亿 as Chinese readers do ("15亿美元"). */
export function formatUsd(amount: number, lang: Lang): string {
  if (!Number.isFinite(amount)) throw new RangeError(`formatUsd got ${amount}`);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  if (lang === 'zh') {
    if (abs >= 1e8) return `${sign}${trim(abs / 1e8)}亿美元`;
    if (abs >= 1e4) return `${sign}${trim(abs / 1e4)}万美元`;
    return `${sign}${trim(abs)}美元`;
  }
  if (abs >= 1e12) return `${sign}$${trim(abs / 1e12)}T`;
  if (abs >= 1e9) return `${sign}$${trim(abs / 1e9)}B`;
  if (abs >= 1e6) return `${sign}$${trim(abs / 1e6)}M`;
  if (abs >= 1e3) return `${sign}$${trim(abs / 1e3)}K`;
  return `${sign}$${trim(abs)}`;
}

/** Up to two decimals, no trailing zeros, never "-0". */
export function trim(value: number, decimals = 2): string {
  const rounded = Number(value.toFixed(decimals));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
