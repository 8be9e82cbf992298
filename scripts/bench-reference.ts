// The servers ours is measured against, one per process: `node --import tsx scripts/bench-reference.ts
// <slack|discord> <bare|verify-only> <replies.json> [secret or public key]` prints its port. Each
// answers with exactly the bytes the bot sent for the same request body (recorded from the bot just
// before), so the difference is the bot's own work: "bare" does nothing else, "verify-only" first
// checks the signature with the bot's own verification code.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerifier } from '../src/adapters/discord/verify.js';
import { verifySlackRequest } from '../src/adapters/slack/verify.js';

export interface RecordedReply {
  contentType: string;
  text: string;
}

const [platform, kind, repliesPath, key = ''] = process.argv.slice(2);
const replies = new Map(Object.entries(JSON.parse(readFileSync(repliesPath!, 'utf8')) as Record<string, RecordedReply>));
const discordVerify = platform === 'discord' ? createVerifier(key) : undefined;

function verified(req: IncomingMessage, body: Buffer): boolean {
  const header = (name: string) => req.headers[name] as string | undefined;
  if (discordVerify) return discordVerify(header('x-signature-ed25519'), header('x-signature-timestamp'), body).ok;
  return verifySlackRequest({
    signingSecret: key,
    timestamp: header('x-slack-request-timestamp'),
    signature: header('x-slack-signature'),
    body,
    nowSeconds: Math.floor(Date.now() / 1000),
  }).ok;
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    if (kind === 'verify-only' && !verified(req, body)) return void res.writeHead(401).end();
    const reply = replies.get(body.toString('utf8'));
    if (!reply) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': reply.contentType, 'content-length': Buffer.byteLength(reply.text) }).end(reply.text);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
