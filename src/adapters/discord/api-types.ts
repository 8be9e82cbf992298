// The parts of Discord's API v10 this adapter reads and writes, written out rather than imported:
// the pure modules (rendering, options, verification) then load no SDK, and a field we rely on is
// visible here. Shapes follow docs.discord.com/developers/interactions/receiving-and-responding.

export const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
export const ResponseType = { Pong: 1, Message: 4, DeferredMessage: 5, AutocompleteResult: 8 } as const;
export const OptionType = { String: 3, Integer: 4, Boolean: 5, Number: 10 } as const;
/** MessageFlags.Ephemeral: only the invoking user sees the message. */
export const EPHEMERAL = 64;

export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  /** Autocomplete: the option the user is typing in. */
  focused?: boolean;
  /** Subcommands and groups nest their options. */
  options?: InteractionOption[];
}

export interface InteractionUser {
  id: string;
  username?: string;
  global_name?: string | null;
  bot?: boolean;
}

export interface Interaction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  version?: number;
  data?: { id?: string; name: string; type?: number; options?: InteractionOption[] };
  guild_id?: string;
  channel_id?: string;
  channel?: { id: string; type?: number };
  /** In guilds: the member, with their permissions in the channel as a decimal bit string. */
  member?: { user: InteractionUser; permissions?: string; roles?: string[] };
  /** In DMs (and user-installed contexts without a guild). */
  user?: InteractionUser;
  locale?: string;
  guild_locale?: string;
  app_permissions?: string;
}

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: EmbedField[];
  footer?: { text: string };
  image?: { url: string };
}

export interface AllowedMentions {
  parse: ('users' | 'roles' | 'everyone')[];
  replied_user?: boolean;
}

/** A message as the API takes it (interaction response data, webhook message, channel message). */
export interface MessageBody {
  content?: string;
  embeds?: Embed[];
  allowed_mentions: AllowedMentions;
  flags?: number;
  attachments?: { id: number; filename: string; description?: string }[];
}

export interface MessageFile {
  name: string;
  data: Uint8Array;
  contentType: string;
  description?: string;
}

/** One message to send: its JSON, and the files that go beside it as multipart `files[n]`. */
export interface OutgoingMessage {
  body: MessageBody;
  files: MessageFile[];
}

export interface AutocompleteChoice {
  name: string;
  value: string;
}
