// An application-command interaction -> the router's Invocation. Pure: tested from recorded payloads.
import type { Invocation, OptionValue } from '../../router/invocation.js';
import type { Interaction, InteractionOption } from './api-types.js';

const MANAGE_CHANNELS = 1n << 4n;
const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

/** The options as typed values, by name. Subcommand wrappers, if any ever appear, are flattened. */
export function optionValues(options: readonly InteractionOption[] | undefined): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of options ?? []) {
    if (option.options) Object.assign(values, optionValues(option.options));
    else if (option.value !== undefined) values[option.name] = option.value;
  }
  return values;
}

export function invokingUserId(interaction: Interaction): string | undefined {
  return interaction.member?.user.id ?? interaction.user?.id;
}

/**
 * Admins of a channel are those who can manage it or the server. ADMINISTRATOR is counted too:
 * Discord sends every bit for administrators, but a payload built by hand may carry that one alone.
 */
export function isAdminPermissions(permissions: string | undefined): boolean {
  if (!permissions || !/^\d+$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & (MANAGE_GUILD | MANAGE_CHANNELS | ADMINISTRATOR)) !== 0n;
}

export function toInvocation(interaction: Interaction): Invocation {
  const channel = interaction.channel_id ?? interaction.channel?.id ?? 'unknown';
  return {
    platform: 'discord',
    command: interaction.data?.name ?? '',
    args: optionValues(interaction.data?.options),
    userId: `discord:${invokingUserId(interaction) ?? 'unknown'}`,
    channelId: `discord:${channel}`,
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    // In a DM there is no member and nobody to administer: the user is not an admin.
    isAdmin: isAdminPermissions(interaction.member?.permissions),
    wantsChart: true,
    raw: interaction,
  };
}
