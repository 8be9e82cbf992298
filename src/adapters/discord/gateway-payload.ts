// Conversions between discord.js objects and this adapter's API-shaped values, written against
// the few members used so they can be tested with plain objects instead of a live client.
import type { Interaction, InteractionOption, OutgoingMessage } from './api-types.js';

interface GatewayOption {
  name: string;
  type: number;
  value?: string | number | boolean | null | undefined;
  focused?: boolean | undefined;
  options?: readonly GatewayOption[] | undefined;
}

/** What dispatch reads of a discord.js ChatInputCommandInteraction or AutocompleteInteraction. */
export interface GatewayInteraction {
  id: string;
  applicationId: string;
  type: number;
  token: string;
  locale: string;
  guildLocale: string | null;
  guildId: string | null;
  channelId: string | null;
  commandId: string;
  commandName: string;
  commandType: number;
  options: { readonly data: readonly GatewayOption[] };
  user: { id: string; username: string; globalName: string | null };
  memberPermissions: { bitfield: bigint } | null;
  appPermissions: { bitfield: bigint } | null;
}

function toOption(option: GatewayOption): InteractionOption {
  return {
    name: option.name,
    type: option.type,
    ...(option.value !== undefined && option.value !== null ? { value: option.value } : {}),
    ...(option.focused ? { focused: true } : {}),
    ...(option.options ? { options: option.options.map(toOption) } : {}),
  };
}

/** The interaction as the HTTP endpoint would have received it, so both transports share one path. */
export function fromGatewayInteraction(i: GatewayInteraction): Interaction {
  const user = { id: i.user.id, username: i.user.username, global_name: i.user.globalName };
  return {
    id: i.id,
    application_id: i.applicationId,
    type: i.type,
    token: i.token,
    version: 1,
    data: { id: i.commandId, name: i.commandName, type: i.commandType, options: i.options.data.map(toOption) },
    ...(i.channelId ? { channel_id: i.channelId, channel: { id: i.channelId } } : {}),
    ...(i.guildId ? { guild_id: i.guildId, member: { user, permissions: (i.memberPermissions?.bitfield ?? 0n).toString() } } : { user }),
    locale: i.locale,
    ...(i.guildLocale ? { guild_locale: i.guildLocale } : {}),
    ...(i.appPermissions ? { app_permissions: i.appPermissions.bitfield.toString() } : {}),
  };
}

/** discord.js message options (camelCase, files as attachments) from a rendered message. */
export function toSendOptions(message: OutgoingMessage, opts: { flags?: boolean } = {}) {
  const { content, embeds, flags } = message.body;
  return {
    ...(content !== undefined ? { content } : {}),
    embeds: embeds ?? [],
    // The client's default is the same; stated per message so no path depends on a default.
    allowedMentions: { parse: [], repliedUser: false },
    ...(opts.flags !== false && flags ? { flags } : {}),
    files: message.files.map((f) => ({
      attachment: Buffer.from(f.data),
      name: f.name,
      ...(f.description ? { description: f.description } : {}),
    })),
  };
}
