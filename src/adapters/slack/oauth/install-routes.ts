// Multi-workspace install (OAuth v2) on the project's server, with @slack/oauth's InstallProvider:
// GET /slack/install sends the installer to Slack's authorize page with a signed, expiring state
// (and the same state in a cookie, so the callback is bound to the browser that started it);
// GET /slack/oauth_redirect exchanges the code with oauth.v2.access and keeps the installation,
// sealed, in the Store. Each request is then served with its own workspace's token (authorize).
import { InstallProvider, LogLevel, type Logger as SlackLogger } from '@slack/oauth';
import type { Logger } from '../../../logger.js';
import type { AppServer } from '../../../server/http-server.js';
import type { Store } from '../../../store/store.js';
import { BOT_SCOPES } from '../manifest.js';
import { storeInstallations } from './installation-store.js';
import { createSealer, tokenKey } from './seal.js';
import { signedStateStore } from './state-store.js';

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  encryptionKey?: string | undefined;
  slackApiUrl: string;
  store: Store;
  server: AppServer;
  logger: Logger;
  now?: () => number;
}

export interface WorkspaceQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean;
}

export interface SlackOAuth {
  /** The bot token for the workspace a request came from, or undefined when it has not installed the app. */
  botToken(query: WorkspaceQuery): Promise<string | undefined>;
  /** Forgets a workspace that uninstalled the app or revoked its token. */
  forget(query: WorkspaceQuery): Promise<void>;
}

export function registerSlackOAuth(options: SlackOAuthOptions): SlackOAuth {
  const { logger } = options;
  const installationStore = storeInstallations(
    options.store,
    createSealer(tokenKey(options.encryptionKey, options.stateSecret)),
    options.now,
  );
  const installer = new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateStore: signedStateStore(options.stateSecret, options.now),
    installationStore,
    directInstall: true,
    installUrlOptions: { scopes: [...BOT_SCOPES] },
    logger: quietSlackLogger(logger),
    logLevel: LogLevel.WARN,
    clientOptions: { slackApiUrl: options.slackApiUrl },
  });
  options.server.route('GET', '/slack/install', (req, _body, res) => installer.handleInstallPath(req, res));
  options.server.route('GET', '/slack/oauth_redirect', (req, _body, res) =>
    installer.handleCallback(req, res, {
      success: (installation, _opts, _req, response) => {
        // Never the token: the team and the bot user only.
        logger.info({ team: installation.team?.id, enterprise: installation.enterprise?.id }, 'slack workspace installed');
        page(response, 200, 'Installed', 'GenAI Market is installed in your workspace. Try /help in any channel.');
      },
      failure: (error, _opts, _req, response) => {
        logger.warn({ code: (error as { code?: string }).code, reason: error.message }, 'slack install failed');
        page(
          response,
          400,
          'Install failed',
          'The install could not be completed (the link may have expired). Start again from the install page.',
        );
      },
    }),
  );
  return {
    async botToken(query) {
      try {
        const found = await installer.authorize({
          teamId: query.teamId,
          enterpriseId: query.enterpriseId,
          isEnterpriseInstall: query.isEnterpriseInstall ?? false,
        });
        return found.botToken;
      } catch {
        return undefined;
      }
    },
    async forget(query) {
      await installationStore.deleteInstallation!({
        teamId: query.teamId,
        enterpriseId: query.enterpriseId,
        isEnterpriseInstall: query.isEnterpriseInstall ?? false,
      } as never);
      logger.info({ team: query.teamId, enterprise: query.enterpriseId }, 'slack workspace forgotten');
    },
  };
}

function page(res: import('node:http').ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(html);
}

/** The library's own logging, through pino, at warnings and above (it never gets a token to log from us). */
function quietSlackLogger(logger: Logger): SlackLogger {
  let level = LogLevel.WARN;
  const line = (msg: unknown[]) => ({ slackOAuth: msg.map(String).join(' ') });
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg) => logger.warn(line(msg), 'slack oauth'),
    error: (...msg) => logger.error(line(msg), 'slack oauth'),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}
