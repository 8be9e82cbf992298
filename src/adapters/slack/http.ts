// POST /slack/events: one URL for slash commands, interactivity and the Events API, as Bolt's
// receiver does. Verified before anything is parsed; 401 for anything unsigned, without logging
// the body or any secret.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type AppServer } from '../../server/http-server.js';
import { SHARE_ACTION } from './blocks.js';
import { handleMention, handleSlashCommand, later, type SlackDeps } from './dispatch.js';
import { firstDeliveryCheck, RecentIds } from './recent-ids.js';
import { handleShare } from './share.js';
import { parseSlashCommand, type MentionEvent } from './to-invocation.js';
import { verifySlackRequest } from './verify.js';

export interface SlackHttpOptions extends SlackDeps {
  signingSecret: string;
  now?: () => number;
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
    const parsed = safeJson(payload) as { type?: string; actions?: { action_id: string }[] } | undefined;
    if (parsed?.type === 'block_actions' && parsed.actions?.[0]?.action_id === SHARE_ACTION)
      later(options, handleShare(parsed as never, options));
    return;
  }
  const command = parseSlashCommand(form);
  if (!command) {
    sendJson(res, 400, { error: 'not a slash command' });
    return;
  }
  sendJsonBytes(res, serialize(await handleSlashCommand(command, options)));
}

async function onEvent(
  body: Buffer,
  res: ServerResponse,
  options: SlackHttpOptions,
  firstDelivery: (eventId: string) => Promise<boolean>,
): Promise<void> {
  const payload = safeJson(body.toString('utf8')) as
    | { type?: string; challenge?: string; event_id?: string; team_id?: string; event?: MentionEvent & { type: string; bot_id?: string } }
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
  if (payload.event.type === 'app_mention')
    later(options, handleMention(payload.event, payload.team_id ?? payload.event.team ?? 'T', options));
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
