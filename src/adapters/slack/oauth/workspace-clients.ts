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

export function workspaceClients(
  oauth: SlackOAuth,
  logger: Logger,
  slackApiUrl: string,
  fallback?: WorkspaceClients,
): (query: WorkspaceQuery) => Promise<WorkspaceClients | undefined> {
  const byToken = new Map<string, WorkspaceClients>();
  return async (query) => {
    const token = await oauth.botToken(query);
    if (!token) return fallback;
    let clients = byToken.get(token);
    if (!clients) {
      const web = createWebClient(token, logger, { slackApiUrl });
      clients = {
        web,
        historyWeb: createWebClient(token, logger, { slackApiUrl, rejectRateLimited: true }),
        isAdmin: adminChecker(web, logger),
      };
      byToken.set(token, clients);
      if (byToken.size > MAX_CLIENTS) byToken.delete(byToken.keys().next().value!);
    }
    return clients;
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
