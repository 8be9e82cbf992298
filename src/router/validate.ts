// Typed values -> the command's zod schema. Every problem is reported at once, as codes the i18n
// table words; a command's own refinements can name a code through the issue's params.
import { z } from 'zod';
import type { OptionSpec } from '../../commands/command.js';
import type { ErrorCode, ErrorParams } from '../core/i18n/messages.js';
import type { Problem } from './parse-args.js';

export type Validated<T> = { ok: true; data: T } | { ok: false; problems: Problem[] };

export function validateArgs<S extends z.ZodObject>(
  schema: S,
  options: readonly OptionSpec[],
  values: Record<string, unknown>,
): Validated<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => toProblems(issue, options, values, schema)) };
}

function toProblems(
  issue: z.core.$ZodIssue,
  options: readonly OptionSpec[],
  values: Record<string, unknown>,
  schema: z.ZodObject,
): Problem[] {
  const option = String(issue.path[0] ?? '');
  const input = values[option];
  // A command's own check names its code; the option it concerns is the issue's path.
  const custom = (issue as { params?: { code?: ErrorCode; params?: object } }).params;
  if (custom?.code) return [{ code: custom.code, params: { option, ...custom.params } as ErrorParams[ErrorCode] }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ code: 'unknown_option', params: { option: key, valid: options.map((o) => o.name) } }));
    case 'invalid_type':
      return input === undefined
        ? [{ code: 'missing_option', params: { option } }]
        : [{ code: 'bad_option_type', params: { option, expected: issue.expected } }];
    case 'too_small':
      if (issue.origin === 'number') return [rangeProblem(option, String(input), schema.shape[option])];
      return [{ code: 'empty_option', params: { option } }];
    case 'too_big':
      if (issue.origin === 'number') return [rangeProblem(option, String(input), schema.shape[option])];
      return [{ code: 'option_too_long', params: { option, length: String(input ?? '').length, max: Number(issue.maximum) } }];
    case 'invalid_value':
      return [{ code: 'bad_choice', params: { option, value: String(input), choices: issue.values.map(String) } }];
    default:
      return [{ code: 'bad_option_type', params: { option, expected: issue.message } }];
  }
}

/** A number out of range names both ends of the range, whichever end it crossed. */
function rangeProblem(option: string, value: string, field: unknown): Problem {
  let inner = field;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = inner.unwrap();
  const bound = (n: number | null | undefined) => (n !== null && n !== undefined && Number.isFinite(n) ? String(n) : undefined);
  const min = inner instanceof z.ZodNumber ? bound(inner.minValue) : undefined;
  const max = inner instanceof z.ZodNumber ? bound(inner.maxValue) : undefined;
  if (min !== undefined && max !== undefined) return { code: 'out_of_range', params: { option, value, min, max } };
  if (min !== undefined) return { code: 'at_least', params: { option, value, min } };
  return { code: 'at_most', params: { option, value, max: max ?? '?' } };
}
