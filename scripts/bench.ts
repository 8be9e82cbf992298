// npm run bench: in-process latency of every command (/ask over the evaluation sets, /digest over
// 10,000 messages), the server as `npm start` runs it under signed load from many users beside
// reference servers, and the process itself (cold start, the one-shot CLI, memory). Writes
// bench/results.json and the README's "Latest run" section. Timings are recorded, never asserted
// by a test: machines are shared and noisy. `npm run build` first: the server measured is dist/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { commands } from '../commands/index.js';
import { defaultKnowledgeBase } from '../src/core/knowledge/load.js';
import type { Invocation } from '../src/router/invocation.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';
import { benchDiscordHttp, benchSlackHttp } from './bench-http.js';
import { benchPostgres } from './bench-postgres.js';
import { benchProcess } from './bench-process.js';
import { markdown, type Results, targets, writeReadme } from './bench-report.js';
import { measureCharts } from './measure-charts.js';
import { evaluationSets } from './evaluate.js';

// The reply cache is off: these rows measure what a command costs to compute, not a cache hit.
const router = createRouter({
  commands,
  kb: defaultKnowledgeBase(),
  store: memoryStore(),
  logger: { error: () => undefined },
  cacheSize: 0,
});
const invocation = (command: string, args: string): Invocation => ({
  platform: 'shell',
  command,
  args,
  userId: 'shell:bench',
  channelId: 'shell:bench',
  isAdmin: false,
});

interface Row {
  name: string;
  runs: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

async function measure(name: string, inputs: Invocation[], rounds: number): Promise<Row> {
  for (const input of inputs) await router.handle(input); // warm-up: indexes, JIT
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = performance.now();
      await router.handle(input);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, runs: times.length, p50_ms: round(at(0.5)), p99_ms: round(at(0.99)), max_ms: round(times.at(-1)!) };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

// Every evaluation set, tuning and blind: the questions people are expected to ask.
const questions = evaluationSets().flatMap((set) => set.questions.map((q) => invocation('ask', q.question)));
const rows = [
  await measure('/help', [invocation('help', '')], 500),
  await measure(
    '/layer (3 layers, en+zh)',
    ['apps', 'models', 'infra', '应用', '模型', '基础设施'].map((l) => invocation('layer', l)),
    200,
  ),
  await measure('/moat nvidia', [invocation('moat', 'nvidia')], 500),
  await measure(
    '/company (every company)',
    defaultKnowledgeBase().companies.map((c) => invocation('company', c.name)),
    20,
  ),
  await measure('/compare openai stability', [invocation('compare', 'openai stability')], 500),
  await measure('/brief', [invocation('brief', '')], 500),
  await measure('/brief figures', [invocation('brief', 'figures')], 500),
  await measure(`/ask (evaluation sets, ${questions.length} questions)`, questions, 5),
  await measure('/margin with what-if', [invocation('margin', 'revenue=1M inference=30% other_cogs=10% inference_change=-50%')], 200),
  // The chart is drawn (SVG) here; its PNG is rasterised later in a render thread (measure-charts.ts).
  await measure('/margin with chart (SVG)', [{ ...invocation('margin', 'inference=30% inference_change=-50%'), wantsChart: true }], 20),
  await measure('/flow', [invocation('flow', '')], 200),
  await measure('/flow with chart (SVG)', [{ ...invocation('flow', ''), wantsChart: true }], 20),
];

// /digest over 10,000 messages: a busy channel's week, with threads, figures and questions.
const sentences = [
  'Nvidia is the real winner here, data center revenue was $3.8B last quarter',
  'inference is 60% of revenue for our app, is that normal?',
  'the essay says clouds take 10-20% of all genai revenue',
  'do model providers have any moat at all?',
  '英伟达的护城河是生态,90倍的引用量',
  'Jasper raised $125M at a $1.5B valuation',
  'lunch?',
];
const busy = Array.from({ length: 10_000 }, (_, i) => ({
  id: String(i),
  author: `user${i % 40}`,
  text: sentences[i % sentences.length]!,
  at: new Date(Date.UTC(2023, 0, 23) + i * 60_000),
  replyCount: i % 50 === 0 ? 5 : 0,
  reactions: i % 7,
  ...(i % 10 === 3 ? { threadId: String(i - 3) } : {}),
}));
// The export's own period, as --history gives it: every message is inside the window.
const history = { read: async () => ({ messages: busy, period: { from: busy[0]!.at, to: busy.at(-1)!.at } }) };
rows.push(await measure('/digest over 10,000 messages', [{ ...invocation('digest', 'days=90'), history }], 10));

// The PostgreSQL store, when a server answers (issue 17's targets: each under 5 ms p99).
rows.push(...(await benchPostgres()));

console.error('in-process done; HTTP next (a few minutes)');
const slack = await benchSlackHttp();
const discord = await benchDiscordHttp();
console.error('HTTP done; the process next (about a minute)');
const proc = await benchProcess();
console.error('the process done; chart commands under load next (about a minute)');
const charts = await measureCharts([50, 120]);

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memory_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const results: Results = {
  date: new Date().toISOString(),
  machine,
  in_process: rows,
  slack_http: slack,
  discord_http: discord,
  process: proc,
  charts,
};
mkdirSync(new URL('../bench/', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench/results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
const report = markdown(results);
writeReadme(report);
console.log(report);
const missed = targets(results).filter((t) => !t.met);
console.log(missed.length ? `\nNot met: ${missed.map((t) => t.target).join('; ')}` : '\nEvery target met.');
