// The Slack adapter: HTTP on the project's server when a signing secret is set, Socket Mode (via
// Bolt) when an app token is set. Start-up never waits on Slack: the identity check runs in the
// background and a failure is a warning; the endpoints serve regardless.
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { Router } from '../../router/router.js';
import type { AppServer } from '../../server/http-server.js';
import type { ChannelServices } from '../../scheduler/scheduler.js';
import { SHARE_ACTION } from './blocks.js';
import { adminChecker, slackChannelServices } from './channel.js';
import { handleMention, handleShare, handleSlashCommand, later, type SlackDeps } from './dispatch.js';
import { registerSlackHttp } from './http.js';
import { RecentIds } from './recent-ids.js';
import type { MentionEvent, SlashCommand } from './to-invocation.js';
import { createWebClient } from './web.js';

export interface SlackOptions {
  config: Config;
  router: Router;
  server: AppServer;
  logger: Logger;
  fetch?: typeof fetch;
  now?: () => number;
  /** Where the Web API lives (tests point it at an intercepted host). */
  slackApiUrl?: string;
}

export async function startSlack(options: SlackOptions): Promise<{ stop(): Promise<void>; services: ChannelServices }> {
  const { config, router, logger } = options;
  const token = config.SLACK_BOT_TOKEN!;
  const web = createWebClient(token, logger, { ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}) });
  // Follow-ups still being sent (response_url posts, mention replies): a stop waits for them.
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    pending.add(work);
    const done = () => void pending.delete(work);
    work.then(done, done);
  };
  const historyWeb = createWebClient(token, logger, {
    rejectRateLimited: true,
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
  });
  const deps: SlackDeps = {
    router,
    web,
    historyWeb,
    isAdmin: adminChecker(web, logger),
    logger,
    fetch: options.fetch ?? fetch,
    commandNames: new Set(router.commands.map((c) => c.name)),
    track,
  };

  if (config.SLACK_SIGNING_SECRET) {
    registerSlackHttp(options.server, {
      ...deps,
      signingSecret: config.SLACK_SIGNING_SECRET,
      ...(options.now ? { now: options.now } : {}),
    });
    logger.info({ path: '/slack/events' }, 'slack http endpoint ready');
  }
  let stopSocket: (() => Promise<void>) | undefined;
  if (config.SLACK_APP_TOKEN) {
    const appToken = config.SLACK_APP_TOKEN;
    // In the background: Socket Mode needs Slack, start-up does not.
    void startSocketMode(token, appToken, deps).then(
      (stop) => (stopSocket = stop),
      (err: Error) => logger.warn({ err: err.message }, 'slack socket mode could not start; will not retry'),
    );
  } else {
    void web.auth.test().then(
      (r) => logger.info({ team: r.team, bot: r.user }, 'slack token verified'),
      (err: Error) => logger.warn({ err: err.message }, 'slack token could not be verified (network or token); serving anyway'),
    );
  }
  return {
    stop: async () => {
      await stopSocket?.();
      while (pending.size) await Promise.allSettled([...pending]);
    },
    services: slackChannelServices(web, historyWeb, logger),
  };
}

/**
 * Bolt's App with its Socket Mode receiver. It is given the bot's ids up front (from one auth.test)
 * so that Bolt does not call auth.test on every event, and no conversation store (Bolt's default
 * builds an Error per request).
 */
async function startSocketMode(token: string, appToken: string, deps: SlackDeps): Promise<() => Promise<void>> {
  const identity = await deps.web.auth.test();
  const { App, LogLevel } = await import('@slack/bolt');
  const app = new App({
    token,
    appToken,
    socketMode: true,
    tokenVerificationEnabled: false,
    botId: identity.bot_id as string,
    botUserId: identity.user_id as string,
    convoStore: false,
    logLevel: LogLevel.WARN,
  });
  const recent = new RecentIds();
  app.command(/.*/, async ({ command, ack }) => {
    await ack(await handleSlashCommand(command as unknown as SlashCommand, deps));
  });
  app.action(SHARE_ACTION, async ({ ack, body }) => {
    await ack();
    later(deps, handleShare(body as never, deps));
  });
  app.event('app_mention', async ({ event, body }) => {
    const id = (body as { event_id?: string }).event_id;
    if (id && !recent.firstTime(id)) return;
    later(deps, handleMention(event as unknown as MentionEvent, (body as { team_id?: string }).team_id ?? 'T', deps));
  });
  await app.start();
  deps.logger.info('slack socket mode connected');
  return async () => {
    await app.stop();
  };
}
