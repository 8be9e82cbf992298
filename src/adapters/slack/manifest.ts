// The Slack app manifest, generated from the command registry: every command (and /genai, the
// umbrella for workspaces where a name is taken, and the only way to reach the Chinese names),
// the scopes the bot really uses, the events it subscribes to. Paste it at api.slack.com/apps ->
// Create New App -> From a manifest. Slack validates it against its published schema
// (github.com/slackapi/manifest-schema): a command's description is 1-2,000 characters, its
// usage_hint 1-1,000 when present, its name 2-32 characters starting with "/"; one field out of
// bounds rejects the whole manifest.
import type { CommandInfo } from '../../../commands/command.js';
import { usageLine } from '../../../commands/usage.js';

/** Slack's bounds for a slash command in a manifest (manifest schema, features.slash_commands). */
export const COMMAND_LIMITS = { description: 2000, usageHint: 1000 } as const;

/**
 * Every Web API method the adapter calls, with the bot scopes it needs (the methods' reference
 * pages on docs.slack.dev). conversations.* need the history scope of the channel type read:
 * channels:history for public channels, groups:history for private ones. files.uploadV2 is the
 * SDK's name for getUploadURLExternal + completeUploadExternal. auth.test needs none.
 */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  // A mention's answer is updated to show its chart once drawn.
  'chat.update': ['chat:write'],
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'users.info': ['users:read'],
};

/** Events the bot subscribes to, with the scope each needs. */
export const EVENT_SCOPES: Readonly<Record<string, readonly string[]>> = {
  app_mention: ['app_mentions:read'],
  // A workspace removed the app or its token: with the OAuth install, it is forgotten. No scope needed.
  app_uninstalled: [],
  tokens_revoked: [],
};

/** Slash commands need `commands`; buttons (interactivity) need no scope. */
const FEATURE_SCOPES = ['commands'];

export const BOT_SCOPES: readonly string[] = [
  ...new Set([...Object.values(METHOD_SCOPES).flat(), ...Object.values(EVENT_SCOPES).flat(), ...FEATURE_SCOPES]),
].sort();

export function slackManifest(commands: readonly CommandInfo[], baseUrl: string, socketMode = false, oauth = false): object {
  const url = `${baseUrl.replace(/\/+$/, '')}/slack/events`;
  const redirectUrl = `${baseUrl.replace(/\/+$/, '')}/slack/oauth_redirect`;
  const command = (name: string, description: string, hint: string) => ({
    command: `/${name}`,
    description: cutAtWord(description, COMMAND_LIMITS.description),
    // A command without options has no hint: Slack rejects an empty one.
    ...(hint ? { usage_hint: cutAtWord(hint, COMMAND_LIMITS.usageHint) } : {}),
    ...(socketMode ? {} : { url }),
    should_escape: false,
  });
  return {
    display_information: {
      name: 'GenAI Market',
      description: 'Answers about the generative-AI market, from a16z’s “Who Owns the Generative AI Platform?” (Jan 2023).',
      background_color: '#1e293b',
    },
    features: {
      bot_user: { display_name: 'genai-market', always_online: true },
      slash_commands: [
        ...commands.map((c) => command(c.name, c.description.en, usageLine(c).replace(/^\/\S+\s*/, ''))),
        command(
          'genai',
          'Any command by its English or Chinese name, e.g. /genai moat nvidia or /genai 公司 英伟达 (also for workspaces where a command name is taken)',
          '<command> [options]',
        ),
      ],
    },
    oauth_config: { ...(oauth ? { redirect_urls: [redirectUrl] } : {}), scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: {
        ...(socketMode ? {} : { request_url: url }),
        bot_events: Object.keys(EVENT_SCOPES),
      },
      interactivity: { is_enabled: true, ...(socketMode ? {} : { request_url: url }) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}

/** Text within `max` characters, cut after the last whole word with "…" when it must be cut. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let room = text.slice(0, max - 1);
  const space = room.search(/\s\S*$/);
  if (space > 0) room = room.slice(0, space);
  // One long word: cut it, but never between the halves of a surrogate pair.
  else if (/[\uD800-\uDBFF]$/.test(room)) room = room.slice(0, -1);
  return `${room.trimEnd()}…`;
}
