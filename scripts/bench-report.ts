// bench/results.json -> the README's "Latest run" section: the tables and each target, met or not,
// written from the figures so the README never says what the last run did not measure.
// `npm run bench` calls it; `tsx scripts/bench-report.ts` rewrites the section from the file alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { HttpBench, HttpRow } from './bench-http.js';
import type { ProcessRow } from './bench-process.js';
import type { ChartLoadRow } from './measure-charts.js';

export interface InProcessRow {
  name: string;
  runs: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

export interface Results {
  date: string;
  machine: { cpus: number; cpu: string; memory_gb: number; node: string };
  in_process: InProcessRow[];
  slack_http: HttpBench;
  discord_http: HttpBench;
  process: ProcessRow;
  /** Chart commands at once over Slack HTTP (absent in runs before they were measured). */
  charts?: ChartLoadRow[];
}

export interface Target {
  target: string;
  result: string;
  met: boolean;
}

const README = new URL('../README.md', import.meta.url);
const RESULTS = new URL('../bench/results.json', import.meta.url);
const START = '<!-- bench:start (written by scripts/bench-report.ts from bench/results.json) -->';
const END = '<!-- bench:end -->';

const row = (bench: HttpBench, server: string, connections: number): HttpRow | undefined =>
  bench.rows.find((r) => r.server === server && r.connections === connections);
const ratio = (bench: HttpBench, a: string, b: string, connections: number) => {
  const x = row(bench, a, connections);
  const y = row(bench, b, connections);
  return x && y ? Math.round((x.rps / y.rps) * 100) / 100 : Number.NaN;
};

export function targets(r: Results): Target[] {
  const inProcess = (prefix: string) => r.in_process.find((row) => row.name.startsWith(prefix));
  const slack = [10, 50].map((c) => ratio(r.slack_http, 'ours', 'bare', c));
  const discord = [10, 50].map((c) => ratio(r.discord_http, 'ours', 'verify-only', c));
  const slackP99 = row(r.slack_http, 'ours', 50)?.p99_ms ?? Number.NaN;
  const discordP99 = row(r.discord_http, 'ours', 50)?.p99_ms ?? Number.NaN;
  const ask = inProcess('/ask')?.p99_ms ?? Number.NaN;
  const digest = inProcess('/digest')?.p50_ms ?? Number.NaN;
  const charts50 = r.charts?.find((c) => c.commands === 50);
  return [
    {
      target: 'Slack: at least 0.5x a bare node:http server sending the same bytes',
      result: `${slack[0]}x (10 conn.), ${slack[1]}x (50)`,
      met: Math.min(...slack) >= 0.5,
    },
    {
      target: 'Discord: at least 0.9x a server that only verifies the signature',
      result: `${discord[0]}x (10 conn.), ${discord[1]}x (50)`,
      met: Math.min(...discord) >= 0.9,
    },
    { target: 'Slack p99 under 15 ms at 50 connections', result: `${slackP99} ms`, met: slackP99 < 15 },
    { target: 'Discord p99 under 50 ms at 50 connections', result: `${discordP99} ms`, met: discordP99 < 50 },
    {
      target: 'One-shot CLI at most 3x `node -e 0`',
      result: `${r.process.cli_vs_node}x (${r.process.cli_one_shot_ms} ms vs ${r.process.node_baseline_ms} ms)`,
      met: r.process.cli_vs_node <= 3,
    },
    { target: 'Server cold start under 1 s', result: `${r.process.cold_start_ms} ms`, met: r.process.cold_start_ms < 1000 },
    { target: 'Idle RSS under 150 MB', result: `${r.process.idle_rss_mb} MB`, met: r.process.idle_rss_mb < 150 },
    {
      target: 'RSS under 150 MB after a long varied load',
      result:
        `${r.process.loaded_rss_mb} MB after ${r.process.long_load_requests} requests` +
        (r.process.memory
          ? ` (V8 heap ${r.process.memory.heap.used_mb} MB used of ${r.process.memory.heap.total_mb} MB; RSS at checkpoints ${r.process.memory.checkpoints.map((c) => c.rss_mb).join(', ')} MB)`
          : ''),
      met: r.process.loaded_rss_mb < 150,
    },
    { target: '`/ask` p99 under 5 ms in process, without a model', result: `${ask} ms`, met: ask < 5 },
    { target: '`/digest` over 10,000 messages under 500 ms', result: `${digest} ms`, met: digest < 500 },
    {
      target: 'Fifty different chart commands at once, every one acknowledged within 3 s',
      result: charts50 ? `slowest ${charts50.ack_max_ms} ms, ${charts50.acks_late} late` : 'not measured',
      met: Boolean(charts50) && charts50!.acks_late === 0 && charts50!.errors === 0,
    },
  ];
}

export function markdown(r: Results): string {
  const httpTable = (title: string, bench: HttpBench) => [
    `${title}. ${bench.workload}; load from ${bench.client}, median of interleaved rounds:`,
    '',
    '| server | connections | req/s | p50 ms | p99 ms | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...bench.rows.map((x) => `| ${x.server} | ${x.connections} | ${x.rps} | ${x.p50_ms} | ${x.p99_ms} | ${x.errors + x.non2xx} |`),
    '',
  ];
  const m = r.machine;
  return [
    `Latest run: ${r.date.slice(0, 10)}, ${m.cpus} × ${m.cpu}, ${m.memory_gb} GB, Node ${m.node}. "ours" is the built bot started as \`npm start\` starts it (log level info, metrics and rate limits on, the limits set high); "bare" answers with the same bytes and does nothing else; "verify-only" checks the signature first.`,
    '',
    ...httpTable('Signed Slack slash commands', r.slack_http),
    ...httpTable('Signed Discord interactions', r.discord_http),
    'In process, with the reply cache off (what a command costs to compute):',
    '',
    '| command | runs | p50 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|',
    ...r.in_process.map((x) => `| ${x.name} | ${x.runs} | ${x.p50_ms} | ${x.p99_ms} | ${x.max_ms} |`),
    '',
    ...(r.charts
      ? [
          'Different `/margin` chart commands sent at once over Slack HTTP (text acknowledged first, charts rasterised in render threads):',
          '',
          '| commands | ack p50 ms | ack p95 ms | ack max ms | late (> 3 s) | charts shown | skipped | last chart ms | RSS after MB |',
          '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
          ...r.charts.map(
            (c) =>
              `| ${c.commands} | ${c.ack_p50_ms} | ${c.ack_p95_ms} | ${c.ack_max_ms} | ${c.acks_late} | ${c.charts_shown} | ${c.charts_skipped} | ${c.last_chart_ms ?? '-'} | ${c.rss_after_mb} |`,
          ),
          '',
        ]
      : []),
    '| target | result | |',
    '|---|---|---|',
    ...targets(r).map((t) => `| ${t.target} | ${t.result} | ${t.met ? 'met' : '**not met**'} |`),
  ].join('\n');
}

/** Replaces the README's section between the markers with `text`. */
export function writeReadme(text: string): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${START}" ... "${END}" section`);
  writeFileSync(README, `${readme.slice(0, start + START.length)}\n${text}\n${readme.slice(end)}`);
}

export function readResults(): Results {
  return JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeReadme(markdown(readResults()));
