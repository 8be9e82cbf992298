// The shape of an interaction as this adapter reads it, checked once at the boundary: a signed
// request is Discord's, but its body is still data, and a field of the wrong type (options as an
// object, a user id as a number) must be a 400 here rather than a TypeError deep in dispatch.
// Only the fields the adapter reads are checked; everything else Discord sends passes through.
import { z } from 'zod';
import type { Interaction } from './api-types.js';

const snowflake = z.string().regex(/^\d{1,25}$/, 'a snowflake (digits)');
const user = z.looseObject({ id: snowflake });

/**
 * Options nest at most three deep (group > subcommand > option); the schema stops there, so a
 * payload nested thousands deep is refused without recursing through it.
 */
function optionList(depth: number): z.ZodType {
  return z.array(
    z.looseObject({
      name: z.string(),
      type: z.number().int(),
      value: z.union([z.string(), z.number(), z.boolean()]).optional(),
      focused: z.boolean().optional(),
      ...(depth > 1 ? { options: optionList(depth - 1).optional() } : {}),
    }),
  );
}

const interaction = z.looseObject({
  id: snowflake,
  type: z.number().int(),
  token: z.string().min(1),
  application_id: snowflake.optional(),
  data: z
    .looseObject({
      name: z.string(),
      options: optionList(3).optional(),
    })
    .optional(),
  channel_id: snowflake.optional(),
  channel: z.looseObject({ id: snowflake }).optional(),
  member: z.looseObject({ user, permissions: z.string().optional() }).optional(),
  user: user.optional(),
  locale: z.string().optional(),
});

export type ParsedInteraction = { ok: true; interaction: Interaction } | { ok: false; problem: string };

/** The interaction, or what is wrong with it in one line ("data.options: expected array"). */
export function parseInteraction(body: Buffer): ParsedInteraction {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, problem: 'the body is not JSON' };
  }
  const result = interaction.safeParse(value);
  if (result.success) return { ok: true, interaction: result.data as unknown as Interaction };
  const issue = result.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.') || 'the body'}: ${issue.message}` };
}
