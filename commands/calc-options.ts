// Calculator options: zod fields that read what users type ("1.5M", "30%", "0.3") into numbers,
// keeping the text too (saved scenarios store it), and report mistakes as coded issues the
// i18n table words: which option, what was wrong, the accepted form.
import { z } from 'zod';
import { pct, usd } from '../src/core/calc/format.js';
import { parseCount, parseMoney, parseShare, type Parsed } from '../src/core/calc/quantity.js';
import type { ErrorCode, ErrorParams } from '../src/core/i18n/messages.js';
import type { OptionSpec } from './command.js';

export interface Quantity {
  value: number;
  /** As the user typed it. */
  text: string;
}

type Reader = (text: string, option: string) => Parsed;

function quantity(option: string, read: Reader, explain: (reason: Exclude<Parsed, { ok: true }>['reason'], value: string) => Issue) {
  return z
    .union([z.string(), z.number()])
    .transform((raw, ctx): Quantity => {
      const text = String(raw).trim().slice(0, 40);
      const parsed = read(text, option);
      if (parsed.ok) return { value: parsed.value, text };
      ctx.addIssue({ code: 'custom', params: explain(parsed.reason, text), input: raw });
      return z.NEVER;
    })
    .optional();
}

type Issue = { [C in ErrorCode]: { code: C; params: ErrorParams[C] } }[ErrorCode];

/** An amount of money above zero, at most `max`. */
export function money(option: string, max = 1e13) {
  return quantity(
    option,
    (t) => parseMoney(t, max),
    (reason, value) =>
      reason === 'format'
        ? { code: 'bad_money', params: { option, value } }
        : reason === 'range'
          ? { code: 'not_positive', params: { option, value } }
          : { code: 'too_large', params: { option, value, max: usd(max, 'en') } },
  );
}

/** A share between min and max (fractions: -1 is -100%). */
export function share(option: string, min = 0, max = 1) {
  return quantity(
    option,
    (t) => parseShare(t, min, max),
    (reason, value) =>
      reason === 'range'
        ? { code: 'out_of_range', params: { option, value, min: pct(min), max: pct(max) } }
        : { code: 'bad_share', params: { option, value } },
  );
}

/** A count above zero, at most `max`. */
export function count(option: string, max = 1e9) {
  return quantity(
    option,
    (t) => parseCount(t, max),
    (reason, value) =>
      reason === 'format'
        ? { code: 'bad_count', params: { option, value } }
        : reason === 'range'
          ? { code: 'not_positive', params: { option, value } }
          : { code: 'too_large', params: { option, value, max: String(max) } },
  );
}

/** A named, optional text option: how every calculator input is declared. */
export const calcOption = (name: string, en: string, zh: string): OptionSpec => ({
  name,
  type: 'string',
  required: false,
  description: { en, zh },
});
