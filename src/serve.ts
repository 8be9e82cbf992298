// Server mode: the one HTTP server with each configured platform on it, until SIGTERM/SIGINT.
// Platform SDKs are imported here, and only for the platforms that are configured.
import type { Config } from './config.js';
import type { KnowledgeBase } from './core/knowledge/knowledge-base.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { Router } from './router/router.js';
import { createScheduler, type SchedulerOptions } from './scheduler/scheduler.js';
import { createAppServer } from './server/http-server.js';
import { type ReadinessCheck, registerReadiness } from './server/readiness.js';
import type { Store } from './store/store.js';

export interface ServeOptions {
  config: Config;
  router: Router;
  kb: KnowledgeBase;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  /** Resolves when the process should stop (a signal, in production). */
  stopSignal: Promise<string>;
}

export async function serve({ config, router, kb, store, logger, metrics, stopSignal }: ServeOptions): Promise<number> {
  const server = createAppServer(logger);
  server.route('GET', '/metrics', async (_req, _body, res) => {
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
  });
  const stops: (() => Promise<void>)[] = [];
  const platforms: SchedulerOptions['platforms'] = {};
  // Readiness: the store can be written, and each configured platform connection is up.
  const readiness: Record<string, ReadinessCheck> = {
    store: async () => {
      const { ok, detail } = await store.writable();
      return { ready: ok, detail };
    },
  };
  if (config.slack) {
    const { startSlack } = await import('./adapters/slack/index.js');
    const slack = await startSlack({ config, router, server, logger, store });
    stops.push(slack.stop);
    platforms.slack = slack.services;
    Object.assign(readiness, slack.readiness);
  }
  if (config.discordHttp || config.discordGateway) {
    const { startDiscord } = await import('./adapters/discord/index.js');
    const discord = await startDiscord({ config, router, kb, server, logger });
    stops.push(discord.stop);
    if (discord.services) platforms.discord = discord.services;
    Object.assign(readiness, discord.readiness);
  }
  registerReadiness(server, readiness);
  const scheduler = createScheduler({
    store,
    router,
    platforms,
    logger,
    leaseMs: config.SCHEDULE_LEASE_MS,
    intervalMs: config.SCHEDULE_INTERVAL_MS,
  });
  scheduler.start();
  stops.unshift(() => scheduler.stop());
  const port = await server.listen(config.PORT);
  logger.info(
    { port, slack: config.slack, discordHttp: config.discordHttp, discordGateway: config.discordGateway },
    `listening on port ${port}`,
  );
  const signal = await stopSignal;
  logger.info({ signal, inFlight: server.inFlight }, 'stopping: no new requests; finishing those in flight');
  // Stop accepting first and let requests in flight finish, then the adapters and the scheduler,
  // then flush the store: every write that was acknowledged is on disk when the process exits.
  await server.close(config.STOP_GRACE_MS);
  await Promise.allSettled(stops.map((stop) => stop()));
  await store.close();
  logger.info('stopped');
  return 0;
}
