// What the Slack app does with a slash command or a mention, whatever the transport (HTTP or
// Socket Mode); the Share button is share.ts. Acknowledge fast, compute second, acknowledge once:
// the caller acknowledges with what this returns; anything later goes through response_url or
// chat.postMessage. Slack shows the user a timeout when a command is not acknowledged within 3 s,
// so a command declared slow is acknowledged at once, and any other that is not ready within
// about 2 s (a busy machine) is acknowledged then and answered through response_url, as the
// Discord adapter defers. A chart never holds up an answer: the text goes out first, and the
// chart, rasterised off the event loop, follows as an upload and a replacement of the message.
import type { WebClient } from '@slack/web-api';
import type { ChartRenderer } from '../../core/chart/chart-renderer.js';
import { startChart } from '../../core/chart/reply-chart.js';
import { t } from '../../core/i18n/strings.js';
import type { Reply } from '../../core/reply.js';
import type { Logger } from '../../logger.js';
import type { Invocation } from '../../router/invocation.js';
import type { Router } from '../../router/router.js';
import type { FollowUps } from '../../server/follow-ups.js';
import { renderBlocks, type SlackMessage } from './blocks.js';
import { slackHistory } from './channel.js';
import { fromSlack } from './escape.js';
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
  /** Rasterises charts off the event loop, a few at a time (the process's shared renderer in the server). */
  charts: ChartRenderer;
  /** How long a command not declared slow may take before it is acknowledged and answered later. */
  deferAfterMs?: number;
  /**
   * Whether an event id is seen for the first time by any replica (the shared store); without it,
   * or when the store cannot answer, this process's own memory of recent ids decides.
   */
  firstDelivery?: (eventId: string) => Promise<boolean>;
}

/** Well inside Slack's 3 s, leaving room for the network and a busy event loop. */
export const DEFAULT_DEFER_AFTER_MS = 2_000;

/**
 * Starts work that outlives the request (a follow-up), letting the adapter wait for it on stop;
 * `kind` names it in the log line of a stop that gives up on it.
 */
export function later(deps: SlackDeps, work: Promise<unknown>, kind = 'slack follow-up'): void {
  deps.followUps.track(work, kind);
}

export type SlashResponse = SlackMessage & { response_type: 'ephemeral' | 'in_channel'; replace_original?: boolean };

/** The acknowledgement of a command still being answered: text only, no (empty) blocks. */
export interface SlashAck {
  response_type: 'ephemeral';
  text: string;
}

/**
 * Answers a slash command: `acknowledge` sends the immediate answer (the HTTP response or the Socket
 * Mode ack), and what follows (a chart, a late answer) starts only once it has been sent.
 */
export async function handleSlashCommand(
  cmd: SlashCommand,
  deps: SlackDeps,
  acknowledge: (response: SlashResponse | SlashAck) => unknown,
): Promise<void> {
  // Slack sends "&", "<", ">" escaped and links as markup: commands work on what the person typed.
  const { text: stripped, public: wantsPublic } = takePublicFlag(cmd.command, fromSlack(cmd.text));
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
  const work = deps.router.handle(invocation);
  const ready = slow ? undefined : await within(work, deps.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS);
  if (!ready) {
    await acknowledge({ response_type: 'ephemeral', text: t(/\p{Script=Han}/u.test(text) ? 'zh' : 'en', 'workingOnIt') });
    later(deps, answerLater(work, cmd, text, wantsPublic, deps), 'slack response_url post');
    return;
  }
  const { reply, png } = startChart(ready.reply, deps.charts, deps.logger);
  const response = toResponse(reply, cmd, text, wantsPublic);
  await acknowledge(response);
  if (png) later(deps, attachChart(reply, png, response, cmd, deps), 'slack chart upload');
}

/** The reply if it is ready within `ms`, else undefined (the work goes on). */
function within(work: Promise<Reply>, ms: number): Promise<{ reply: Reply } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  return Promise.race([work.then((reply) => ({ reply })), late]).finally(() => clearTimeout(timer));
}

async function answerLater(work: Promise<Reply>, cmd: SlashCommand, text: string, wantsPublic: boolean, deps: SlackDeps): Promise<void> {
  try {
    const { reply, png } = startChart(await work, deps.charts, deps.logger);
    const response = toResponse(reply, cmd, text, wantsPublic);
    // A public answer replaces nothing: the "working on it" note was private and stays private.
    await postJson(
      cmd.response_url,
      { ...response, replace_original: response.response_type === 'ephemeral' },
      { fetch: deps.fetch, logger: deps.logger },
    );
    if (png) await attachChart(reply, png, response, cmd, deps);
  } catch (err) {
    deps.logger.error({ err }, 'slack deferred command failed');
  }
}

/** The answer is already on screen; the chart follows, replacing the message with one that shows it. */
async function attachChart(
  reply: Reply,
  png: Promise<Uint8Array | undefined>,
  first: SlashResponse,
  cmd: SlashCommand,
  deps: SlackDeps,
): Promise<void> {
  const bytes = await png;
  if (!bytes) return;
  const fileId = await uploadChart(deps.web, bytes, reply.chart!.alt, deps.logger);
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

/**
 * An @-mention: answered in a thread (the mention's own, or a new one under the message); a chart
 * follows by updating that answer once it is drawn and uploaded.
 */
export async function handleMention(event: MentionEvent & { bot_id?: string }, teamId: string, deps: SlackDeps): Promise<void> {
  if (event.bot_id) return;
  try {
    const { reply, png } = startChart(
      await deps.router.handle(mentionInvocation(event, teamId, deps.commandNames)),
      deps.charts,
      deps.logger,
    );
    const message = renderBlocks(reply);
    const posted = await deps.web.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      text: message.text,
      blocks: message.blocks as never,
      unfurl_links: false,
      unfurl_media: false,
    });
    const bytes = await png;
    if (!bytes || !posted.ts) return;
    const chartFileId = await uploadChart(deps.web, bytes, reply.chart!.alt, deps.logger);
    if (!chartFileId) return;
    const withChart = renderBlocks(reply, { chartFileId });
    await deps.web.chat.update({ channel: event.channel, ts: posted.ts, text: withChart.text, blocks: withChart.blocks as never });
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'slack mention reply failed');
  }
}
