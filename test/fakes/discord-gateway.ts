// A local stand-in for Discord's gateway, on 127.0.0.1 port 0: the REST call that finds it
// (GET /api/v10/gateway/bot, through DISCORD_API_URL) and the WebSocket that speaks the gateway's
// opening (HELLO, IDENTIFY -> READY, RESUME -> RESUMED, heartbeats). Enough for discord.js to log
// in, and for a test to cut the connection and watch the bot notice.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export const BOT_USER_ID = '1166834510021632031';

export interface FakeDiscordGateway {
  /** For DISCORD_API_URL. */
  apiUrl: string;
  /** Whether GET /gateway/bot answers (false: 503, as during an outage). */
  available: boolean;
  identifies: number;
  resumes: number;
  /** Closes every open gateway connection with this code (4000: "unknown error", resumable). */
  disconnect(code?: number): void;
  close(): Promise<void>;
}

export async function startFakeDiscordGateway(): Promise<FakeDiscordGateway> {
  let wsUrl = '';
  const sockets = new Set<WebSocket>();
  const fake: FakeDiscordGateway = {
    apiUrl: '',
    available: true,
    identifies: 0,
    resumes: 0,
    disconnect(code = 4000) {
      for (const socket of sockets) socket.close(code, 'test disconnect');
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/api/v10/gateway/bot')) {
      if (!fake.available) return void res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"unavailable"}');
      const info = { url: wsUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } };
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(info));
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"404: Not Found","code":0}');
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let seq = 0;
    const send = (payload: object) => socket.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null });
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (message.op === 1) send({ op: 11, d: null, s: null, t: null });
      if (message.op === 2) {
        fake.identifies++;
        send({
          op: 0,
          s: ++seq,
          t: 'READY',
          d: {
            v: 10,
            user: { id: BOT_USER_ID, username: 'genai-market', discriminator: '0', global_name: null, avatar: null, bot: true },
            guilds: [],
            session_id: 'fake-session',
            resume_gateway_url: wsUrl,
            application: { id: BOT_USER_ID, flags: 0 },
            shard: [0, 1],
          },
        });
      }
      if (message.op === 6) {
        fake.resumes++;
        send({ op: 0, s: ++seq, t: 'RESUMED', d: {} });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  wsUrl = `ws://127.0.0.1:${port}`;
  fake.apiUrl = `http://127.0.0.1:${port}/api`;
  return fake;
}
