// Socket Mode through Bolt's App and its Socket Mode receiver. It is given the bot's ids up front
// (from one auth.test) so that Bolt does not call auth.test on every event, and no conversation
// store (Bolt's default builds an Error per request). Connecting is retried with backoff until it
// works or the bot stops; once connected, the Socket Mode client reconnects by itself, and every
// change of state is reported to /readyz.
import { withBackoff } from '../../server/backoff.js';
import { ConnectionStatus } from '../../server/readiness.js';
import { SHARE_ACTION } from './blocks.js';
import { handleMention, handleSlashCommand, later, type SlackDeps } from './dispatch.js';
import { firstDeliveryCheck, RecentIds } from './recent-ids.js';
import { handleShare } from './share.js';
import type { MentionEvent, SlashCommand } from './to-invocation.js';

export interface SocketModeOptions {
  token: string;
  appToken: string;
  slackApiUrl: string;
  deps: SlackDeps;
  retryMinMs?: number | undefined;
}

export function startSocketMode(options: SocketModeOptions): { status: ConnectionStatus; stop(): Promise<void> } {
  const { deps } = options;
  const status = new ConnectionStatus('connecting');
  const stopping = new AbortController();
  let stopApp: (() => Promise<void>) | undefined;

  const connected = withBackoff(
    async () => {
      const app = await connect(options, status);
      stopApp = async () => {
        await app.stop();
      };
      return app;
    },
    {
      signal: stopping.signal,
      ...(options.retryMinMs ? { minMs: options.retryMinMs } : {}),
      permanent: (err) => PERMANENT.has(slackError(err)),
      onFailure: (err, attempt, waitMs) => {
        const reason = slackError(err) || (err as Error).message;
        const next = Number.isFinite(waitMs) ? `retrying in ${Math.round(waitMs / 1000)} s` : 'not retrying: fix the token';
        status.down(`not connected: ${reason} (attempt ${attempt}, ${next})`);
        deps.logger.warn({ err: reason, attempt, waitMs }, 'slack socket mode could not connect');
      },
    },
  );
  return {
    status,
    async stop() {
      stopping.abort();
      await connected;
      await stopApp?.();
    },
  };
}

/** Tokens Slack refused: trying again cannot help. */
const PERMANENT = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'not_allowed_token_type']);

function slackError(err: unknown): string {
  return (err as { data?: { error?: string } }).data?.error ?? '';
}

async function connect({ token, appToken, slackApiUrl, deps }: SocketModeOptions, status: ConnectionStatus) {
  const identity = await deps.web.auth.test();
  const { App, LogLevel, SocketModeReceiver } = await import('@slack/bolt');
  const receiver = new SocketModeReceiver({ appToken, logLevel: LogLevel.WARN, installerOptions: { clientOptions: { slackApiUrl } } });
  const client = receiver.client;
  client.on('connecting', () => status.down('connecting'));
  client.on('connected', () => status.up('connected'));
  client.on('close', () => status.down('connection closed; reconnecting'));
  client.on('reconnecting', () => status.down('reconnecting'));
  client.on('disconnected', () => status.down('disconnected'));
  const app = new App({
    token,
    receiver,
    tokenVerificationEnabled: false,
    botId: identity.bot_id as string,
    botUserId: identity.user_id as string,
    convoStore: false,
    logLevel: LogLevel.WARN,
  });
  const firstDelivery = firstDeliveryCheck(new RecentIds(), deps.firstDelivery);
  app.command(/.*/, async ({ command, ack }) => {
    await handleSlashCommand(command as unknown as SlashCommand, deps, (response) => ack(response));
  });
  app.action(SHARE_ACTION, async ({ ack, body }) => {
    await ack();
    later(deps, handleShare(body as never, deps), 'slack share');
  });
  app.event('app_mention', async ({ event, body }) => {
    const id = (body as { event_id?: string }).event_id;
    if (id && !(await firstDelivery(id))) return;
    later(
      deps,
      handleMention(event as unknown as MentionEvent, (body as { team_id?: string }).team_id ?? 'T', deps),
      'slack mention reply',
    );
  });
  try {
    await app.start();
  } catch (err) {
    await app.stop().catch(() => undefined);
    throw err;
  }
  deps.logger.info('slack socket mode connected');
  return app;
}
