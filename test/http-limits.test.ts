// The HTTP server against clients that misbehave, over raw sockets: headers or a body sent a byte
// at a time are cut off after the configured time (not Node's 300 s), a declared length over the
// limit gets its 413 before a byte of the body is sent, HEAD works where GET does, and a 405 says
// which methods are allowed.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type AppServer, createAppServer, DEFAULT_MAX_BODY_BYTES, PortInUseError } from '../src/server/http-server.js';

const quiet = { error: () => undefined, warn: () => undefined };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(options: Parameters<typeof createAppServer>[1] = {}): Promise<{ server: AppServer; port: number }> {
  const server = createAppServer(quiet, options);
  server.route('POST', '/echo', (_req, body, res) => void res.writeHead(200).end(`got ${body.length}`));
  const port = await server.listen(0, '127.0.0.1');
  cleanups.push(() => server.close(0));
  return { server, port };
}

/** A raw connection that records everything the server sends, and when it closes. */
function rawClient(port: number): { socket: Socket; received: () => string; closed: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (d) => (text += d.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  cleanups.push(() => void socket.destroy());
  return { socket, received: () => text, closed };
}

/** Writes a byte every `everyMs` until stopped, as a slow (or hostile) client does. */
function drip(socket: Socket, everyMs: number): void {
  const timer = setInterval(() => socket.writable && socket.write('x'), everyMs);
  socket.once('close', () => clearInterval(timer));
  cleanups.push(() => clearInterval(timer));
}

describe('slow clients', () => {
  it('closes a connection whose headers never finish, after the headers timeout', async () => {
    const { port } = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const client = rawClient(port);
    client.socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    drip(client.socket, 50);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection whose body never finishes, after the request timeout, and is free again', async () => {
    const { server, port } = await start({ headersTimeoutMs: 200, requestTimeoutMs: 500 });
    const client = rawClient(port);
    client.socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n');
    drip(client.socket, 50);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    // The request is not counted as running forever (which would hold up a stop).
    while (server.inFlight) await new Promise((r) => setTimeout(r, 5));
    const res = await fetch(`http://127.0.0.1:${port}/echo`, { method: 'POST', body: 'abc' });
    expect(await res.text()).toBe('got 3');
  });

  it('answers 413 to a declared length over the limit before any of the body is sent', async () => {
    // Timeouts far longer than the test: the 413 cannot come from them.
    const { port } = await start({ headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 });
    const client = rawClient(port);
    client.socket.write(`POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ${DEFAULT_MAX_BODY_BYTES + 1}\r\n\r\n`);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 /);
    expect(client.received()).toMatch(/connection: close/i);
    expect(client.received()).toMatch(/the limit is 262144 bytes/);
  });

  it('answers 413 to a chunked body once it passes the limit, without reading the rest', async () => {
    const { port } = await start({ headersTimeoutMs: 60_000, requestTimeoutMs: 60_000 });
    const client = rawClient(port);
    client.socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = 64 * 1024;
    for (let i = 0; i < 5; i++) client.socket.write(`${chunk.toString(16)}\r\n${'y'.repeat(chunk)}\r\n`);
    // ...and never the last chunk.
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 413 /);
  });
});

describe('methods', () => {
  it('answers HEAD /healthz like GET, without a body', async () => {
    const { port } = await start();
    const get = await fetch(`http://127.0.0.1:${port}/healthz`);
    const head = await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'));
    expect(await head.text()).toBe('');
  });

  it('says which methods a path allows on every 405', async () => {
    const { port } = await start();
    const post = await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    const get = await fetch(`http://127.0.0.1:${port}/echo`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const missing = await fetch(`http://127.0.0.1:${port}/nothing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('allow')).toBeNull();
  });
});

describe('a port in use', () => {
  it('is refused with the port and what to do about it', async () => {
    const { port } = await start();
    const second = createAppServer(quiet);
    const failure = await second.listen(port, '127.0.0.1').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(PortInUseError);
    expect((failure as Error).message).toBe(`port ${port} is in use: set PORT to a free port, or stop the process listening on ${port}`);
  });
});
