// What the Slack app does with a slash command, a button press or a mention, whatever the
// transport (HTTP or Socket Mode). Acknowledge fast, compute second, acknowledge once: the
// caller acknowledges with what `ack` is given; anything later goes through response_url or
// chat.postMessage.
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../logger.js';
import type { Invocation } from '../../router/invocation.js';
import type { Router } from '../../router/router.js';
import type { FollowUps } from '../../server/follow-ups.js';
import { renderBlocks, type SlackMessage } from './blocks.js';
import { slackHistory } from './channel.js';
import { postJson } from './respond.js';
import { mentionInvocation, slashInvocation, takePublicFlag, type MentionEvent, type SlashCommand } from './to-invocation.js';
import { uploadChart } from './web.js';

export interface SlackDeps {
  router: Router;
  web: WebClient;
  logger: Logger;
  /** For response_url posts; injected so tests intercept it. */
  fetch: typeof fetch;
  commandNames: ReadonlySet<string>;
  /** Reads channel history for /digest (a client that does not wait out rate limits). */
  historyWeb?: WebClient;
  /** Whether a Slack user id belongs to a workspace admin or owner. */
  isAdmin?: (userId: string) => Promise<boolean>;
  /** Work that goes on after the acknowledgement, so that a stop (or a test) can wait for it. */
  followUps: FollowUps;
}

/** Starts work that outlives the request (a follow-up), letting the adapter wait for it on stop. */
export function later(deps: SlackDeps, work: Promise<unknown>): void {
  deps.followUps.track(work);
}

export type SlashResponse = SlackMessage & { response_type: 'ephemeral' | 'in_channel'; replace_original?: boolean };

/** The slash command's immediate answer (the HTTP response or Socket Mode ack), with follow-ups started. */
export async function handleSlashCommand(cmd: SlashCommand, deps: SlackDeps): Promise<SlashResponse> {
  const { text: stripped, public: wantsPublic } = takePublicFlag(cmd.command, cmd.text);
  const name = cmd.command.replace(/^\//, '') === 'genai' ? (stripped.trim().split(/\s+/)[0] ?? '').replace(/^\//, '') : cmd.command;
  // A command that is private by default (a digest) takes the wish to post as its own option.
  const text = wantsPublic && deps.router.isPrivateByDefault(name) ? `${stripped} public` : stripped;
  const slow = deps.router.isSlow(name);
  const invocation: Invocation = {
    ...slashInvocation(cmd, text),
    ...(deps.isAdmin ? { resolveAdmin: () => deps.isAdmin!(cmd.user_id) } : {}),
    // Reading a channel takes platform calls, so the commands that do (/digest) are slow ones.
    ...(slow && deps.historyWeb ? { history: slackHistory(deps.historyWeb, cmd.channel_id, deps.logger) } : {}),
  };
  if (slow) {
    later(deps, answerLater(invocation, cmd, wantsPublic, deps));
    const zh = /\p{Script=Han}/u.test(text);
    return { response_type: 'ephemeral', text: zh ? '⏳ 正在处理……' : '⏳ Working on it…', blocks: [] };
  }
  const reply = await deps.router.handle(invocation);
  const response = toResponse(reply, cmd, text, wantsPublic);
  if (reply.chart?.png) later(deps, attachChartLater(reply, response, cmd, deps));
  return response;
}

async function answerLater(invocation: Invocation, cmd: SlashCommand, wantsPublic: boolean, deps: SlackDeps): Promise<void> {
  try {
    const reply = await deps.router.handle(invocation);
    const chartFileId = reply.chart?.png ? await uploadChart(deps.web, reply.chart.png, reply.chart.alt, deps.logger) : undefined;
    const response = toResponse(reply, cmd, String(invocation.args), wantsPublic, chartFileId);
    // A public answer replaces nothing: the "working on it" note was private and stays private.
    await postJson(
      cmd.response_url,
      { ...response, replace_original: response.response_type === 'ephemeral' },
      { fetch: deps.fetch, logger: deps.logger },
    );
  } catch (err) {
    deps.logger.error({ err }, 'slack slow command failed');
  }
}

/** The answer is already on screen; the chart follows, replacing the message with one that shows it. */
async function attachChartLater(reply: Reply, first: SlashResponse, cmd: SlashCommand, deps: SlackDeps): Promise<void> {
  const fileId = await uploadChart(deps.web, reply.chart!.png!, reply.chart!.alt, deps.logger);
  if (!fileId) return;
  const withChart = toResponse(reply, cmd, '', first.response_type === 'in_channel', fileId);
  const share = first.blocks.find((b) => b.type === 'actions');
  const blocks = share ? [...withChart.blocks.filter((b) => b.type !== 'actions'), share] : withChart.blocks;
  await postJson(cmd.response_url, { ...withChart, blocks, replace_original: true }, { fetch: deps.fetch, logger: deps.logger });
}

/** Rendered responses by Reply: the router returns the same Reply for a repeated pure request. */
const rendered = new WeakMap<Reply, Map<string, SlashResponse>>();

/** Errors and usage are always private; answers are private unless the user asked otherwise. */
function toResponse(reply: Reply, cmd: SlashCommand, text: string, wantsPublic: boolean, chartFileId?: string): SlashResponse {
  const key = `${cmd.command}\u0000${text}\u0000${wantsPublic}\u0000${chartFileId ?? ''}`;
  let byKey = rendered.get(reply);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const response = renderResponse(reply, cmd, text, wantsPublic, chartFileId);
  if (!byKey) {
    byKey = new Map();
    rendered.set(reply, byKey);
  }
  if (byKey.size < 20) byKey.set(key, response);
  return response;
}

function renderResponse(reply: Reply, cmd: SlashCommand, text: string, wantsPublic: boolean, chartFileId?: string): SlashResponse {
  const isPublic = wantsPublic && reply.kind === 'answer' && !reply.ephemeral;
  const message = renderBlocks(reply, {
    ...(isPublic || !text ? {} : { share: { command: cmd.command, text } }),
    ...(chartFileId ? { chartFileId } : {}),
  });
  return { response_type: isPublic ? 'in_channel' : 'ephemeral', ...message };
}

/** "Share in channel": re-run the command and post it publicly, saying who shared it. */
export async function handleShare(
  payload: {
    user: { id: string; team_id?: string };
    team?: { id: string };
    channel?: { id: string };
    response_url: string;
    actions: { action_id: string; value?: string }[];
  },
  deps: SlackDeps,
): Promise<void> {
  try {
    const value = JSON.parse(payload.actions[0]?.value ?? '{}') as { c?: string; t?: string; l?: 'en' | 'zh' };
    if (typeof value.c !== 'string' || typeof value.t !== 'string') return;
    const team = payload.team?.id ?? payload.user.team_id ?? 'T';
    const reply = await deps.router.handle({
      platform: 'slack',
      command: value.c.replace(/^\//, ''),
      args: value.t,
      userId: `slack:${team}:${payload.user.id}`,
      channelId: `slack:${team}:${payload.channel?.id ?? ''}`,
      isAdmin: false,
      ...(value.l ? { lang: value.l } : {}),
    });
    if (reply.kind !== 'answer') return;
    const message = renderBlocks(reply);
    const sharedBy = {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${reply.lang === 'zh' ? '分享者' : 'Shared by'} <@${payload.user.id}> · \`${value.c} ${value.t}\``.slice(0, 2000),
        },
      ],
    };
    await postJson(
      payload.response_url,
      { response_type: 'in_channel', replace_original: false, text: message.text, blocks: [...message.blocks, sharedBy].slice(0, 50) },
      { fetch: deps.fetch, logger: deps.logger },
    );
  } catch (err) {
    deps.logger.error({ err }, 'slack share failed');
  }
}

/** An @-mention: answered in a thread (the mention's own, or a new one under the message). */
export async function handleMention(event: MentionEvent & { bot_id?: string }, teamId: string, deps: SlackDeps): Promise<void> {
  if (event.bot_id) return;
  try {
    const reply = await deps.router.handle(mentionInvocation(event, teamId, deps.commandNames));
    const chartFileId = reply.chart?.png ? await uploadChart(deps.web, reply.chart.png, reply.chart.alt, deps.logger) : undefined;
    const message = renderBlocks(reply, chartFileId ? { chartFileId } : {});
    await deps.web.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      text: message.text,
      blocks: message.blocks as never,
      unfurl_links: false,
      unfurl_media: false,
    });
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'slack mention reply failed');
  }
}
