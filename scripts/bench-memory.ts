// Resident memory of the server as `npm start` starts it (node dist/app/bin.js; Slack and Discord
// over HTTP, rate limits, logs and metrics on) after a long varied load: every request different,
// from 20,000 users in 4,000 channels (scripts/bench-memory-workload.ts). RSS is read from /proc
// at checkpoints, so a figure that keeps climbing shows as such. Run alone with
// `npx tsx scripts/bench-memory.ts [requests]`; `npm run bench` runs it too.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { productionEnv, startBot } from './bench-servers.js';
import { discordMemoryWorkload, MEMORY_DISCORD_APP, MEMORY_SLACK_SECRET, slackMemoryRequests } from './bench-memory-workload.js';
import type { HttpRequest } from './load.js';

export interface MemoryRow {
  idle_rss_mb: number;
  /** RSS after each checkpoint's number of requests. */
  checkpoints: { requests: number; rss_mb: number }[];
  /** RSS 3 s after the last request: charts still drawing, follow-ups still failing against an unreachable API. */
  loaded_rss_mb: number;
  /** RSS once that work is done and idle render threads have ended (40 s after the last request). */
  settled_rss_mb?: number;
  requests: number;
  non2xx: number;
  /** Where the memory is, from the bot's own /metrics: V8's heap (used and reserved) and memory outside it. */
  heap: { used_mb: number; total_mb: number; external_mb: number };
}

async function heapFigures(port: number): Promise<MemoryRow['heap']> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const mb = (name: string) => Math.round(Number(new RegExp(`^genai_bot_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN) / 1048576);
  return {
    used_mb: mb('nodejs_heap_size_used_bytes'),
    total_mb: mb('nodejs_heap_size_total_bytes'),
    external_mb: mb('nodejs_external_memory_bytes'),
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Sends every request once, `connections` at a time; returns how many were not answered 2xx. */
async function sendAll(port: number, list: readonly { path: string; req: HttpRequest }[], connections: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < list.length) {
      const { path, req } = list[next++]!;
      const status = await new Promise<number>((resolve) => {
        const r = request(
          {
            host: '127.0.0.1',
            port,
            path,
            method: 'POST',
            agent,
            headers: { ...req.headers, 'content-length': Buffer.byteLength(req.body) },
          },
          (res) => {
            res.resume();
            res.once('end', () => resolve(res.statusCode ?? 0));
          },
        );
        r.once('error', () => resolve(0));
        r.end(req.body);
      });
      if (status < 200 || status >= 300) failed++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return failed;
}

export async function benchMemory(total = 30_000, checkpoints = 6): Promise<MemoryRow> {
  const discord = discordMemoryWorkload();
  const env = productionEnv({
    SLACK_SIGNING_SECRET: MEMORY_SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    DISCORD_PUBLIC_KEY: discord.publicKeyHex,
    DISCORD_APPLICATION_ID: MEMORY_DISCORD_APP,
  });
  const bot = await startBot(env);
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const idle = rssMb(bot.child.pid!);
    const marks: MemoryRow['checkpoints'] = [];
    let non2xx = 0;
    const step = Math.ceil(total / checkpoints / 2);
    for (let from = 0; from * 2 < total; from += step) {
      // Signed just before they are sent; the two platforms' requests arrive interleaved.
      const slack = slackMemoryRequests(from, step);
      const fromDiscord = discord.requests(from, step);
      const batch = slack.flatMap((req, k) => [
        { path: '/slack/events', req },
        { path: '/discord/interactions', req: fromDiscord[k]! },
      ]);
      non2xx += await sendAll(bot.port, batch, 50);
      marks.push({ requests: (from + step) * 2, rss_mb: rssMb(bot.child.pid!) });
      console.error(`memory: ${marks.at(-1)!.requests} requests, ${marks.at(-1)!.rss_mb} MB RSS`);
    }
    // Follow-ups (charts, retries to an unreachable platform) settle before the last reading.
    await new Promise((r) => setTimeout(r, 3000));
    const loaded = rssMb(bot.child.pid!);
    // Render threads end after 30 s idle (src/core/chart/render-threads.ts) and give their memory back.
    await new Promise((r) => setTimeout(r, 37_000));
    return {
      idle_rss_mb: idle,
      checkpoints: marks,
      loaded_rss_mb: loaded,
      settled_rss_mb: rssMb(bot.child.pid!),
      requests: marks.at(-1)!.requests,
      non2xx,
      heap: await heapFigures(bot.port),
    };
  } finally {
    await bot.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Number(process.argv[2] ?? 30_000);
  console.log(JSON.stringify(await benchMemory(total), null, 2));
}
