// One declaration per option: the zod schema of the values it takes, and how platforms present it
// (description, position, Discord's type, autocomplete). A command's schema and its option specs
// are both derived from these declarations, so the two cannot drift apart.
import { z } from 'zod';
import type { Bilingual } from '../src/core/knowledge/schema.js';
import type { OptionSpec } from './command.js';

export interface OptionDef<S extends z.ZodType = z.ZodType> {
  schema: S;
  description: Bilingual;
  /** Filled, in declaration order, from the plain words of text input. */
  positional?: boolean;
  /** How Discord types it (default string; the calculators read "30%" or "$2B" from text). */
  type?: OptionSpec['type'];
  /** Values offered as choices; by default an enum schema's values. */
  choices?: readonly string[];
  autocomplete?: 'company';
}

export type OptionDefs = Record<string, OptionDef>;

/** The command's schema: one field per option, nothing else accepted. */
export type SchemaOf<O extends OptionDefs> = z.ZodObject<{ -readonly [K in keyof O]: O[K]['schema'] }, z.core.$strict>;

export function schemaOf<O extends OptionDefs>(options: O): SchemaOf<O> {
  return z.strictObject(Object.fromEntries(Object.entries(options).map(([name, option]) => [name, option.schema]))) as SchemaOf<O>;
}

/** The option specs platforms read: whether an option is required, its choices and length limit come from its schema. */
export function specsOf(options: OptionDefs): OptionSpec[] {
  return Object.entries(options).map(([name, option]) => {
    const inner = unwrap(option.schema);
    const choices = option.choices ?? (inner instanceof z.ZodEnum ? (inner.options as string[]) : undefined);
    const maxLength = inner instanceof z.ZodString ? inner.maxLength : null;
    return {
      name,
      description: option.description,
      type: option.type ?? 'string',
      required: !option.schema.safeParse(undefined).success,
      ...(option.positional ? { positional: true } : {}),
      ...(choices ? { choices } : {}),
      ...(option.autocomplete ? { autocomplete: option.autocomplete } : {}),
      ...(maxLength !== null ? { maxLength } : {}),
    };
  });
}

/** The schema inside `.optional()`, `.nullable()` and `.default()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault)
    inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** A name a user types: a company, layer or topic. Long enough for "Microsoft Azure", short enough to echo. */
export const nameArg = () => z.string().trim().min(1).max(100);
