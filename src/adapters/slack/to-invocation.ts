// Slack payloads -> Invocations. Ids are prefixed with the platform and team, so a user or a
// channel can never collide with one from Discord or another workspace.
import type { Invocation } from '../../router/invocation.js';
import { fromSlack } from './escape.js';

/** The form fields Slack posts for a slash command. */
export interface SlashCommand {
  team_id: string;
  channel_id: string;
  user_id: string;
  command: string;
  text: string;
  response_url: string;
  enterprise_id?: string;
  channel_name?: string;
  user_name?: string;
  trigger_id?: string;
  api_app_id?: string;
}

export function parseSlashCommand(form: URLSearchParams): SlashCommand | undefined {
  const get = (k: string) => form.get(k) ?? undefined;
  const [team_id, channel_id, user_id, command, response_url] = ['team_id', 'channel_id', 'user_id', 'command', 'response_url'].map(get);
  if (!team_id || !channel_id || !user_id || !command || !response_url) return undefined;
  return {
    team_id,
    channel_id,
    user_id,
    command,
    text: form.get('text') ?? '',
    response_url,
    enterprise_id: get('enterprise_id'),
    channel_name: get('channel_name'),
    user_name: get('user_name'),
    trigger_id: get('trigger_id'),
    api_app_id: get('api_app_id'),
  };
}

/**
 * "--public" anywhere, or "public" as the last word of a command that takes no free text, asks for
 * an answer everyone in the channel sees. In a question ("/ask … public cloud") the word is text.
 */
export function takePublicFlag(command: string, text: string): { text: string; public: boolean } {
  if (/(^|\s)--public(\s|$)/i.test(text)) return { text: text.replace(/(^|\s)--public(?=\s|$)/gi, ' ').trim(), public: true };
  const name = command.replace(/^\//, '').toLowerCase();
  const freeText = name === 'ask' || (name === 'genai' && /^\s*\/?ask\b/i.test(text));
  const match = /^(.*?)\s*\bpublic\s*$/is.exec(text);
  if (match && !freeText) return { text: match[1]!.trim(), public: true };
  return { text, public: false };
}

export function slashInvocation(cmd: SlashCommand, text: string): Invocation {
  return {
    platform: 'slack',
    command: cmd.command.replace(/^\//, ''),
    args: text,
    userId: `slack:${cmd.team_id}:${cmd.user_id}`,
    channelId: `slack:${cmd.team_id}:${cmd.channel_id}`,
    isAdmin: false,
    wantsChart: true,
    raw: cmd,
  };
}

export interface MentionEvent {
  type: 'app_mention';
  user: string;
  text: string;
  ts: string;
  channel: string;
  thread_ts?: string;
  team?: string;
}

/**
 * "<@UBOT> what share goes to clouds?" -> "what share goes to clouds?". Every mention at the
 * start is removed (people address the bot more than once); the rest is the request.
 */
export function mentionText(text: string): string {
  return text.replace(/^(\s*<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+/i, '').trim();
}

/** A mention asks a question, unless it starts with a command ("@bot /moat nvidia", "@bot moat nvidia"). */
export function mentionInvocation(event: MentionEvent, teamId: string, commandNames: ReadonlySet<string>): Invocation {
  // What the person typed: Slack's escapes and markup read as text ("R&amp;D" -> "R&D").
  const text = fromSlack(mentionText(event.text));
  const first = (text.split(/\s+/)[0] ?? '').replace(/^\//, '').toLowerCase();
  const isCommand = text.startsWith('/') || commandNames.has(first);
  return {
    platform: 'slack',
    command: isCommand ? '' : text ? 'ask' : 'help',
    args: text,
    userId: `slack:${teamId}:${event.user}`,
    channelId: `slack:${teamId}:${event.channel}`,
    isAdmin: false,
    wantsChart: true,
    raw: event,
  };
}
