// POST /discord/interactions: Discord's outgoing webhook. Verify the signature over the raw body,
// answer PING, then hand commands and autocomplete to the shared dispatcher. Only the first
// response travels in the HTTP reply; edits and follow-ups go out through the interaction webhook.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FollowUps } from '../../server/follow-ups.js';
import { sendJson, type RouteHandler } from '../../server/http-server.js';
import { EPHEMERAL, InteractionType, ResponseType, type OutgoingMessage } from './api-types.js';
import { dispatchInteraction, type DispatchOptions, type InteractionResponder } from './dispatch.js';
import { parseInteraction } from './interaction-shape.js';
import type { InteractionWebhooks } from './rest.js';
import { createVerifier } from './verify.js';

export const INTERACTIONS_PATH = '/discord/interactions';

export interface InteractionsEndpointOptions extends DispatchOptions {
  publicKey: string;
  webhooks: InteractionWebhooks;
  /** Milliseconds since the epoch, for the signature's freshness check. */
  now?: () => number;
  /** Where answers still being sent are tracked (default: the endpoint's own). */
  followUps?: FollowUps;
}

export interface InteractionsEndpoint {
  handler: RouteHandler;
  /** Resolves when every answer already started has been sent (edits and follow-ups included), or at `timeoutMs`. */
  settled(timeoutMs?: number): Promise<void>;
}

const HANDLED = new Set<number>([InteractionType.Ping, InteractionType.ApplicationCommand, InteractionType.Autocomplete]);

export function createInteractionsEndpoint(options: InteractionsEndpointOptions): InteractionsEndpoint {
  const verifyRequest = createVerifier(options.publicKey, options.now);
  const followUps = options.followUps ?? new FollowUps();

  const handler: RouteHandler = async (req, body, res) => {
    const verdict = verifyRequest(header(req, 'x-signature-ed25519'), header(req, 'x-signature-timestamp'), body);
    if (!verdict.ok) {
      // Discord probes the endpoint with bad signatures when it is configured: this is expected
      // now and then. Never logged: the body, the headers' values.
      options.logger.warn(
        { reason: verdict.reason, remote: req.socket.remoteAddress },
        'discord: refused an unsigned or badly signed request',
      );
      sendJson(res, 401, { error: 'invalid request signature' });
      return;
    }
    const parsed = parseInteraction(body);
    if (!parsed.ok) {
      // Signed, so Discord's (or someone holding its key): worth a warning, never the body itself.
      options.logger.warn({ problem: parsed.problem }, 'discord: refused a malformed interaction');
      sendJson(res, 400, { error: `malformed interaction: ${parsed.problem}` });
      return;
    }
    const { interaction } = parsed;
    if (!HANDLED.has(interaction.type)) {
      sendJson(res, 400, { error: 'unsupported interaction' });
      return;
    }
    if (interaction.type === InteractionType.Ping) {
      sendJson(res, 200, { type: ResponseType.Pong });
      return;
    }
    const responder = httpResponder(res, interaction.token, options.webhooks);
    const task = dispatchInteraction(interaction, responder, options).finally(() => {
      // Nothing answered (a bug, already logged): a bare 500 beats leaving Discord waiting 3 s.
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
    followUps.track(task, 'discord interaction');
    // The route is done once Discord has its response; edits and follow-ups carry on after.
    await Promise.race([responder.responded, task]);
  };

  return {
    handler,
    async settled(timeoutMs) {
      await followUps.settled(timeoutMs);
    },
  };
}

// Rendered messages are memoised per Reply (and frozen), so their serialised response can be too:
// a repeated question then costs the signature check and little else.
const serialised = new WeakMap<OutgoingMessage, Buffer>();

function serialisedAnswer(message: OutgoingMessage): Buffer {
  let bytes = serialised.get(message);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify({ type: ResponseType.Message, data: message.body }));
    serialised.set(message, bytes);
  }
  return bytes;
}

function sendBytes(res: ServerResponse, bytes: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  res.end(bytes);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Files never travel in the HTTP response: Discord's handling of multipart interaction responses
 * is unreliable (discord/discord-api-docs#5933, open; #5250: failures from ~150 KB). A chart is
 * added after the answer by PATCH to the webhook, which takes multipart reliably; a message with
 * files sent as the first response (none today) is deferred and sent the same way.
 */
function httpResponder(
  res: ServerResponse,
  token: string,
  webhooks: InteractionWebhooks,
): InteractionResponder & { responded: Promise<void> } {
  let markResponded!: () => void;
  const responded = new Promise<void>((resolve) => (markResponded = resolve));
  const respond = (body: unknown) => {
    sendJson(res, 200, body);
    markResponded();
  };
  return {
    responded,
    async reply(message) {
      if (message.files.length === 0) {
        sendBytes(res, serialisedAnswer(message));
        return markResponded();
      }
      respond({ type: ResponseType.DeferredMessage, ...(message.body.flags ? { data: { flags: EPHEMERAL } } : {}) });
      await webhooks.editOriginal(token, message);
    },
    async defer(ephemeral) {
      respond({ type: ResponseType.DeferredMessage, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) });
    },
    async suggest(choices) {
      respond({ type: ResponseType.AutocompleteResult, data: { choices } });
    },
    editOriginal: (message) => webhooks.editOriginal(token, message),
    deleteOriginal: () => webhooks.deleteOriginal(token),
    followUp: (message) => webhooks.followUp(token, message),
  };
}
