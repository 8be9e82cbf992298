// `genai-bot register discord`: bulk-overwrite the application's commands with the registry's,
// globally or in one guild (DISCORD_GUILD_ID: changes show at once, handy while developing),
// saying what changed. And the invite link, with only the permissions the bot uses.
import { DiscordAPIError } from '@discordjs/rest';
import { commands } from '../../../commands/index.js';
import type { Config } from '../../config.js';
import { toCommandsJson, type CommandJson } from './commands.js';
import { closeRest, createRest } from './rest.js';

export interface RegisterOptions {
  config: Config;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  fetch?: typeof fetch;
}

/** Returns the exit code: 0 registered, 1 anything else (with one line saying what). */
export async function registerDiscordCommands(opts: RegisterOptions): Promise<number> {
  const { config, out, err } = opts;
  const fail = (line: string) => {
    err.write(`genai-bot: ${line}\n`);
    return 1;
  };
  if (!config.DISCORD_TOKEN)
    return fail('DISCORD_TOKEN is not set: the bot token from the Discord developer portal (your app → Bot → Reset Token)');
  if (!config.DISCORD_APPLICATION_ID)
    return fail('DISCORD_APPLICATION_ID is not set: the application id from the Discord developer portal (your app → General Information)');
  let desired: CommandJson[];
  try {
    desired = toCommandsJson(commands);
  } catch (e) {
    return fail(`the command registry breaks a Discord rule: ${(e as Error).message}`);
  }
  const app = config.DISCORD_APPLICATION_ID;
  const guild = config.DISCORD_GUILD_ID;
  const route = guild ? (`/applications/${app}/guilds/${guild}/commands` as const) : (`/applications/${app}/commands` as const);
  const rest = createRest({ token: config.DISCORD_TOKEN, fetch: opts.fetch, api: config.DISCORD_API_URL });
  try {
    const current = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as RemoteCommand[];
    const changes = diffCommands(current, desired);
    await rest.put(route, { body: desired });
    out.write(`${describeChanges(changes, guild ? `guild ${guild}` : 'global')}\n`);
    return 0;
  } catch (e) {
    return fail(explainFailure(e, guild));
  } finally {
    closeRest(rest);
  }
}

function explainFailure(e: unknown, guild: string | undefined): string {
  if (e instanceof DiscordAPIError) {
    if (e.status === 401) return 'DISCORD_TOKEN was refused by Discord (401): check the bot token';
    if (e.status === 403 && guild)
      return `Discord refused access to guild ${guild} (403): invite the bot there with the applications.commands scope (genai-bot invite discord)`;
    if (e.status === 403)
      return 'Discord refused (403): DISCORD_APPLICATION_ID must be the application of the bot whose token is DISCORD_TOKEN';
    if (e.status === 404)
      return `Discord does not know application ${guild ? 'or guild ' : ''}(404): check DISCORD_APPLICATION_ID${guild ? ' and DISCORD_GUILD_ID' : ''}`;
    return `Discord rejected the commands (${e.status}): ${e.message}`;
  }
  return `could not reach Discord: ${(e as Error).message ?? String(e)}`;
}

export interface RemoteCommand {
  name: string;
  [key: string]: unknown;
}

export interface CommandChanges {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

export function diffCommands(current: readonly RemoteCommand[], desired: readonly CommandJson[]): CommandChanges {
  const before = new Map(current.map((c) => [c.name, c]));
  const changes: CommandChanges = { added: [], updated: [], removed: [], unchanged: [] };
  for (const command of desired) {
    const old = before.get(command.name);
    if (!old) changes.added.push(command.name);
    else if (JSON.stringify(canonical(old)) === JSON.stringify(canonical({ ...command }))) changes.unchanged.push(command.name);
    else changes.updated.push(command.name);
  }
  const names = new Set(desired.map((c) => c.name));
  changes.removed = current.filter((c) => !names.has(c.name)).map((c) => c.name);
  return changes;
}

/**
 * The fields this tool sets, with Discord's defaults filled in: Discord answers with extra fields
 * (id, version, contexts ...) and omits or nulls defaults, neither of which is a change.
 */
function canonical(command: Record<string, unknown>): unknown {
  const localizations = (v: unknown) => Object.fromEntries(Object.entries((v as Record<string, string> | null | undefined) ?? {}).sort());
  const option = (o: Record<string, unknown>) => ({
    type: o.type,
    name: o.name,
    description: o.description,
    name_localizations: localizations(o.name_localizations),
    description_localizations: localizations(o.description_localizations),
    required: o.required === true,
    autocomplete: o.autocomplete === true,
    choices: ((o.choices as { name: string; value: unknown }[] | undefined) ?? []).map((c) => ({ name: c.name, value: c.value })),
    max_length: o.max_length ?? null,
  });
  return {
    type: command.type ?? 1,
    name: command.name,
    description: command.description,
    name_localizations: localizations(command.name_localizations),
    description_localizations: localizations(command.description_localizations),
    options: ((command.options as Record<string, unknown>[] | undefined) ?? []).map(option),
  };
}

export function describeChanges(changes: CommandChanges, scope: string): string {
  const total = changes.added.length + changes.updated.length + changes.unchanged.length;
  const line = (label: string, names: string[]) =>
    names.length ? [`  ${label} (${names.length}): ${names.map((n) => `/${n}`).join(', ')}`] : [];
  return [
    `Discord commands (${scope}):`,
    ...line('added', changes.added),
    ...line('updated', changes.updated),
    ...line('removed', changes.removed),
    ...(changes.unchanged.length ? [`  unchanged (${changes.unchanged.length})`] : []),
    `Registered ${total} commands.`,
  ].join('\n');
}

/**
 * What the bot needs where it is added, and nothing more: read and answer in channels and
 * threads, embed answers, attach charts, and read history to reply to a message (a reply
 * references it). Slash-command responses need no permission at all: they are webhooks.
 */
export const BOT_PERMISSIONS = {
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  EMBED_LINKS: 1n << 14n,
  ATTACH_FILES: 1n << 15n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  SEND_MESSAGES_IN_THREADS: 1n << 38n,
} as const;

/** The sum of BOT_PERMISSIONS' bits: 274878024704. */
export const INVITE_PERMISSIONS = Object.values(BOT_PERMISSIONS).reduce((a, b) => a | b, 0n);

export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: INVITE_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString().replace(/\+/g, '%20')}`;
}
