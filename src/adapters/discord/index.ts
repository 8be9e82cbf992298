// The Discord adapter's entry point. main.ts imports this module dynamically, and only when a
// Discord variable is set, so the shell and the one-shot CLI never load a Discord library; and
// discord.js itself (the gateway) loads only with DISCORD_TOKEN.
import type { Config } from '../../config.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Logger } from '../../logger.js';
import type { Router } from '../../router/router.js';
import type { AppServer } from '../../server/http-server.js';
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
}

export interface DiscordAdapter {
  /** Finishes the answers under way, then disconnects. */
  stop(): Promise<void>;
}

/**
 * Registers POST /discord/interactions when DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID are
 * set, and connects the gateway when DISCORD_TOKEN is. Reaches no network before returning:
 * the endpoint serves even when Discord is unreachable, and a failed login is a warning.
 */
export async function startDiscord(options: StartDiscordOptions): Promise<DiscordAdapter> {
  const { config, logger, router, kb } = options;
  const stops: (() => Promise<void>)[] = [];

  if (config.discordHttp && config.DISCORD_PUBLIC_KEY && config.DISCORD_APPLICATION_ID) {
    // Interaction webhooks are authorised by their token: no bot token is needed to answer.
    const rest = createRest({ fetch: options.fetch });
    const endpoint = createInteractionsEndpoint({
      publicKey: config.DISCORD_PUBLIC_KEY,
      webhooks: interactionWebhooks(rest, config.DISCORD_APPLICATION_ID),
      router,
      kb,
      logger,
      ...(options.now ? { now: options.now } : {}),
    });
    options.server.route('POST', INTERACTIONS_PATH, endpoint.handler);
    logger.info({ path: INTERACTIONS_PATH }, 'discord: HTTP interactions endpoint ready');
    stops.push(async () => {
      await endpoint.settled();
      closeRest(rest);
    });
  }

  if (config.discordGateway && config.DISCORD_TOKEN) {
    const { startGateway } = await import('./gateway.js');
    const gateway = await startGateway({ token: config.DISCORD_TOKEN, router, kb, logger, fetch: options.fetch });
    stops.push(() => gateway.stop());
  }

  return {
    async stop() {
      for (const stop of stops) await stop();
    },
  };
}
