// A local stand-in for Slack's Web API, file uploads and response_urls, on 127.0.0.1 port 0: the
// built bot is pointed at it with SLACK_API_URL, so a test of the bot as operators start it never
// leaves the machine. It answers the methods the bot calls and records every request.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  path: string;
  /** Form or JSON fields of an API call; the raw text of anything else. */
  body: Record<string, unknown> | string;
  /** The Authorization header (which workspace's token made the call). */
  auth?: string | undefined;
  /** When the call arrived (performance.now() of this process), for measurements of the order of calls. */
  at: number;
}

export interface FakeSlackApi {
  /** For SLACK_API_URL. */
  apiUrl: string;
  /** A response_url that posts here. */
  responseUrl(id: string): string;
  calls: SlackCall[];
  /** What conversations.history answers with (a channel's messages, as Slack sends them). */
  history: Record<string, unknown>[];
  /** The next call to `path` is recorded but never answered (its caller waits, as on a stuck network). */
  holdNext(path: string): void;
  /** Calls to one path ("/api/auth.test", "/commands/x"). */
  callsTo(path: string): SlackCall[];
  close(): Promise<void>;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const history: Record<string, unknown>[] = [];
  let files = 0;
  let base = '';
  const held = new Set<string>();
  const server = createServer(async (req, res) => {
    const text = await readText(req);
    const path = (req.url ?? '/').split('?')[0]!;
    calls.push({ path, body: parse(text, req.headers['content-type'] ?? ''), auth: req.headers.authorization, at: performance.now() });
    if (held.delete(path)) return;
    const reply = (status: number, body: unknown) => {
      const out = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }).end(out);
    };
    if (path.startsWith('/upload/') || path.startsWith('/commands/') || path.startsWith('/actions/')) return reply(200, 'ok');
    switch (path) {
      case '/api/auth.test':
        return reply(200, {
          ok: true,
          url: 'https://example.slack.test/',
          team: 'Example',
          user: 'genai-market',
          team_id: 'T1',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        });
      case '/api/oauth.v2.access': {
        // The code names the workspace installing ("T2"), and its token follows from it.
        const code = String((parse(text, req.headers['content-type'] ?? '') as Record<string, unknown>).code ?? '');
        if (!/^T\w+$/.test(code)) return reply(200, { ok: false, error: 'invalid_code' });
        return reply(200, {
          ok: true,
          app_id: 'A1',
          authed_user: { id: 'U1' },
          scope: 'chat:write,commands',
          token_type: 'bot',
          access_token: `xoxb-${code}-token`,
          bot_user_id: `UBOT${code}`,
          team: { id: code, name: `Team ${code}` },
          enterprise: null,
          is_enterprise_install: false,
        });
      }
      case '/api/files.getUploadURLExternal': {
        const id = `F${++files}`;
        return reply(200, { ok: true, upload_url: `${base}/upload/${id}`, file_id: id });
      }
      case '/api/files.completeUploadExternal':
        return reply(200, { ok: true, files: [{ id: `F${files}`, title: 'chart' }] });
      case '/api/chat.postMessage':
        return reply(200, { ok: true, ts: `${Date.now() / 1000}` });
      case '/api/chat.update': {
        const fields = parse(text, req.headers['content-type'] ?? '') as Record<string, unknown>;
        return reply(200, { ok: true, channel: fields.channel, ts: fields.ts });
      }
      case '/api/conversations.history':
        return reply(200, { ok: true, messages: history, has_more: false });
      case '/api/conversations.replies':
        return reply(200, { ok: true, messages: [], has_more: false });
      case '/api/users.info':
        return reply(200, { ok: true, user: { id: 'U1', is_admin: false, is_owner: false } });
      default:
        return reply(200, { ok: false, error: 'unknown_method' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/commands/${id}`,
    calls,
    history,
    holdNext: (path) => void held.add(path),
    callsTo: (path) => calls.filter((c) => c.path === path),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parse(text: string, contentType: string): Record<string, unknown> | string {
  if (contentType.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  if (contentType.startsWith('application/json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return text;
    }
  }
  return text;
}
