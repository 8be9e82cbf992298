// Measures a stop under the worst follow-up load: the built bot (node dist/app/bin.js, as the
// Dockerfile runs it) with Slack's API at a local server that accepts connections and never
// answers, PENDING acknowledged /margin commands each with a chart upload still to send, then
// SIGTERM. Prints the seconds from the signal to the "stopped" line and to the process's exit,
// and what the bot said it dropped. Also: how long the server holds a request whose body comes
// one byte a second (the slow-body cut-off, with the server's default timeouts).
//   npm run build && npx tsx scripts/stop-deadline.ts [PENDING=120] [STOP_GRACE_MS=10000]
// Measured on the project's 2-core machine (Node 20, shared), 120 pending, 10 s of grace:
// "stopped" 9.3 s and exit 9.5 s after SIGTERM, 120 chart uploads dropped and logged (before:
// "stopped" after 26 s, exit after 55 s); the slow body cut off after 21.0 s with a 408 (before:
// Node's 300 s).
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../dist/app/bin.js', import.meta.url));
const PENDING = Number(process.argv[2] ?? 120);
const GRACE_MS = Number(process.argv[3] ?? 10_000);
const SECRET = 'measure-signing-secret';

const sockets = new Set<Socket>();
const silent = createServer((socket) => {
  sockets.add(socket);
  socket.on('error', () => undefined);
  socket.resume();
});
await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
const silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;

const child = spawn(process.execPath, [BIN], {
  env: {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    LOG_LEVEL: 'info',
    STORE_PATH: join(mkdtempSync(join(tmpdir(), 'stop-measure-')), 'store.json'),
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-offline',
    SLACK_API_URL: `${silentUrl}/api/`,
    STOP_GRACE_MS: String(GRACE_MS),
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let logs = '';
const marks: Record<string, number> = {};
child.stderr.on('data', (d: Buffer) => {
  logs += d.toString();
  if (!marks.stopped && logs.includes('"msg":"stopped"')) marks.stopped = performance.now();
});
const exited = new Promise<number | null>((resolve) =>
  child.once('exit', (code) => {
    marks.exit = performance.now();
    resolve(code);
  }),
);
while (!/listening on port (\d+)/.test(logs)) await new Promise((r) => setTimeout(r, 10));
const port = Number(/listening on port (\d+)/.exec(logs)![1]);

const acks = await Promise.all(
  Array.from({ length: PENDING }, async (_, i) => {
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: `C${i}`,
      user_id: `U${i}`,
      command: '/margin',
      text: `revenue=${i + 1}M inference=30%`,
      response_url: `${silentUrl}/commands/${i}`,
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
      body,
    });
    return res.status;
  }),
);
const signalAt = performance.now();
child.kill('SIGTERM');
const code = await exited;
const stopping = logs.split('\n').find((l) => l.includes('stopping: no new requests'));
const dropped = logs.split('\n').find((l) => l.includes('stop deadline reached'));
console.log(`acknowledged: ${acks.filter((s) => s === 200).length} of ${PENDING}; STOP_GRACE_MS=${GRACE_MS}`);
console.log(`follow-ups pending at the signal: ${stopping ? JSON.parse(stopping).followUps : '?'}`);
console.log(`dropped: ${dropped ? JSON.stringify({ dropped: JSON.parse(dropped).dropped, kinds: JSON.parse(dropped).kinds }) : 'none'}`);
console.log(
  `signal -> "stopped": ${((marks.stopped! - signalAt) / 1000).toFixed(2)} s; signal -> exit (code ${code}): ${((marks.exit! - signalAt) / 1000).toFixed(2)} s`,
);

// The slow body: the bot's own server with its default timeouts, one byte a second.
const slowBody = spawn(process.execPath, [BIN], {
  env: {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    LOG_LEVEL: 'info',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-offline',
    SLACK_API_URL: `${silentUrl}/api/`,
    STORE_PATH: join(mkdtempSync(join(tmpdir(), 'slow-')), 'store.json'),
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let slowLogs = '';
slowBody.stderr.on('data', (d: Buffer) => (slowLogs += d.toString()));
while (!/listening on port (\d+)/.test(slowLogs)) await new Promise((r) => setTimeout(r, 10));
const slowPort = Number(/listening on port (\d+)/.exec(slowLogs)![1]);
const socket = connect(slowPort, '127.0.0.1');
let answer = '';
socket.on('data', (d) => (answer += d.toString()));
socket.on('error', () => undefined);
const start = performance.now();
socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n');
const drip = setInterval(() => socket.writable && socket.write('x'), 1000);
await new Promise((resolve) => socket.once('close', resolve));
clearInterval(drip);
console.log(
  `slow body (1 byte/s of a declared 100 KB): cut off after ${((performance.now() - start) / 1000).toFixed(1)} s with ${answer.split('\r\n')[0] || 'no answer'}`,
);
slowBody.kill('SIGTERM');
await new Promise((resolve) => slowBody.once('exit', resolve));
for (const s of sockets) s.destroy();
silent.close();
