// The Discord adapter's entry point. main.ts imports this module dynamically, and only when a
// Discord variable is set, so the shell and the one-shot CLI never load a Discord library; and
// discord.js itself (the gateway) loads only with DISCORD_TOKEN.
import type { Config } from '../../config.js';
import type { ChartRenderer } from '../../core/chart/chart-renderer.js';
import { sharedChartRenderer } from '../../core/chart/render-threads.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Logger } from '../../logger.js';
import type { Router } from '../../router/router.js';
import type { AppServer } from '../../server/http-server.js';
import type { FollowUps } from '../../server/follow-ups.js';
import type { ReadinessCheck } from '../../server/readiness.js';
import type { StopDeadline } from '../../server/stop-deadline.js';
import type { ChannelServices } from '../../scheduler/scheduler.js';
import { discordChannelServices } from './channel.js';
import { createInteractionsEndpoint, INTERACTIONS_PATH } from './http-endpoint.js';
import { closeRest, createRest, interactionWebhooks } from './rest.js';

export { registerDiscordCommands, inviteUrl } from './register.js';

export interface StartDiscordOptions {
  config: Config;
  router: Router;
  kb: KnowledgeBase;
  server: AppServer;
  logger: Logger;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; for the request signatures' freshness check. */
  now?: () => number;
  /** The first wait before the gateway logs in again (default 1 s; tests shorten it). */
  retryMinMs?: number;
  /** Where answers still being sent are tracked; the server shares one across adapters. */
  followUps?: FollowUps;
  /** Rasterises charts (default: the process's shared render threads). */
  charts?: ChartRenderer;
}

export interface DiscordAdapter {
  /** Finishes the answers under way (until the deadline, when there is one), then disconnects. */
  stop(deadline?: StopDeadline): Promise<void>;
  /** Posting to and reading channels, for the scheduler and /digest: present with DISCORD_TOKEN. */
  services?: ChannelServices;
  /** What /readyz reports for Discord, by transport. */
  readiness: Record<string, ReadinessCheck>;
}

/**
 * Registers POST /discord/interactions when DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID are
 * set, and connects the gateway when DISCORD_TOKEN is. Reaches no network before returning:
 * the endpoint serves even when Discord is unreachable, and a failed login is a warning.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordAdapter> {
  const { config, logger, router, kb } = options;
  const stops: ((deadline?: StopDeadline) => Promise<void>)[] = [];
  const readiness: Record<string, ReadinessCheck> = {};
  // One REST client, so rate-limit buckets are shared. Interaction webhooks are authorised by
  // their own token: without DISCORD_TOKEN the endpoint still answers, but cannot post or read.
  const rest = createRest({ token: config.DISCORD_TOKEN, fetch: options.fetch, api: config.DISCORD_API_URL });
  const services = config.DISCORD_TOKEN ? discordChannelServices(rest, logger) : undefined;
  const history = services ? (scope: string) => services.history(scope) : undefined;
  const charts = options.charts ?? sharedChartRenderer();

  if (config.discordHttp && config.DISCORD_PUBLIC_KEY && config.DISCORD_APPLICATION_ID) {
    const endpoint = createInteractionsEndpoint({
      publicKey: config.DISCORD_PUBLIC_KEY,
      webhooks: interactionWebhooks(rest, config.DISCORD_APPLICATION_ID),
      router,
      kb,
      logger,
      charts,
      ...(history ? { history } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.followUps ? { followUps: options.followUps } : {}),
    });
    options.server.route('POST', INTERACTIONS_PATH, endpoint.handler);
    readiness.discordHttp = () => ({ ready: true, detail: `serving ${INTERACTIONS_PATH}` });
    logger.info({ path: INTERACTIONS_PATH }, 'discord: HTTP interactions endpoint ready');
    stops.push((deadline) => endpoint.settled(deadline?.remainingMs()));
  }

  if (config.discordGateway && config.DISCORD_TOKEN) {
    const { startGateway } = await import('./gateway.js');
    const gateway = await startGateway({
      api: config.DISCORD_API_URL,
      retryMinMs: options.retryMinMs,
      token: config.DISCORD_TOKEN,
      router,
      kb,
      logger,
      charts,
      fetch: options.fetch,
      ...(history ? { history } : {}),
      ...(options.followUps ? { followUps: options.followUps } : {}),
    });
    stops.push((deadline) => gateway.stop(deadline));
    readiness.discordGateway = gateway.status.check;
  }

  return {
    ...(services ? { services } : {}),
    readiness,
    async stop(deadline) {
      for (const stop of stops) await stop(deadline);
      closeRest(rest);
    },
  };
}
