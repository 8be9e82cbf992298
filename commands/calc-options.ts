// Calculator options: zod fields that read what users type ("1.5M", "30%", "0.3") into numbers,
// keeping the text too (saved scenarios store it), and report mistakes as coded issues the
// i18n table words: what was wrong and the accepted form (the router adds which option).
import { z } from 'zod';
import { pct, usd } from '../src/core/calc/format.js';
import { parseCount, parseMoney, parseShare, type Parsed } from '../src/core/calc/quantity.js';
import type { ErrorCode, ErrorParams } from '../src/core/i18n/messages.js';
import type { OptionDef } from './options.js';

export interface Quantity {
  value: number;
  /** As the user typed it. */
  text: string;
}

/** A coded issue; the option it concerns is the issue's path, filled in by the router. */
type Issue = { [C in ErrorCode]: { code: C; params: Omit<ErrorParams[C], 'option'> } }[ErrorCode];
type Failure = Exclude<Parsed, { ok: true }>['reason'];

function quantity(read: (text: string) => Parsed, explain: (reason: Failure, value: string) => Issue) {
  return z
    .union([z.string(), z.number()])
    .transform((raw, ctx): Quantity => {
      const text = String(raw).trim().slice(0, 40);
      const parsed = read(text);
      if (parsed.ok) return { value: parsed.value, text };
      ctx.addIssue({ code: 'custom', params: explain(parsed.reason, text), input: raw });
      return z.NEVER;
    })
    .optional();
}

/** An amount of money above zero, at most `max`. */
export function money(max = 1e13) {
  return quantity(
    (t) => parseMoney(t, max),
    (reason, value) =>
      reason === 'format'
        ? { code: 'bad_money', params: { value } }
        : reason === 'range'
          ? { code: 'not_positive', params: { value } }
          : { code: 'too_large', params: { value, max: usd(max, 'en') } },
  );
}

/** A share between min and max (fractions: -1 is -100%). */
export function share(min = 0, max = 1) {
  return quantity(
    (t) => parseShare(t, min, max),
    (reason, value) =>
      reason === 'range'
        ? { code: 'out_of_range', params: { value, min: pct(min), max: pct(max) } }
        : { code: 'bad_share', params: { value } },
  );
}

/** A count above zero, at most `max`. */
export function count(max = 1e9) {
  return quantity(
    (t) => parseCount(t, max),
    (reason, value) =>
      reason === 'format'
        ? { code: 'bad_count', params: { value } }
        : reason === 'range'
          ? { code: 'not_positive', params: { value } }
          : { code: 'too_large', params: { value, max: String(max) } },
  );
}

/** A named text option of a calculator: typed as text everywhere, read by its schema. */
export const calcOption = <S extends z.ZodType>(schema: S, en: string, zh: string): OptionDef<S> => ({ schema, description: { en, zh } });
