// The requests the HTTP benchmark sends: signed the way the platforms sign them, from 256 users in
// 64 channels, cycling through the commands people use most (no charts or digests, which are
// answered later and measured in process). Every request is different; the answers repeat, as in
// a busy workspace where popular questions come back.
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import type { HttpRequest } from './load.js';

export const USERS = 256;
export const CHANNELS = 64;
export const SLACK_SECRET = 'bench-signing-secret';
export const DISCORD_APPLICATION_ID = '1166834510021632031';

/** [command, text] as typed on Slack; Discord gets the same as typed options. */
const COMMANDS: readonly (readonly [string, string, Record<string, string>])[] = [
  ['/layer', 'infra', { layer: 'infra' }],
  ['/layer', 'apps', { layer: 'apps' }],
  ['/layer', 'models', { layer: 'models' }],
  ['/moat', 'nvidia', { company: 'nvidia' }],
  ['/moat', 'openai', { company: 'openai' }],
  ['/moat', 'tsmc', { company: 'tsmc' }],
  ['/company', 'jasper', { name: 'jasper' }],
  ['/company', '英伟达', { name: '英伟达' }],
  ['/company', 'hugging face', { name: 'hugging face' }],
  ['/compare', 'openai stability', { a: 'openai', b: 'stability' }],
  ['/help', '', {}],
  ['/brief', '', {}],
  ['/brief', 'moats', { topic: 'moats' }],
  ['/ask', 'what share of revenue do apps spend on inference?', { question: 'what share of revenue do apps spend on inference?' }],
  ['/ask', '云厂商拿走了多少收入?', { question: '云厂商拿走了多少收入?' }],
  ['/ask', 'who captures the most value?', { question: 'who captures the most value?' }],
];

/** One request per user: user i in channel i mod 64, asking command i mod 16. */
function each<T>(make: (user: number, channel: number, command: (typeof COMMANDS)[number]) => T): T[] {
  return Array.from({ length: USERS }, (_, i) => make(i, i % CHANNELS, COMMANDS[i % COMMANDS.length]!));
}

export function slackRequests(): HttpRequest[] {
  // One timestamp: valid for Slack's five-minute window, longer than the benchmark.
  const ts = String(Math.floor(Date.now() / 1000));
  return each((user, channel, [command, text]) => {
    const body = new URLSearchParams({
      team_id: 'T0BENCH',
      channel_id: `C${String(channel).padStart(8, '0')}`,
      user_id: `U${String(user).padStart(8, '0')}`,
      command,
      text,
      response_url: 'http://127.0.0.1:9/commands/bench',
      trigger_id: `${user}.bench`,
    }).toString();
    const signature = `v0=${createHmac('sha256', SLACK_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    return {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature },
      body,
    };
  });
}

export interface DiscordWorkload {
  publicKeyHex: string;
  requests: HttpRequest[];
}

export function discordWorkload(): DiscordWorkload {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const ts = String(Math.floor(Date.now() / 1000));
  const requests = each((user, channel, [command, , options]) => {
    const body = JSON.stringify({
      id: String(1293842163367710790n + BigInt(user)),
      application_id: DISCORD_APPLICATION_ID,
      type: 2,
      token: `bench-token-${user}`,
      version: 1,
      locale: 'en-US',
      guild_id: '1105150207146012772',
      channel_id: String(1105150207594799166n + BigInt(channel)),
      member: { user: { id: String(396392856346574848n + BigInt(user)), username: `user${user}` }, permissions: '380104985664', roles: [] },
      data: {
        id: '1293840154519638047',
        name: command.slice(1),
        type: 1,
        options: Object.entries(options).map(([name, value]) => ({ name, type: 3, value })),
      },
    });
    const signature = sign(null, Buffer.from(ts + body), privateKey).toString('hex');
    return { headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts }, body };
  });
  return { publicKeyHex: der.subarray(der.length - 32).toString('hex'), requests };
}
