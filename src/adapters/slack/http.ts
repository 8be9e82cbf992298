// POST /slack/events: one URL for slash commands, interactivity and the Events API, as Bolt's
// receiver does. Verified before anything is parsed; 401 for anything unsigned, without logging
// the body or any secret.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type AppServer } from '../../server/http-server.js';
import { SHARE_ACTION } from './blocks.js';
import { handleMention, handleSlashCommand, later, type SlackDeps } from './dispatch.js';
import { firstDeliveryCheck, RecentIds } from './recent-ids.js';
import type { WorkspaceQuery } from './oauth/install-routes.js';
import { handleShare } from './share.js';
import { t } from '../../core/i18n/strings.js';
import { parseSlashCommand, type MentionEvent } from './to-invocation.js';
import { verifySlackRequest } from './verify.js';

export interface SlackHttpOptions extends SlackDeps {
  signingSecret: string;
  now?: () => number;
  /** Installed through OAuth: the clients for the workspace a request came from, undefined when it has none. */
  workspace?: (query: WorkspaceQuery) => Promise<WorkspaceClients | undefined>;
  /** Installed through OAuth: forgets a workspace that uninstalled the app or revoked its token. */
  forgetWorkspace?: (query: WorkspaceQuery) => Promise<void>;
}

export type WorkspaceClients = Pick<SlackDeps, 'web' | 'historyWeb' | 'isAdmin'>;

/** The options with the clients of the request's workspace in place of the single-workspace ones. */
async function forWorkspace(options: SlackHttpOptions, query: WorkspaceQuery): Promise<SlackHttpOptions | undefined> {
  if (!options.workspace) return options;
  const clients = await options.workspace(query);
  return clients && { ...options, ...clients };
}

export function registerSlackHttp(server: AppServer, options: SlackHttpOptions): void {
  const now = options.now ?? Date.now;
  const firstDelivery = firstDeliveryCheck(new RecentIds(5000, 15 * 60_000, now), options.firstDelivery);
  server.route('POST', '/slack/events', async (req, body, res) => {
    const verdict = verifySlackRequest({
      signingSecret: options.signingSecret,
      timestamp: header(req, 'x-slack-request-timestamp'),
      signature: header(req, 'x-slack-signature'),
      body,
      nowSeconds: Math.floor(now() / 1000),
    });
    if (!verdict.ok) {
      options.logger.warn(
        { reason: verdict.reason, path: '/slack/events', retry: header(req, 'x-slack-retry-num') },
        'slack request refused',
      );
      sendJson(res, 401, { error: 'invalid signature' });
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (type === 'application/json') return onEvent(body, res, options, firstDelivery);
    if (type === 'application/x-www-form-urlencoded') return onForm(body, res, options);
    sendJson(res, 415, { error: 'unsupported content type' });
  });
}

async function onForm(body: Buffer, res: ServerResponse, options: SlackHttpOptions): Promise<void> {
  const form = new URLSearchParams(body.toString('utf8'));
  const payload = form.get('payload');
  if (payload !== null) {
    // Interactivity: acknowledge at once; the shared answer is posted through response_url.
    res.writeHead(200).end();
    const parsed = safeJson(payload) as
      | {
          type?: string;
          actions?: { action_id: string }[];
          team?: { id?: string };
          enterprise?: { id?: string };
          is_enterprise_install?: boolean;
        }
      | undefined;
    if (parsed?.type === 'block_actions' && parsed.actions?.[0]?.action_id === SHARE_ACTION) {
      const deps = await forWorkspace(options, {
        teamId: parsed.team?.id,
        enterpriseId: parsed.enterprise?.id,
        isEnterpriseInstall: parsed.is_enterprise_install === true,
      });
      if (deps) later(deps, handleShare(parsed as never, deps), 'slack share');
    }
    return;
  }
  const command = parseSlashCommand(form);
  if (!command) {
    sendJson(res, 400, { error: 'not a slash command' });
    return;
  }
  const deps = await forWorkspace(options, {
    teamId: command.team_id,
    enterpriseId: command.enterprise_id,
    isEnterpriseInstall: form.get('is_enterprise_install') === 'true',
  });
  if (!deps) {
    sendJson(res, 200, { response_type: 'ephemeral', text: t(/\p{Script=Han}/u.test(command.text) ? 'zh' : 'en', 'slackNotInstalled') });
    return;
  }
  await handleSlashCommand(command, deps, (response) => sendJsonBytes(res, serialize(response)));
}

async function onEvent(
  body: Buffer,
  res: ServerResponse,
  options: SlackHttpOptions,
  firstDelivery: (eventId: string) => Promise<boolean>,
): Promise<void> {
  const payload = safeJson(body.toString('utf8')) as
    | {
        type?: string;
        challenge?: string;
        event_id?: string;
        team_id?: string;
        enterprise_id?: string;
        authorizations?: { enterprise_id?: string | null; is_enterprise_install?: boolean }[];
        event?: MentionEvent & { type: string; bot_id?: string; tokens?: { bot?: string[] } };
      }
    | undefined;
  if (!payload) {
    sendJson(res, 400, { error: 'bad json' });
    return;
  }
  if (payload.type === 'url_verification') {
    sendJson(res, 200, { challenge: payload.challenge });
    return;
  }
  // Acknowledge first: Slack retries events not acknowledged within 3 s.
  res.writeHead(200).end();
  if (payload.type !== 'event_callback' || !payload.event || !payload.event_id) return;
  if (!(await firstDelivery(payload.event_id))) return;
  const authorization = payload.authorizations?.[0];
  const query: WorkspaceQuery = {
    teamId: payload.team_id ?? payload.event.team,
    enterpriseId: payload.enterprise_id ?? authorization?.enterprise_id ?? undefined,
    isEnterpriseInstall: authorization?.is_enterprise_install === true,
  };
  const event: { type: string; tokens?: { bot?: string[] } } = payload.event;
  const gone = event.type === 'app_uninstalled' || (event.type === 'tokens_revoked' && (event.tokens?.bot?.length ?? 0) > 0);
  // tokens_revoked also reports user tokens; only the bot's token matters here.
  if (gone && options.forgetWorkspace) {
    later(options, options.forgetWorkspace(query), 'slack uninstall');
    return;
  }
  if (event.type === 'app_mention') {
    const deps = await forWorkspace(options, query);
    if (deps) later(deps, handleMention(payload.event, payload.team_id ?? payload.event.team ?? 'T', deps), 'slack mention reply');
  }
}

/**
 * Responses as bytes, by object: a response the dispatcher has rendered before (a popular question)
 * is sent without stringifying or encoding it again.
 */
const serialized = new WeakMap<object, Buffer>();
function serialize(body: object): Buffer {
  let bytes = serialized.get(body);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(body));
    serialized.set(body, bytes);
  }
  return bytes;
}

function sendJsonBytes(res: ServerResponse, bytes: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  res.end(bytes);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
