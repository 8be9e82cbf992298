// With OAuth, each workspace has its own bot token: requests and scheduled posts use a Web API
// client built for it, kept while the token is the same (a reinstall brings a new token, and with
// it new clients). Without an installation, the single-workspace token (SLACK_BOT_TOKEN) serves,
// when there is one.
import type { Logger } from '../../../logger.js';
import type { ChannelServices } from '../../../scheduler/scheduler.js';
import { adminChecker, channelOf, postToChannel, slackHistory } from '../channel.js';
import type { WorkspaceClients } from '../http.js';
import { createWebClient } from '../web.js';
import type { SlackOAuth, WorkspaceQuery } from './install-routes.js';

/** Clients kept at most; a workspace whose clients were dropped gets new ones on its next request. */
const MAX_CLIENTS = 1000;

/**
 * How long a workspace's token is used without asking the store again: a command that keeps no
 * state then costs no database round trip. An uninstall seen by this replica drops it at once;
 * one seen by another replica is noticed within this time (Slack refuses the revoked token anyway).
 */
export const TOKEN_CACHE_MS = 60_000;

export interface WorkspaceClientCache {
  clientsFor(query: WorkspaceQuery): Promise<WorkspaceClients | undefined>;
  drop(query: WorkspaceQuery): void;
}

export function workspaceClients(
  oauth: SlackOAuth,
  logger: Logger,
  slackApiUrl: string,
  fallback?: WorkspaceClients,
  now: () => number = Date.now,
): WorkspaceClientCache {
  const byWorkspace = new Map<string, { clients: WorkspaceClients; until: number }>();
  const keyOf = (q: WorkspaceQuery) => (q.isEnterpriseInstall ? `E:${q.enterpriseId}` : `T:${q.teamId}`);
  return {
    async clientsFor(query) {
      const key = keyOf(query);
      const cached = byWorkspace.get(key);
      if (cached && cached.until > now()) return cached.clients;
      const token = await oauth.botToken(query);
      if (!token) return fallback;
      const web = createWebClient(token, logger, { slackApiUrl });
      const clients = {
        web,
        historyWeb: createWebClient(token, logger, { slackApiUrl, rejectRateLimited: true }),
        isAdmin: adminChecker(web, logger),
      };
      byWorkspace.delete(key);
      byWorkspace.set(key, { clients, until: now() + TOKEN_CACHE_MS });
      if (byWorkspace.size > MAX_CLIENTS) byWorkspace.delete(byWorkspace.keys().next().value!);
      return clients;
    },
    drop: (query) => void byWorkspace.delete(keyOf(query)),
  };
}

/** Scheduled posts and history reads, each with the token of the schedule's workspace ("slack:T1:C1"). */
export function workspaceChannelServices(
  clientsFor: (query: WorkspaceQuery) => Promise<WorkspaceClients | undefined>,
  logger: Logger,
): ChannelServices {
  const teamOf = (scope: string) => ({ teamId: scope.split(':')[1] });
  return {
    async post(scope, reply) {
      const clients = await clientsFor(teamOf(scope));
      // The workspace removed the app: the schedule stops.
      if (!clients) return 'forbidden';
      return postToChannel(clients.web, channelOf(scope), reply, logger);
    },
    history: (scope) => ({
      async read(since, until) {
        const clients = await clientsFor(teamOf(scope));
        if (!clients?.historyWeb) return { messages: [], incomplete: 'no_content_access' };
        return slackHistory(clients.historyWeb, channelOf(scope), logger).read(since, until);
      },
    }),
  };
}
