// Text after a command -> option values, by the command's option specs: `key=value` or `key:value`
// pairs for named options, plain words for the positional ones, bare names for boolean flags.
import type { OptionSpec } from '../../commands/command.js';
import type { ErrorCode, ErrorParams } from '../core/i18n/messages.js';
import { tokenize, type Token } from './tokenize.js';

export interface Problem<C extends ErrorCode = ErrorCode> {
  code: C;
  params: ErrorParams[C];
}

export interface ParsedArgs {
  values: Record<string, string | boolean>;
  problems: Problem[];
}

const PAIR = /^([A-Za-z][\w-]*)([=:])(.*)$/su;
const optionKey = (key: string) => key.toLowerCase().replace(/-/g, '_');

export function parseTextArgs(text: string, options: readonly OptionSpec[], separator?: RegExp): ParsedArgs {
  const values: Record<string, string | boolean> = {};
  const problems: Problem[] = [];
  const byName = new Map(options.map((o) => [o.name, o]));
  const words: Token[] = [];
  // Every value each named option was given: one given twice is refused rather than one value
  // silently winning ("inference=30% inference=40%" is a typo or two scenarios, not a choice).
  const given = new Map<string, string[]>();

  for (const token of tokenize(text)) {
    const raw = token.quoted ? null : PAIR.exec(token.text);
    // "key:" with nothing after it is prose ("PM question: why ..."), not an option.
    const pair = raw && raw[2] === ':' && raw[3] === '' ? null : raw;
    const spec = pair ? byName.get(optionKey(pair[1]!)) : undefined;
    if (pair && spec) {
      values[spec.name] = pair[3]!;
      given.set(spec.name, [...(given.get(spec.name) ?? []), pair[3]!]);
    } else if (pair && pair[2] === '=') {
      // "=" only ever means an option; ":" may be part of a word ("3:1", a URL).
      problems.push({ code: 'unknown_option', params: { option: pair[1]!, valid: options.map((o) => o.name) } });
    } else if (!token.quoted && byName.get(optionKey(token.text))?.type === 'boolean') {
      values[optionKey(token.text)] = true;
    } else {
      words.push(token);
    }
  }

  for (const [option, all] of given) {
    if (all.length > 1) problems.push({ code: 'repeated_option', params: { option, values: all } });
  }
  assignPositional(
    words,
    options.filter((o) => o.positional && values[o.name] === undefined),
    values,
    separator,
  );
  if (words.length > 0) {
    problems.push({ code: 'unexpected_words', params: { words: words.map((w) => w.text).join(' ') } });
  }
  return { values, problems };
}

/** One word per positional option; the last one takes every word left over. */
function assignPositional(words: Token[], slots: OptionSpec[], values: Record<string, string | boolean>, separator?: RegExp): void {
  if (slots.length === 0 || words.length === 0) return;
  const joined = words.map((w) => w.text).join(' ');
  const parts =
    separator && slots.length > 1
      ? joined
          .split(separator)
          .map((p) => p.trim())
          .filter(Boolean)
      : [];
  if (parts.length === slots.length) {
    slots.forEach((slot, i) => {
      values[slot.name] = parts[i]!;
    });
    words.splice(0);
    return;
  }
  slots.forEach((slot, i) => {
    const last = i === slots.length - 1;
    const taken = last ? words.splice(0) : words.splice(0, 1);
    if (taken.length) values[slot.name] = taken.map((w) => w.text).join(' ');
  });
}
