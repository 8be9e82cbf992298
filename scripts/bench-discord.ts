// Signed Discord interactions (/layer infra) against our server, beside a bare node:http server
// answering the same JSON and a server that only verifies the Ed25519 signature, measured in one
// run with the same client. Ed25519 verification (~270 us) is what bounds the endpoint, so "ours"
// should come close to "verify-only". `node --import tsx scripts/bench-discord.ts <target> <key>`
// starts one target and prints its port.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { commands } from '../commands/index.js';
import { createInteractionsEndpoint } from '../src/adapters/discord/http-endpoint.js';
import { renderReply } from '../src/adapters/discord/render.js';
import { createRest, interactionWebhooks } from '../src/adapters/discord/rest.js';
import { toInvocation } from '../src/adapters/discord/to-invocation.js';
import { createVerifier } from '../src/adapters/discord/verify.js';
import { defaultKnowledgeBase } from '../src/core/knowledge/load.js';
import { createRouter } from '../src/router/router.js';
import { createAppServer } from '../src/server/http-server.js';
import { memoryStore } from '../src/store/memory-store.js';
import { hasWrk, interleaved, load, loadWithWrk, type LoadResult } from './load.js';

const APP = '1166834510021632031';
const PATH = '/discord/interactions';
const interaction = {
  id: '1293842163367710790',
  application_id: APP,
  type: 2,
  token: 'bench-token',
  version: 1,
  locale: 'en-US',
  guild_id: '1105150207146012772',
  channel_id: '1105150207594799166',
  member: { user: { id: '396392856346574848', username: 'bench' }, permissions: '380104985664', roles: [] },
  data: { id: '1293840154519638047', name: 'layer', type: 1, options: [{ name: 'layer', type: 3, value: 'infra' }] },
};

export interface DiscordHttpRow extends LoadResult {
  server: string;
  connections: number;
}

async function serveTarget(target: string, publicKey: string): Promise<void> {
  const kb = defaultKnowledgeBase();
  const router = createRouter({ commands, kb, store: memoryStore(), logger: { error: () => undefined } });
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const c: Buffer[] = [];
      req.on('data', (d: Buffer) => c.push(d)).on('end', () => resolve(Buffer.concat(c)));
    });
  const listen = (server: ReturnType<typeof createServer>) =>
    server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
  if (target === 'bare') {
    const reply = JSON.stringify({ type: 4, data: renderReply(await router.handle(toInvocation(interaction)))[0]!.body });
    listen(
      createServer(async (req, res) => {
        await readBody(req);
        res.writeHead(200, { 'content-type': 'application/json' }).end(reply);
      }),
    );
  } else if (target === 'verify-only') {
    // Verifies, then sends the same answer as the others: the difference to "ours" is our own work.
    const verify = createVerifier(publicKey);
    const reply = JSON.stringify({ type: 4, data: renderReply(await router.handle(toInvocation(interaction)))[0]!.body });
    listen(
      createServer(async (req, res) => {
        const ok = verify(
          req.headers['x-signature-ed25519'] as string,
          req.headers['x-signature-timestamp'] as string,
          await readBody(req),
        ).ok;
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? reply : '{"error":"invalid request signature"}');
      }),
    );
  } else if (target === 'ours') {
    const server = createAppServer(silent);
    const endpoint = createInteractionsEndpoint({
      publicKey,
      webhooks: interactionWebhooks(createRest({}), APP),
      router,
      kb,
      logger: silent,
    });
    server.route('POST', PATH, endpoint.handler);
    console.log(await server.listen(0, '127.0.0.1'));
  } else throw new Error(`unknown target ${target}`);
}

async function startTarget(name: string, publicKey: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), name, publicKey], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { port, child };
}

export async function benchDiscordHttp(durationMs = 2000, rounds = 3): Promise<{ client: string; rows: DiscordHttpRow[] }> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicHex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const body = JSON.stringify(interaction);
  // One signed request, valid for the endpoint's 5-minute window: longer than the benchmark.
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    'content-type': 'application/json',
    'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'),
    'x-signature-timestamp': timestamp,
  };
  const makeRequest = () => ({ headers, body });
  const wrk = await hasWrk();
  const run = wrk ? loadWithWrk : load;
  const names = ['bare', 'verify-only', 'ours'] as const;
  const started = await Promise.all(names.map(async (name) => ({ name, ...(await startTarget(name, publicHex)) })));
  try {
    for (const s of started) await load({ port: s.port, path: PATH, connections: 10, durationMs: 500, makeRequest }); // warm-up
    const rows: DiscordHttpRow[] = await interleaved(started, [10, 50], rounds, (port, connections) =>
      run({ port, path: PATH, connections, durationMs, makeRequest }),
    );
    return { client: `${wrk ? 'wrk (1 thread)' : 'node:http client'}, median of ${rounds} interleaved rounds`, rows };
  } finally {
    for (const s of started) s.child.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) await serveTarget(process.argv[2], process.argv[3] ?? '');
