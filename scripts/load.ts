// A small closed-loop load generator: N keep-alive connections on loopback, each sending the next
// request when the last one answers, for a fixed time. Enough to compare servers side by side in
// one run; the absolute numbers depend on the machine and on this client sharing it.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

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
  makeRequest: () => { headers: Record<string, string>; body: string };
}

export async function load(opts: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const deadline = performance.now() + opts.durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const { headers, body } = opts.makeRequest();
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

/** The same measurement with wrk (C, one thread), when it is installed: the client then costs far less than the server. */
export async function loadWithWrk(opts: LoadOptions): Promise<LoadResult> {
  const { execFile } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { headers, body } = opts.makeRequest();
  const lua = [
    'wrk.method = "POST"',
    `wrk.body = ${JSON.stringify(body)}`,
    ...Object.entries(headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`),
    'done = function(s, latency, requests)',
    '  io.write(string.format("RESULT %d %d %d %d %d %d\\n", s.requests, s.duration, latency:percentile(50), latency:percentile(99), s.errors.connect + s.errors.read + s.errors.write + s.errors.timeout, s.errors.status))',
    'end',
  ].join('\n');
  const script = join(mkdtempSync(join(tmpdir(), 'wrk-')), 'post.lua');
  writeFileSync(script, lua);
  const seconds = Math.max(1, Math.round(opts.durationMs / 1000));
  const out = await new Promise<string>((resolve, reject) =>
    execFile(
      'wrk',
      ['-t1', `-c${opts.connections}`, `-d${seconds}s`, '-s', script, `http://127.0.0.1:${opts.port}${opts.path}`],
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    ),
  );
  const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out);
  if (!m) throw new Error(`unexpected wrk output: ${out}`);
  const [requests, durationUs, p50, p99, errors, non2xx] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return { requests, rps: Math.round(requests / (durationUs / 1e6)), p50_ms: p50 / 1000, p99_ms: p99 / 1000, errors, non2xx };
}

export async function hasWrk(): Promise<boolean> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) =>
    execFile('wrk', ['--version'], (err) => resolve(!err || (err as NodeJS.ErrnoException).code !== 'ENOENT')),
  );
}

/**
 * Measures several servers in interleaved rounds (A B C, A B C, …) and keeps each one's median
 * throughput and median latencies, so that a burst of noise from a shared machine hits every server alike
 * instead of whichever happened to be measured at the time.
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
