// "Share in channel": the button on a private answer re-runs its command and posts the answer
// for everyone, saying who shared it and what they asked. What they asked is their own text, so
// it is escaped like everything else a person wrote: a question holding "<!channel>" must not
// ping the channel the moment someone shares its answer.
import type { Lang } from '../../core/i18n/lang.js';
import { t } from '../../core/i18n/strings.js';
import { type Block, LIMITS, renderBlocks } from './blocks.js';
import { cut } from './cut.js';
import type { SlackDeps } from './dispatch.js';
import { escapeCode } from './escape.js';
import { postJson } from './respond.js';
import { decodeShareValue } from './share-value.js';

export interface SharePayload {
  user: { id: string; team_id?: string };
  team?: { id: string };
  channel?: { id: string };
  response_url: string;
  actions: { action_id: string; value?: string }[];
}

export async function handleShare(payload: SharePayload, deps: SlackDeps): Promise<void> {
  try {
    const request = decodeShareValue(payload.actions[0]?.value);
    if (!request) return;
    const team = payload.team?.id ?? payload.user.team_id ?? 'T';
    const reply = await deps.router.handle({
      platform: 'slack',
      command: request.command.replace(/^\//, ''),
      args: request.text,
      userId: `slack:${team}:${payload.user.id}`,
      channelId: `slack:${team}:${payload.channel?.id ?? ''}`,
      isAdmin: false,
      ...(request.lang ? { lang: request.lang } : {}),
    });
    if (reply.kind !== 'answer') return;
    const message = renderBlocks(reply, { footer: sharedBy(reply.lang, payload.user.id, request.command, request.text) });
    await postJson(
      payload.response_url,
      { response_type: 'in_channel', replace_original: false, ...message },
      { fetch: deps.fetch, logger: deps.logger },
    );
  } catch (err) {
    deps.logger.error({ err }, 'slack share failed');
  }
}

/**
 * "Shared by @ana · `/ask …`": the one mention in the post is the bot's own, of the person who
 * pressed the button, and only for an id shaped like a Slack user's.
 */
export function sharedBy(lang: Lang, userId: string, command: string, text: string): Block {
  const who = /^[UW][A-Z0-9]{2,}$/.test(userId) ? ` <@${userId}>` : '';
  // Cut after escaping: escaping can make text four times longer.
  const what = cut(escapeCode(`${command} ${text}`.trim()), LIMITS.fieldText - 50);
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `${t(lang, 'sharedBy')}${who} · \`${what}\`` }] };
}
