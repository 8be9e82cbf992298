// Load from a second process on loopback: wrk (C, one thread) when it is installed, else a small
// closed-loop Node client (which costs more CPU and so compresses the ratios). Both cycle through a
// list of prepared requests, so a run can stand for many users in many channels.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * With two or more cores and taskset, the load generator runs on core 0 and every server measured
 * on core 1 (see pinToServerCore): on a shared machine this keeps the client and the server from
 * trading places on one core, which made runs vary by half.
 */
export const PINNED = cpus().length >= 2 && existsSync('/usr/bin/taskset') && process.env.BENCH_PIN !== '0';

/** Moves a server process (all its threads) onto the server core, when pinning. */
export function pinToServerCore(pid: number): void {
  if (PINNED) execFileSync('taskset', ['-a', '-p', '-c', '1', String(pid)], { stdio: 'ignore' });
}

export interface HttpRequest {
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  port: number;
  path: string;
  connections: number;
  durationMs: number;
  /** Sent in turn, round and round. */
  requests: readonly HttpRequest[];
}

export async function load(opts: LoadOptions): Promise<LoadResult> {
  return (await hasWrk()) ? loadWithWrk(opts) : loadWithNode(opts);
}

export async function loadClient(): Promise<string> {
  const client = (await hasWrk()) ? 'wrk (1 thread)' : 'a Node client (install wrk for lower client overhead)';
  return PINNED ? `${client}, the client on one core and the server on the other` : client;
}

async function loadWithNode(opts: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let next = 0;
  const deadline = performance.now() + opts.durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const { headers, body } = opts.requests[next++ % opts.requests.length]!;
      const start = performance.now();
      const req = request(
        {
          host: '127.0.0.1',
          port: opts.port,
          path: opts.path,
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - start);
            if ((res.statusCode ?? 0) >= 300) non2xx++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const worker = async () => {
    while (performance.now() < deadline) await one();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const elapsed = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: latencies.length,
    rps: Math.round((latencies.length / elapsed) * 1000),
    p50_ms: r(at(0.5)),
    p99_ms: r(at(0.99)),
    errors,
    non2xx,
  };
}

async function loadWithWrk(opts: LoadOptions): Promise<LoadResult> {
  const lua = [
    'local requests = {}',
    ...opts.requests.map(
      (r) =>
        // A headers table replaces wrk's own, Host included: without it Node answers 400.
        `requests[#requests + 1] = wrk.format("POST", nil, {${Object.entries({ host: `127.0.0.1:${opts.port}`, ...r.headers })
          .map(([k, v]) => `[${JSON.stringify(k)}] = ${JSON.stringify(v)}`)
          .join(', ')}}, ${luaString(r.body)})`,
    ),
    'local i = 0',
    'request = function()',
    '  i = i % #requests + 1',
    '  return requests[i]',
    'end',
    'done = function(s, latency, requests)',
    '  io.write(string.format("RESULT %d %d %d %d %d %d\\n", s.requests, s.duration, latency:percentile(50), latency:percentile(99), s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout, s.errors.status))',
    'end',
  ].join('\n');
  const script = join(mkdtempSync(join(tmpdir(), 'wrk-')), 'requests.lua');
  writeFileSync(script, lua);
  const seconds = Math.max(1, Math.round(opts.durationMs / 1000));
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      PINNED ? 'taskset' : 'wrk',
      [
        ...(PINNED ? ['-c', '0', 'wrk'] : []),
        '-t1',
        `-c${opts.connections}`,
        `-d${seconds}s`,
        '-s',
        script,
        `http://127.0.0.1:${opts.port}${opts.path}`,
      ],
      { maxBuffer: 1 << 20 },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    ),
  );
  const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out);
  if (!m) throw new Error(`unexpected wrk output: ${out}`);
  const [requests, durationUs, p50, p99, errors, non2xx] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return { requests, rps: Math.round(requests / (durationUs / 1e6)), p50_ms: p50 / 1000, p99_ms: p99 / 1000, errors, non2xx };
}

/** A Lua long string that survives any bytes in the body (JSON with quotes, Chinese text). */
function luaString(text: string): string {
  let level = '';
  while (text.includes(`]${level}]`)) level += '=';
  return `[${level}[${text}]${level}]`;
}

let wrkInstalled: Promise<boolean> | undefined;
function hasWrk(): Promise<boolean> {
  wrkInstalled ??= new Promise((resolve) =>
    execFile('wrk', ['--version'], (err) => resolve(!err || (err as NodeJS.ErrnoException).code !== 'ENOENT')),
  );
  return wrkInstalled;
}

/**
 * Measures several servers in interleaved rounds (A B C, A B C, …) and keeps each one's median
 * throughput and median latencies, so that a burst of noise from a shared machine hits every
 * server alike instead of whichever happened to be measured at the time.
 */
export async function interleaved<T extends string>(
  servers: readonly { name: T; port: number }[],
  connections: readonly number[],
  rounds: number,
  measure: (port: number, connections: number) => Promise<LoadResult>,
): Promise<({ server: T; connections: number } & LoadResult)[]> {
  const results = new Map<string, LoadResult[]>();
  for (let round = 0; round < rounds; round++) {
    for (const c of connections) {
      for (const s of servers) {
        const key = `${s.name}\u0000${c}`;
        results.set(key, [...(results.get(key) ?? []), await measure(s.port, c)]);
      }
    }
  }
  return servers.flatMap((s) =>
    connections.map((c) => {
      const runs = results.get(`${s.name}\u0000${c}`)!;
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const byRps = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
      // Each figure is the median of the rounds on its own: one stall must not decide the p99.
      return {
        server: s.name,
        connections: c,
        ...byRps,
        p50_ms: median(runs.map((r) => r.p50_ms)),
        p99_ms: median(runs.map((r) => r.p99_ms)),
      };
    }),
  );
}
