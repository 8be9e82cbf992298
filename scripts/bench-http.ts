// Signed requests from many users against the bot as `npm start` runs it, beside servers that send
// the same bytes: a bare node:http server (the floor) and one that only verifies the signature
// (Discord's bound: Ed25519). All measured in one run, in interleaved rounds, with the same client.
import { discordWorkload, SLACK_SECRET, slackRequests, DISCORD_APPLICATION_ID } from './bench-workload.js';
import { productionEnv, recordReplies, type Running, startBot, startReference } from './bench-servers.js';
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

async function bench(
  path: string,
  requests: HttpRequest[],
  bot: Running,
  references: (replies: string) => Promise<Record<string, Running>>,
  durationMs: number,
  rounds: number,
): Promise<HttpRow[]> {
  const replies = await recordReplies(bot.port, path, requests);
  const others = await references(replies);
  const servers = [{ name: 'ours', port: bot.port }, ...Object.entries(others).map(([name, s]) => ({ name, port: s.port }))];
  try {
    for (const s of servers) await load({ port: s.port, path, connections: 10, durationMs: 1000, requests }); // warm-up
    return await interleaved(servers, CONNECTIONS, rounds, (port, connections) => load({ port, path, connections, durationMs, requests }));
  } finally {
    await Promise.all([bot.stop(), ...Object.values(others).map((s) => s.stop())]);
  }
}

export async function benchSlackHttp(durationMs = 3000, rounds = 3): Promise<HttpBench> {
  const requests = slackRequests();
  const bot = await startBot(productionEnv({ SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_BOT_TOKEN: 'xoxb-bench' }));
  const rows = await bench(
    '/slack/events',
    requests,
    bot,
    async (replies) => ({
      bare: await startReference('slack', 'bare', replies, SLACK_SECRET),
      'verify-only': await startReference('slack', 'verify-only', replies, SLACK_SECRET),
    }),
    durationMs,
    rounds,
  );
  return { client: await loadClient(), workload: workloadText(requests.length), rows };
}

export async function benchDiscordHttp(durationMs = 3000, rounds = 3): Promise<HttpBench> {
  const { publicKeyHex, requests } = discordWorkload();
  const bot = await startBot(productionEnv({ DISCORD_PUBLIC_KEY: publicKeyHex, DISCORD_APPLICATION_ID }));
  const rows = await bench(
    '/discord/interactions',
    requests,
    bot,
    async (replies) => ({
      bare: await startReference('discord', 'bare', replies, publicKeyHex),
      'verify-only': await startReference('discord', 'verify-only', replies, publicKeyHex),
    }),
    durationMs,
    rounds,
  );
  return { client: await loadClient(), workload: workloadText(requests.length), rows };
}

function workloadText(distinct: number): string {
  return `${distinct} distinct signed requests from 256 users in 64 channels, 16 commands (layers, moats, companies, compare, help, brief, /ask in both languages)`;
}
