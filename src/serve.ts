// Server mode: the one HTTP server with each configured platform on it, until SIGTERM/SIGINT.
// Platform SDKs are imported here, and only for the platforms that are configured.
import type { Config } from './config.js';
import type { KnowledgeBase } from './core/knowledge/knowledge-base.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { Router } from './router/router.js';
import { createScheduler, type SchedulerOptions } from './scheduler/scheduler.js';
import { FollowUps } from './server/follow-ups.js';
import { createAppServer, PortInUseError } from './server/http-server.js';
import { type ReadinessCheck, registerReadiness } from './server/readiness.js';
import { StopDeadline } from './server/stop-deadline.js';
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
  /** Where a start-up failure the operator can fix (a port in use) is told, in one line. */
  stderr: NodeJS.WritableStream;
}

/**
 * Of the stop's grace period, what is kept back for the scheduler and the store after the
 * follow-ups: a file store flushes in milliseconds, a database pool closes in a round trip.
 */
const STORE_RESERVE_MS = 1_000;

export async function serve({ config, router, kb, store, logger, metrics, stopSignal, stderr }: ServeOptions): Promise<number> {
  const server = createAppServer(logger);
  server.route('GET', '/metrics', async (_req, _body, res) => {
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
  });
  const stops: ((deadline: StopDeadline) => Promise<void>)[] = [];
  // Work after the acknowledgements, every adapter's: a stop waits for it, then says what it dropped.
  const followUps = new FollowUps();
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
    const slack = await startSlack({ config, router, server, logger, store, followUps });
    stops.push(slack.stop);
    platforms.slack = slack.services;
    Object.assign(readiness, slack.readiness);
  }
  if (config.discordHttp || config.discordGateway) {
    const { startDiscord } = await import('./adapters/discord/index.js');
    const discord = await startDiscord({ config, router, kb, server, logger, followUps });
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
  let port: number;
  try {
    port = await server.listen(config.PORT);
  } catch (err) {
    if (!(err instanceof PortInUseError)) throw err;
    stderr.write(`genai-bot: ${err.message}\n`);
    await stopAll(new StopDeadline(Math.min(config.STOP_GRACE_MS, 2_000)), [() => scheduler.stop(), ...stops], store, followUps, logger);
    return 1;
  }
  logger.info(
    { port, pid: process.pid, slack: config.slack, discordHttp: config.discordHttp, discordGateway: config.discordGateway },
    `listening on port ${port}`,
  );
  const signal = await stopSignal;
  // One deadline for all of the stop, from the signal: whatever is not done by then is given up.
  const deadline = new StopDeadline(config.STOP_GRACE_MS);
  logger.info(
    { signal, inFlight: server.inFlight, followUps: followUps.size, graceMs: config.STOP_GRACE_MS },
    'stopping: no new requests; finishing those in flight',
  );
  // Stop accepting first and let requests in flight finish, then the adapters' follow-ups and the
  // scheduler, then flush the store: every write that was acknowledged is on disk when the
  // process exits. The store keeps a little of the grace period for itself.
  const beforeStore = deadline.earlier(Math.min(STORE_RESERVE_MS, config.STOP_GRACE_MS / 10));
  await beforeStore.within(server.close(beforeStore.remainingMs()));
  await stopAll(deadline, [() => scheduler.stop(), ...stops], store, followUps, logger, beforeStore);
  logger.info('stopped');
  return 0;
}

/**
 * Stops the parts, each within the deadline, and flushes the store. Follow-ups still running at
 * the deadline are given up, and the log says how many and of which kinds; the process exits
 * after this, which ends them.
 */
async function stopAll(
  deadline: StopDeadline,
  stops: ((deadline: StopDeadline) => Promise<void>)[],
  store: Store,
  followUps: FollowUps,
  logger: Logger,
  beforeStore = deadline,
): Promise<void> {
  await beforeStore.within(Promise.allSettled(stops.map((stop) => stop(beforeStore))));
  if (followUps.size) {
    logger.warn(
      { dropped: followUps.size, kinds: followUps.byKind() },
      `stop deadline reached: giving up on ${followUps.size} follow-ups still being sent`,
    );
  }
  if (!(await deadline.within(store.close()))) logger.error({}, 'stop deadline reached: the store had not finished flushing');
}
