// The one HTTP server: platform endpoints register routes on it, beside /healthz. Bodies are read
// whole (signatures are computed over the raw bytes) with a size limit, and nothing a handler
// throws reaches the client beyond a bare 500.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void | Promise<void>;

export interface ServerLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface AppServer {
  route(method: 'GET' | 'POST', path: string, handler: RouteHandler, options?: { maxBodyBytes?: number }): void;
  /** Resolves to the port listened on (port 0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  /**
   * Stops accepting, lets requests in flight finish, and closes idle keep-alive connections; after
   * `graceMs` whatever is left is cut, so a stuck client cannot hold the process up.
   */
  close(graceMs?: number): Promise<void>;
  /** Requests being handled right now. */
  readonly inFlight: number;
  readonly server: Server;
}

/** Slack and Discord payloads are a few KB; anything far larger is not one of theirs. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export function createAppServer(logger: ServerLogger): AppServer {
  const routes = new Map<string, { handler: RouteHandler; maxBodyBytes: number }>();
  let inFlight = 0;
  let closing = false;
  const server = createServer((req, res) => {
    // While stopping, answer what arrives on open connections and ask the client to go away.
    if (closing) res.setHeader('connection', 'close');
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes.get(`${req.method} ${path}`);
    if (!route) {
      const known = [...routes.keys()].some((k) => k.endsWith(` ${path}`));
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    void handle(route, req, res, path);
  });
  server.keepAliveTimeout = 65_000;

  /** Reads the body and runs the route; a handler has answered by the time it resolves. */
  async function handle(route: { handler: RouteHandler; maxBodyBytes: number }, req: IncomingMessage, res: ServerResponse, path: string) {
    inFlight++;
    try {
      const body = await readBody(req, route.maxBodyBytes);
      if (body === undefined) return sendJson(res, 413, { error: 'body too large' });
      await route.handler(req, body, res);
    } catch (err) {
      if (!req.complete) {
        if (!res.headersSent) sendJson(res, 400, { error: 'bad request' });
        return;
      }
      logger.error({ err, path }, 'request handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    } finally {
      inFlight--;
    }
  }

  const app: AppServer = {
    server,
    route(method, path, handler, options = {}) {
      routes.set(`${method} ${path}`, { handler, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES });
    },
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    get inFlight() {
      return inFlight;
    },
    close(graceMs = 10_000) {
      closing = true;
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          logger.warn({ inFlight }, 'requests still running at the end of the grace period; closing their connections');
          server.closeAllConnections();
        }, graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
        // Connections that finish a request while we wait are idle again: close them as they free up.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        sweep.unref();
        server.once('close', () => clearInterval(sweep));
      });
    },
  };
  app.route('GET', '/healthz', (_req, _body, res) => sendJson(res, 200, { status: 'ok' }));
  return app;
}

/** The whole body, or undefined once it passes the limit (the rest is drained, not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      req.on('end', () => resolve(undefined));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
