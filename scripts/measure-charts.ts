// Chart commands under load, measured on the built bot as `npm start` runs it (node dist/app/bin.js,
// Slack over HTTP) against a local fake of Slack's API: N different /margin commands sent at once,
// signed as Slack signs them, each from its own user and channel. Reports the time from sending to
// each acknowledgement (Slack shows a timeout after 3 s), whether the acknowledgement carried the
// answer, and the time to the charts (the response_url post that shows each one). Timings are
// recorded here and in reports, never asserted by a test.
//
//   npm run build && npx tsx scripts/measure-charts.ts [50 120 ...]
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type FakeSlackApi, startFakeSlackApi } from '../test/fakes/slack-api.js';

const BIN = fileURLToPath(new URL('../dist/app/bin.js', import.meta.url));
const SECRET = 'measure-signing-secret';
/** Slack's acknowledgement window. */
const DEADLINE_MS = 3000;
/** How long to wait for the last chart after the last acknowledgement. */
const CHART_WAIT_MS = 120_000;

export interface ChartLoadRow {
  commands: number;
  ack_p50_ms: number;
  ack_p95_ms: number;
  ack_max_ms: number;
  /** Acknowledged after Slack's 3 s. */
  acks_late: number;
  /** Acknowledgements that carried the answer's text (the rest said "working on it"). */
  acks_with_answer: number;
  /** Charts shown (a response_url post with an image block), and when the last one was. */
  charts_shown: number;
  charts_skipped: number;
  last_chart_ms: number | null;
  /** Failed: no HTTP 200, or no answer and no chart by the end. */
  errors: number;
  /** Resident memory of the bot (and its render threads) once the charts are out. */
  rss_after_mb: number;
}

interface Sent {
  responsePath: string;
  ackMs: number;
  ackText: string;
  status: number;
}

/** Different /margin commands: no two share inputs, so no answer or chart is served from a cache. */
function marginText(i: number): string {
  return `revenue=${i + 1}M inference=${10 + (i % 60)}% other_cogs=${5 + Math.floor(i / 60)}% inference_change=-${20 + (i % 7) * 10}%`;
}

function slashBody(i: number, responseUrl: string, text = marginText(i)): string {
  return new URLSearchParams({
    team_id: 'T0MEASURE',
    channel_id: `C${String(i).padStart(8, '0')}`,
    user_id: `U${String(i).padStart(8, '0')}`,
    command: '/margin',
    text,
    response_url: responseUrl,
    trigger_id: `${i}.measure`,
  }).toString();
}

function signed(body: string): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000));
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': ts,
    'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
  };
}

interface Bot {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** The built bot with the Slack HTTP endpoint; its logs go to a file, as a log collector takes them. */
async function startBot(slack: FakeSlackApi): Promise<Bot> {
  const dir = mkdtempSync(join(tmpdir(), 'measure-charts-'));
  const logFile = join(dir, 'bot.log');
  const logs = openSync(logFile, 'w');
  const child = spawn(process.execPath, [BIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      LOG_LEVEL: 'info',
      STORE_PATH: join(dir, 'store.json'),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-measure',
      SLACK_API_URL: slack.apiUrl,
    },
    stdio: ['ignore', 'ignore', logs],
  });
  closeSync(logs);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = performance.now();
  let port = 0;
  while (!port) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}: ${readFileSync(logFile, 'utf8')}`);
    if (performance.now() - started > 15_000) throw new Error(`the bot did not start: ${readFileSync(logFile, 'utf8')}`);
    port = Number(/"port":(\d+).*listening on port/.exec(readFileSync(logFile, 'utf8'))?.[1] ?? 0);
    if (!port) await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function send(port: number, body: string, responsePath: string, t0: number): Promise<Sent> {
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signed(body), body });
  const ackText = await res.text();
  return { responsePath, ackMs: performance.now() - t0, ackText, status: res.status };
}

const hasImage = (body: unknown) =>
  typeof body === 'object' && body !== null && JSON.stringify((body as { blocks?: unknown }).blocks ?? []).includes('"type":"image"');

/** The acknowledgement was "working on it" rather than the answer: the answer came later. */
const isWorkingNote = (ackText: string) => ackText.includes('Working on it');
/** The answer says its chart was skipped (too many charts waiting). */
const saysChartSkipped = (text: string) => /chart (was )?skipped/i.test(text);

async function measureOnce(count: number, slack: FakeSlackApi): Promise<ChartLoadRow> {
  const bot = await startBot(slack);
  try {
    // One chart first, so the figures are of a running bot, not of loading the renderer.
    const warm = await send(
      bot.port,
      slashBody(count, slack.responseUrl('warm'), 'revenue=5M inference=77% other_cogs=3%'),
      '/commands/warm',
      performance.now(),
    );
    if (warm.status !== 200) throw new Error(`warm-up answered ${warm.status}: ${warm.ackText}`);
    await waitFor(() => slack.callsTo('/commands/warm').some((c) => hasImage(c.body)), 30_000);

    const requests = Array.from({ length: count }, (_, i) => {
      const path = `/commands/load-${count}-${i}`;
      return { body: slashBody(i, slack.responseUrl(`load-${count}-${i}`)), path };
    });
    const t0 = performance.now();
    const sent = await Promise.all(requests.map((r) => send(bot.port, r.body, r.path, t0)));
    const skipped = new Set(sent.filter((s) => saysChartSkipped(s.ackText)).map((s) => s.responsePath));
    const chartAt = (s: Sent) => slack.callsTo(s.responsePath).find((c) => hasImage(c.body))?.at;
    const answered = (s: Sent) =>
      !isWorkingNote(s.ackText) ||
      slack.callsTo(s.responsePath).some((c) => typeof c.body === 'object' && !isWorkingNote(c.body.text as string));
    const pending = () =>
      sent.filter((s) => s.status === 200 && !skipped.has(s.responsePath) && (chartAt(s) === undefined || !answered(s)));
    await waitFor(() => pending().length === 0, CHART_WAIT_MS).catch(() => undefined);
    for (const s of sent)
      if (slack.callsTo(s.responsePath).some((c) => saysChartSkipped(JSON.stringify(c.body)))) skipped.add(s.responsePath);

    const acks = sent.map((s) => s.ackMs).sort((a, b) => a - b);
    const charts = sent.map(chartAt).filter((at): at is number => at !== undefined);
    const at = (q: number) => acks[Math.min(acks.length - 1, Math.floor(q * acks.length))]!;
    const round = (ms: number) => Math.round(ms);
    return {
      commands: count,
      ack_p50_ms: round(at(0.5)),
      ack_p95_ms: round(at(0.95)),
      ack_max_ms: round(acks.at(-1)!),
      acks_late: acks.filter((ms) => ms > DEADLINE_MS).length,
      acks_with_answer: sent.filter((s) => s.status === 200 && !isWorkingNote(s.ackText)).length,
      charts_shown: charts.length,
      charts_skipped: skipped.size,
      last_chart_ms: charts.length ? round(Math.max(...charts) - t0) : null,
      errors: sent.filter((s) => s.status !== 200 || (!skipped.has(s.responsePath) && (!answered(s) || chartAt(s) === undefined))).length,
      rss_after_mb: rssMb(bot.child.pid!),
    };
  } finally {
    await bot.stop();
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One fresh bot per count: N different /margin commands at once, then their charts. */
export async function measureCharts(counts: readonly number[] = [50, 120]): Promise<ChartLoadRow[]> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  const slack = await startFakeSlackApi();
  try {
    const rows: ChartLoadRow[] = [];
    for (const count of counts) rows.push(await measureOnce(count, slack));
    return rows;
  } finally {
    await slack.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const counts = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const rows = await measureCharts(counts.length ? counts : [50, 120]);
  console.table(rows);
  console.log(JSON.stringify(rows));
}
