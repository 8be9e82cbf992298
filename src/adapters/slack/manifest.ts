// The Slack app manifest, generated from the command registry: every command (and /genai, the
// umbrella for workspaces where a name is taken), the scopes the bot really uses, the events it
// subscribes to. Paste it at api.slack.com/apps -> Create New App -> From a manifest.
import type { CommandInfo } from '../../../commands/command.js';
import { usageLine } from '../../../commands/usage.js';

/**
 * app_mentions:read for @-mentions; channels:history and groups:history to read what /digest
 * summarises (public and private channels); chat:write to answer mentions and post schedules;
 * commands for slash commands; files:write for charts; users:read to tell admins (who may
 * schedule) from others.
 */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'chat:write',
  'commands',
  'files:write',
  'groups:history',
  'users:read',
] as const;

export function slackManifest(commands: readonly CommandInfo[], baseUrl: string, socketMode = false): object {
  const url = `${baseUrl.replace(/\/+$/, '')}/slack/events`;
  const command = (name: string, description: string, hint: string) => ({
    command: `/${name}`,
    description: description.slice(0, 100),
    usage_hint: hint.slice(0, 100),
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
        command('genai', 'Any command, e.g. /genai moat nvidia (for workspaces where a command name is taken)', '<command> [options]'),
      ],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(socketMode ? {} : { request_url: url }), bot_events: ['app_mention'] },
      interactivity: { is_enabled: true, ...(socketMode ? {} : { request_url: url }) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}
