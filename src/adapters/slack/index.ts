// The Slack adapter: HTTP on the project's server when a signing secret is set, Socket Mode (via
// Bolt) when an app token is set. Start-up never waits on Slack: the identity check runs in the
// background and a failure is a warning; the endpoints serve regardless.
import type { ChartRenderer } from '../../core/chart/chart-renderer.js';
import { sharedChartRenderer } from '../../core/chart/render-threads.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Router } from '../../router/router.js';
import type { ChannelServices } from '../../scheduler/scheduler.js';
import { FollowUps } from '../../server/follow-ups.js';
import type { AppServer } from '../../server/http-server.js';
import type { ReadinessCheck } from '../../server/readiness.js';
import type { StopDeadline } from '../../server/stop-deadline.js';
import type { WorkspaceQuery } from './oauth/install-routes.js';
import type { Store } from '../../store/store.js';
import { adminChecker, slackChannelServices } from './channel.js';
import type { SlackDeps } from './dispatch.js';
import { registerSlackHttp, type SlackHttpOptions } from './http.js';
import { startSocketMode } from './socket-mode.js';
import { createWebClient } from './web.js';

export interface SlackOptions {
  config: Config;
  router: Router;
  server: AppServer;
  logger: Logger;
  /** Where delivered event ids (and, with OAuth, installations) are kept, shared by the replicas. */
  store?: Store;
  fetch?: typeof fetch;
  now?: () => number;
  /** The first wait before Socket Mode tries to connect again (default 1 s; tests shorten it). */
  retryMinMs?: number;
  /** Where work after the acknowledgement is tracked; the server shares one across adapters. */
  followUps?: FollowUps;
  /** Rasterises charts (default: the process's shared render threads). */
  charts?: ChartRenderer;
}

export interface SlackAdapter {
  /** Stops taking events, then waits for the follow-ups until the deadline (without one, for all of them). */
  stop(deadline?: StopDeadline): Promise<void>;
  services: ChannelServices;
  /** What /readyz reports for Slack, by transport. */
  readiness: Record<string, ReadinessCheck>;
}

/** Slack re-sends an unacknowledged event within minutes; ids are remembered well past that. */
const EVENT_ID_TTL_MS = 15 * 60_000;

export async function startSlack(options: SlackOptions): Promise<SlackAdapter> {
  const { config, router, logger } = options;
  // With OAuth alone there is no token of its own: every request brings its workspace's.
  const token = config.SLACK_BOT_TOKEN ?? '';
  const slackApiUrl = config.SLACK_API_URL;
  const web = createWebClient(token, logger, { slackApiUrl });
  const historyWeb = createWebClient(token, logger, { slackApiUrl, rejectRateLimited: true });
  const deps: SlackDeps = {
    router,
    web,
    historyWeb,
    isAdmin: adminChecker(web, logger),
    logger,
    fetch: options.fetch ?? fetch,
    commandNames: new Set(router.commands.map((c) => c.name)),
    // Follow-ups still being sent (response_url posts, mention replies): a stop waits for them.
    followUps: options.followUps ?? new FollowUps(),
    charts: options.charts ?? sharedChartRenderer(),
    ...(options.store ? { firstDelivery: (id: string) => options.store!.firstDelivery(id, EVENT_ID_TTL_MS) } : {}),
  };
  const readiness: Record<string, ReadinessCheck> = {};

  let services = slackChannelServices(web, historyWeb, logger);
  let oauth: Pick<SlackHttpOptions, 'workspace' | 'forgetWorkspace'> = {};
  if (config.slackOAuth && options.store) {
    const { registerSlackOAuth } = await import('./oauth/install-routes.js');
    const { workspaceClients, workspaceChannelServices } = await import('./oauth/workspace-clients.js');
    const installs = registerSlackOAuth({
      clientId: config.SLACK_CLIENT_ID!,
      clientSecret: config.SLACK_CLIENT_SECRET!,
      stateSecret: config.SLACK_STATE_SECRET!,
      encryptionKey: config.TOKEN_ENCRYPTION_KEY,
      slackApiUrl,
      store: options.store,
      server: options.server,
      logger,
      ...(options.now ? { now: options.now } : {}),
    });
    const cache = workspaceClients(
      installs,
      logger,
      slackApiUrl,
      config.SLACK_BOT_TOKEN ? { web, historyWeb, isAdmin: deps.isAdmin } : undefined,
      options.now,
    );
    const forgetWorkspace = async (query: WorkspaceQuery) => {
      cache.drop(query);
      await installs.forget(query);
    };
    oauth = { workspace: cache.clientsFor, forgetWorkspace };
    services = workspaceChannelServices(cache.clientsFor, logger);
    logger.info({ paths: ['/slack/install', '/slack/oauth_redirect'] }, 'slack oauth install ready');
  }

  if (config.SLACK_SIGNING_SECRET) {
    registerSlackHttp(options.server, {
      ...deps,
      ...oauth,
      signingSecret: config.SLACK_SIGNING_SECRET,
      ...(options.now ? { now: options.now } : {}),
    });
    readiness.slackHttp = () => ({ ready: true, detail: 'serving /slack/events' });
    logger.info({ path: '/slack/events' }, 'slack http endpoint ready');
  }
  let stopSocket: (() => Promise<void>) | undefined;
  if (config.SLACK_APP_TOKEN) {
    // In the background: Socket Mode needs Slack, start-up does not. It keeps trying until it connects.
    const socket = startSocketMode({ token, appToken: config.SLACK_APP_TOKEN, slackApiUrl, deps, retryMinMs: options.retryMinMs });
    readiness.slackSocket = socket.status.check;
    stopSocket = socket.stop;
  } else if (token) {
    void web.auth.test().then(
      (r) => logger.info({ team: r.team, bot: r.user }, 'slack token verified'),
      (err: Error) => logger.warn({ err: err.message }, 'slack token could not be verified (network or token); serving anyway'),
    );
  }
  return {
    stop: async (deadline) => {
      if (stopSocket) await (deadline ? deadline.within(stopSocket()) : stopSocket());
      await deps.followUps.settled(deadline?.remainingMs());
    },
    services,
    readiness,
  };
}
