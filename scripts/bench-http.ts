// Signed requests from many users against the bot as `npm start` runs it, beside servers that send
// the same bytes: a bare node:http server (the floor) and one that only verifies the signature
// (Discord's bound: Ed25519). All measured in one run, in interleaved rounds, with the same client.
import { discordWorkload, SLACK_SECRET, slackRequests, DISCORD_APPLICATION_ID } from './bench-workload.js';
import { productionEnv, recordReplies, startBot, startReference } from './bench-servers.js';
import { interleaved, load, loadClient, type HttpRequest, type LoadResult } from './load.js';

export interface HttpRow extends LoadResult {
  server: string;
  connections: number;
}

export interface HttpBench {
  client: string;
  workload: string;
  rows: HttpRow[];
}

const CONNECTIONS = [10, 50] as const;

interface Platform {
  name: 'slack' | 'discord';
  path: string;
  requests: HttpRequest[];
  /** The bot's platform variables. */
  env: Record<string, string>;
  /** What the verify-only server checks signatures with. */
  key: string;
}

/** The bot and the two reference servers under the same load, in interleaved rounds. */
async function bench(platform: Platform, durationMs: number, rounds: number): Promise<HttpBench> {
  const { path, requests } = platform;
  const bot = await startBot(productionEnv(platform.env));
  const replies = await recordReplies(bot.port, path, requests);
  const bare = await startReference(platform.name, 'bare', replies, platform.key);
  const verifyOnly = await startReference(platform.name, 'verify-only', replies, platform.key);
  const servers = [
    { name: 'ours', port: bot.port },
    { name: 'bare', port: bare.port },
    { name: 'verify-only', port: verifyOnly.port },
  ];
  try {
    for (const s of servers) await load({ port: s.port, path, connections: 10, durationMs: 1000, requests }); // warm-up
    const rows = await interleaved(servers, CONNECTIONS, rounds, (port, connections) =>
      load({ port, path, connections, durationMs, requests }),
    );
    return { client: await loadClient(), workload: workloadText(requests.length), rows };
  } finally {
    await Promise.all([bot, bare, verifyOnly].map((s) => s.stop()));
  }
}

export function benchSlackHttp(durationMs = 3000, rounds = 3): Promise<HttpBench> {
  const platform = {
    name: 'slack',
    path: '/slack/events',
    requests: slackRequests(),
    env: { SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench' },
    key: SLACK_SECRET,
  } as const;
  return bench(platform, durationMs, rounds);
}

export function benchDiscordHttp(durationMs = 3000, rounds = 3): Promise<HttpBench> {
  const { publicKeyHex, requests } = discordWorkload();
  const platform = {
    name: 'discord',
    path: '/discord/interactions',
    requests,
    env: { DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_APPLICATION_ID },
    key: publicKeyHex,
  } as const;
  return bench(platform, durationMs, rounds);
}

function workloadText(distinct: number): string {
  return `${distinct} distinct signed requests from 256 users in 64 channels, 16 commands (layers, moats, companies, compare, help, brief, /ask in both languages)`;
}
