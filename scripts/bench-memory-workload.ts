// The requests of the memory benchmark: a long, varied day of a large install, so that whatever the
// bot keeps per user, per channel, per question or per reply has every chance to grow. Slack slash
// commands and Discord interactions, signed as the platforms sign them, from 20,000 users in 4,000
// channels; every request's text differs (numbers, questions, names, typos, bad options, unknown
// commands), and a few commands draw charts.
import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { loadQuestions } from './evaluate.js';
import type { HttpRequest } from './load.js';

export const MEMORY_USERS = 20_000;
export const MEMORY_CHANNELS = 4_000;
export const MEMORY_SLACK_SECRET = 'bench-memory-signing-secret';
export const MEMORY_DISCORD_APP = '1166834510021632031';

const COMPANIES = ['openai', 'nvidia', 'stability', 'jasper', 'tsmc', 'anthropic', 'cohere', 'midjourney', 'aws', 'google cloud', 'azure'];
const LAYERS = ['infra', 'apps', 'models', '应用', '模型'];
const TOPICS = ['', 'moats', 'figures', 'theses'];

/** The text of request `i`: [command, text] as typed on Slack. */
function commandText(i: number, questions: readonly string[]): [string, string] {
  const n = Math.floor(i / 12);
  switch (i % 12) {
    case 0:
      return ['/ask', `${questions[n % questions.length]} (${n})`];
    // Charts are drawn on one in five: each takes a core for ~150 ms, which would set the pace.
    case 1:
      return n % 5
        ? ['/company', `${COMPANIES[n % COMPANIES.length]}-${n}`]
        : ['/margin', `revenue=${1 + (n % 97)}M inference=${5 + (n % 60)}%`];
    case 2:
      return n % 5 ? ['/layer', `layer${n}`] : ['/flow', `revenue=${1 + (n % 89)}M inference=${10 + (n % 40)}%`];
    case 3:
      return ['/company', COMPANIES[n % COMPANIES.length]!];
    case 4:
      return ['/compare', `${COMPANIES[n % COMPANIES.length]} ${COMPANIES[(n * 7 + 3) % COMPANIES.length]}`];
    case 5:
      return ['/layer', LAYERS[n % LAYERS.length]!];
    case 6:
      return ['/moat', `${COMPANIES[n % COMPANIES.length]}${n % 5 === 0 ? 'x' : ''}`];
    case 7:
      return ['/brief', TOPICS[n % TOPICS.length]!];
    case 8:
      return ['/genai', `nosuchcommand${n}`];
    case 9:
      return ['/digest', `days=${(n % 200) - 50}`];
    case 10:
      return ['/ask', `what does company number ${n} do about inference costs?`];
    default:
      return ['/help', n % 2 ? '' : 'margin'];
  }
}

/** Requests `from` to `from + count`, signed now: a platform refuses a signature five minutes old. */
export function slackMemoryRequests(from: number, count: number): HttpRequest[] {
  const questions = loadQuestions().map((q) => q.question);
  const ts = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const [command, text] = commandText(i, questions);
    const body = new URLSearchParams({
      team_id: `T${String(i % 7).padStart(8, '0')}`,
      channel_id: `C${String((i * 31) % MEMORY_CHANNELS).padStart(8, '0')}`,
      user_id: `U${String((i * 17) % MEMORY_USERS).padStart(8, '0')}`,
      command,
      text,
      response_url: 'http://127.0.0.1:9/commands/bench',
      trigger_id: `${i}.bench`,
    }).toString();
    const signature = `v0=${createHmac('sha256', MEMORY_SLACK_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
    return {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature },
      body,
    };
  });
}

export interface DiscordMemoryWorkload {
  publicKeyHex: string;
  /** Requests `from` to `from + count`, signed now. */
  requests(from: number, count: number): HttpRequest[];
}

const OPTION_NAMES: Record<string, string[]> = {
  ask: ['question'],
  company: ['name'],
  compare: ['a', 'b'],
  layer: ['layer'],
  moat: ['company'],
  brief: ['topic'],
  help: ['command'],
};

export function discordMemoryWorkload(): DiscordMemoryWorkload {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const questions = loadQuestions().map((q) => q.question);
  return {
    publicKeyHex: der.subarray(der.length - 32).toString('hex'),
    requests: (from, count) => {
      const ts = String(Math.floor(Date.now() / 1000));
      return Array.from({ length: count }, (_, k) => discordRequest(from + k, questions, ts, privateKey));
    },
  };
}

function discordRequest(i: number, questions: readonly string[], ts: string, privateKey: KeyObject): HttpRequest {
  const [slash, text] = commandText(i, questions);
  const name = slash === '/genai' ? `nosuch${i}` : slash.slice(1);
  const names = OPTION_NAMES[name] ?? [];
  const words = text.split(' ');
  const options = names.length === 2 ? names.map((n, k) => ({ name: n, type: 3, value: words[k] ?? '' })) : [];
  if (names.length === 1 && text) options.push({ name: names[0]!, type: 3, value: text });
  if (!names.length && text)
    for (const pair of words) {
      const [key, value] = pair.split('=');
      if (key && value !== undefined) options.push({ name: key, type: 3, value });
    }
  const user = (i * 17) % 20_000;
  const body = JSON.stringify({
    id: String(1293842163367710790n + BigInt(i)),
    application_id: MEMORY_DISCORD_APP,
    type: 2,
    token: `bench-token-${i}`,
    version: 1,
    locale: i % 5 === 0 ? 'zh-CN' : 'en-US',
    guild_id: String(1105150207146012772n + BigInt(i % 50)),
    channel_id: String(1105150207594799166n + BigInt((i * 31) % 4_000)),
    member: { user: { id: String(396392856346574848n + BigInt(user)), username: `user${user}` }, permissions: '380104985664', roles: [] },
    data: { id: '1293840154519638047', name, type: 1, options },
  });
  const signature = sign(null, Buffer.from(ts + body), privateKey).toString('hex');
  return { headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts }, body };
}
