// Charts rasterised a few at a time, with a bounded wait. A flood of chart commands must neither
// take the CPU from acknowledging other requests (renders run elsewhere, at most `concurrency` at
// once) nor grow memory without limit (at most `maxWaiting` wait; past that a render is refused at
// once and the answer goes out saying its chart was skipped). The rasteriser is injected: render
// threads in the server (render-threads.ts), a slow or failing fake in tests.

export interface ChartRenderer {
  /**
   * The PNG of `svg`: a render started now, or the one already started for the same drawing.
   * Undefined, at once, when `maxWaiting` renders are already waiting.
   */
  render(svg: string): Promise<Uint8Array> | undefined;
  /** Renders running and waiting now. */
  load(): { running: number; waiting: number };
  /** Stops rendering: renders still waiting fail; the rasteriser's own resources are released. */
  close(): Promise<void>;
}

export interface ChartRendererOptions {
  rasterise(svg: string): Promise<Uint8Array>;
  /** Renders at once: about the machine's cores, since each takes one. */
  concurrency: number;
  /** Renders that may wait for a turn; more are refused. */
  maxWaiting: number;
  /** PNGs kept by drawing, so a chart asked for again (a popular question) is rasterised once. */
  keep?: number;
  /** Releases what `rasterise` holds (threads). */
  close?: () => Promise<void>;
}

interface Waiter {
  go(): void;
  fail(err: Error): void;
}

export function createChartRenderer(options: ChartRendererOptions): ChartRenderer {
  const { concurrency, maxWaiting } = options;
  const keep = options.keep ?? 32;
  let running = 0;
  let closed = false;
  const waiting: Waiter[] = [];
  const recent = new Map<string, Promise<Uint8Array>>();

  /** A turn to render; a finished render hands its turn straight to the next in line. */
  function turn(): Promise<void> {
    if (closed) return Promise.reject(new Error('the chart renderer is closed'));
    if (running < concurrency) {
      running++;
      return Promise.resolve();
    }
    return new Promise((go, fail) => waiting.push({ go, fail }));
  }

  function done(): void {
    const next = waiting.shift();
    if (next) next.go();
    else running--;
  }

  async function rasterise(svg: string): Promise<Uint8Array> {
    await turn();
    try {
      return await options.rasterise(svg);
    } finally {
      done();
    }
  }

  return {
    render(svg) {
      const known = recent.get(svg);
      if (known) {
        // Most recently used last: the oldest goes first when the map is full.
        recent.delete(svg);
        recent.set(svg, known);
        return known;
      }
      if (closed || (running >= concurrency && waiting.length >= maxWaiting)) return undefined;
      const png = rasterise(svg);
      recent.set(svg, png);
      if (recent.size > keep) recent.delete(recent.keys().next().value!);
      // A failure is not kept: the next ask tries again. (This also marks the rejection handled;
      // the caller handles its own.)
      png.catch(() => {
        if (recent.get(svg) === png) recent.delete(svg);
      });
      return png;
    },
    load: () => ({ running, waiting: waiting.length }),
    async close() {
      closed = true;
      for (const waiter of waiting.splice(0)) waiter.fail(new Error('the chart renderer was closed'));
      recent.clear();
      await options.close?.();
    },
  };
}
