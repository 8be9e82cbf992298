// The one HTTP server: platform endpoints register routes on it, beside /healthz. Bodies are read
// whole (signatures are computed over the raw bytes) with a size limit, and nothing a handler
// throws reaches the client beyond a bare 500. A client gets a bounded time to send its headers
// and its body: Node's defaults (60 s, 300 s) let a few slow clients hold connections for minutes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void | Promise<void>;

export interface ServerLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface AppServerOptions {
  /** Time to receive a request's headers (default 10 s). */
  headersTimeoutMs?: number;
  /** Time to receive a whole request, headers and body (default 20 s); a 408 and a closed connection after it. */
  requestTimeoutMs?: number;
}

export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

/** Listening failed because another process holds the port: the operator can do something about it. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use: set PORT to a free port, or stop the process listening on ${port}`);
  }
}

export interface AppServer {
  /** A GET route answers HEAD too, with the same headers and no body. */
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

export function createAppServer(logger: ServerLogger, options: AppServerOptions = {}): AppServer {
  const routes = new Map<string, { handler: RouteHandler; maxBodyBytes: number }>();
  let inFlight = 0;
  let closing = false;
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const requestTimeout = Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      // How often Node looks for requests past those timeouts (default 30 s, longer than the timeouts).
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(headersTimeout / 4))),
    },
    (req, res) => {
      // While stopping, answer what arrives on open connections and ask the client to go away.
      if (closing) res.setHeader('connection', 'close');
      const path = (req.url ?? '/').split('?')[0]!;
      const route = routes.get(`${req.method} ${path}`) ?? (req.method === 'HEAD' ? routes.get(`GET ${path}`) : undefined);
      if (!route) {
        const allowed = allowedMethods(path);
        if (allowed.length) res.setHeader('allow', allowed.join(', '));
        sendJson(res, allowed.length ? 405 : 404, { error: allowed.length ? 'method not allowed' : 'not found' });
        return;
      }
      void handle(route, req, res, path);
    },
  );
  server.keepAliveTimeout = 65_000;

  function allowedMethods(path: string): string[] {
    const methods = [...routes.keys()].filter((k) => k.endsWith(` ${path}`)).map((k) => k.split(' ')[0]!);
    return methods.includes('GET') ? [...methods, 'HEAD'] : methods;
  }

  /** Reads the body and runs the route; a handler has answered by the time it resolves. */
  async function handle(route: { handler: RouteHandler; maxBodyBytes: number }, req: IncomingMessage, res: ServerResponse, path: string) {
    inFlight++;
    try {
      const body = await readBody(req, route.maxBodyBytes);
      if (body === undefined) return refuseTooLarge(res, route.maxBodyBytes);
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
        server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new PortInUseError(port) : err));
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

/**
 * The whole body, or undefined as soon as it is known to pass the limit: at once when the declared
 * length does, or when the bytes received do. The rest is not waited for.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve(undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
    // A connection cut mid-body (a client gone, a request timeout) must not leave the request counted in flight.
    req.on('close', () => reject(new Error('connection closed before the body was complete')));
  });
}

/**
 * 413 without waiting for the body, and the connection closed after it: a client that declared
 * megabytes is not one of the platforms', and reading what it sends would only hold the connection.
 */
function refuseTooLarge(res: ServerResponse, limit: number): void {
  res.setHeader('connection', 'close');
  sendJson(res, 413, { error: `body too large: the limit is ${limit} bytes` });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
