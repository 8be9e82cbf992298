// npm run bench: in-process latency of every command, /ask over the evaluation set. Writes
// bench/results.json and prints a table. Timings are recorded, never asserted: machines are noisy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { commands } from '../commands/index.js';
import { defaultKnowledgeBase } from '../src/core/knowledge/load.js';
import type { Invocation } from '../src/router/invocation.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';
import { loadQuestions } from './evaluate.js';

const router = createRouter({ commands, kb: defaultKnowledgeBase(), store: memoryStore(), logger: { error: () => undefined } });
const invocation = (command: string, args: string): Invocation => ({ platform: 'shell', command, args, userId: 'shell:bench', channelId: 'shell:bench', isAdmin: false });

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

const questions = loadQuestions().map((q) => invocation('ask', q.question));
const rows = [
  await measure('/help', [invocation('help', '')], 500),
  await measure('/layer (3 layers, en+zh)', ['apps', 'models', 'infra', '应用', '模型', '基础设施'].map((l) => invocation('layer', l)), 200),
  await measure('/moat nvidia', [invocation('moat', 'nvidia')], 500),
  await measure('/company (every company)', defaultKnowledgeBase().companies.map((c) => invocation('company', c.name)), 20),
  await measure('/compare openai stability', [invocation('compare', 'openai stability')], 500),
  await measure('/brief', [invocation('brief', '')], 500),
  await measure('/brief figures', [invocation('brief', 'figures')], 500),
  await measure(`/ask (evaluation set, ${questions.length} questions)`, questions, 5),
];

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version };
mkdirSync(new URL('../bench/', import.meta.url), { recursive: true });
writeFileSync(new URL('../bench/results.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), machine, in_process: rows }, null, 2)}\n`);

console.log(`In-process latency (${machine.cpus} × ${machine.cpu}, ${machine.memory_gb} GB, Node ${machine.node})\n`);
console.log('| command | runs | p50 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.runs} | ${r.p50_ms} | ${r.p99_ms} | ${r.max_ms} |`);
