// Render threads: worker threads that rasterise charts (render-worker.ts), so the event loop never
// spends tens of milliseconds on one. chart-renderer.ts decides how many render at once; here a
// thread takes one render at a time, starts when first needed, ends after a while idle (its memory
// goes back), and is ended and replaced when a render overruns (the only way to stop native code).
// A busy thread keeps the process alive (a stop waits for the chart, up to its grace period); an
// idle one does not.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ChartRenderer, createChartRenderer } from './chart-renderer.js';
import type { RenderRequest, RenderResponse } from './render-worker.js';

export interface RenderThreadsOptions {
  /** Longest a render may take before its thread is ended and the render fails (default 20 s). */
  timeoutMs?: number;
  /** An idle thread ends after this long (default 30 s); the next render starts another. */
  idleMs?: number;
}

export interface RenderThreads {
  rasterise(svg: string): Promise<Uint8Array>;
  /** Threads alive now, busy or idle. */
  readonly size: number;
  /** Ends every thread; renders under way fail. */
  close(): Promise<void>;
}

interface Job {
  id: number;
  resolve(png: Uint8Array): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

interface Thread {
  worker: Worker;
  job?: Job | undefined;
  idleTimer?: NodeJS.Timeout;
}

export function renderThreads(options: RenderThreadsOptions = {}): RenderThreads {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const idleMs = options.idleMs ?? 30_000;
  const alive = new Set<Thread>();
  const idle: Thread[] = [];
  let lastId = 0;
  let closed = false;

  function start(): Thread {
    const thread: Thread = { worker: spawnRenderWorker() };
    alive.add(thread);
    thread.worker.on('message', (message: RenderResponse) => {
      const job = thread.job;
      if (!job || job.id !== message.id) return;
      clearTimeout(job.timer);
      thread.job = undefined;
      park(thread);
      if ('png' in message) job.resolve(message.png);
      else job.reject(new Error(`chart render failed: ${message.error}`));
    });
    // An uncaught error ends the thread ('exit' follows); either way its render fails.
    thread.worker.on('error', (err) => end(thread, err));
    thread.worker.on('exit', (code) => end(thread, new Error(`the render thread exited (code ${code})`)));
    return thread;
  }

  function park(thread: Thread): void {
    thread.worker.unref();
    idle.push(thread);
    thread.idleTimer = setTimeout(() => end(thread), idleMs);
    thread.idleTimer.unref();
  }

  /** Ends a thread (idle too long, overran, crashed, or closing); its render, if any, fails with `err`. */
  function end(thread: Thread, err?: Error): void {
    if (!alive.delete(thread)) return;
    clearTimeout(thread.idleTimer);
    const at = idle.indexOf(thread);
    if (at >= 0) idle.splice(at, 1);
    const job = thread.job;
    thread.job = undefined;
    if (job) {
      clearTimeout(job.timer);
      job.reject(err ?? new Error('the render thread ended'));
    }
    void thread.worker.terminate();
  }

  function rasterise(svg: string): Promise<Uint8Array> {
    if (closed) return Promise.reject(new Error('the render threads are closed'));
    // The most recently used idle thread: the others stay idle long enough to end.
    const thread = idle.pop() ?? start();
    clearTimeout(thread.idleTimer);
    thread.worker.ref();
    return new Promise<Uint8Array>((resolve, reject) => {
      const id = ++lastId;
      const timer = setTimeout(() => end(thread, new Error(`chart render took longer than ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
      thread.job = { id, resolve, reject, timer };
      thread.worker.postMessage({ id, svg } satisfies RenderRequest);
    });
  }

  return {
    rasterise,
    get size() {
      return alive.size;
    },
    async close() {
      closed = true;
      const workers = [...alive].map((t) => t.worker);
      for (const thread of [...alive]) end(thread, new Error('the render threads were closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * From the bundle (npm start, the container), the worker is its own entry beside this chunk. From
 * the TypeScript sources (tests, tsx scripts) it is loaded through tsx, as its parent was.
 */
function spawnRenderWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./render-worker.js', import.meta.url));
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, {
    eval: true,
  });
}

export interface ThreadedRendererOptions extends RenderThreadsOptions {
  /** Renders at once (default: the machine's cores, at most 4). */
  concurrency?: number;
  /** Renders that may wait (default 64 per thread: a few seconds of work each). */
  maxWaiting?: number;
}

/** Charts rasterised in render threads, bounded as chart-renderer.ts describes. */
export function threadedChartRenderer(options: ThreadedRendererOptions = {}): ChartRenderer {
  const concurrency = options.concurrency ?? Math.max(1, Math.min(4, availableParallelism()));
  const threads = renderThreads(options);
  return createChartRenderer({
    rasterise: threads.rasterise,
    concurrency,
    maxWaiting: options.maxWaiting ?? 64 * concurrency,
    close: threads.close,
  });
}

let shared: ChartRenderer | undefined;

/**
 * One renderer for the process: the bound is on the machine's CPU, so Slack and Discord share it.
 * Created on first use; its threads end when idle, so nothing of it outlives its work.
 */
export function sharedChartRenderer(): ChartRenderer {
  shared ??= threadedChartRenderer();
  return shared;
}
