// Test doubles for chart rendering: a rasteriser whose renders finish only when the test lets them
// go (so a test can look at what was sent while a chart is still being drawn), counting how many
// run at once; and one that fails. Both behind the real bounded renderer.
import { type ChartRenderer, createChartRenderer } from '../src/core/chart/chart-renderer.js';
import { renderPng } from '../src/core/chart/render-png.js';

export interface HeldRenders {
  renderer: ChartRenderer;
  /** Renders started (given to the rasteriser), in order. */
  started: string[];
  /** The most renders that were running at once. */
  maxRunning: () => number;
  /** Lets the oldest held render finish, with a real PNG of its drawing. */
  releaseOne(): void;
  /** Lets every held render finish, and any started later. */
  releaseAll(): void;
}

export function heldRenders(bounds: { concurrency: number; maxWaiting: number } = { concurrency: 2, maxWaiting: 10 }): HeldRenders {
  const started: string[] = [];
  const held: (() => void)[] = [];
  let running = 0;
  let most = 0;
  let open = false;
  const rasterise = async (svg: string) => {
    started.push(svg);
    running++;
    most = Math.max(most, running);
    if (!open) await new Promise<void>((go) => held.push(go));
    running--;
    return renderPng(svg);
  };
  return {
    renderer: createChartRenderer({ rasterise, ...bounds }),
    started,
    maxRunning: () => most,
    releaseOne: () => held.shift()?.(),
    releaseAll: () => {
      open = true;
      for (const go of held.splice(0)) go();
    },
  };
}

/** A renderer whose every render fails, as a crashed render thread would. */
export function failingRenders(): ChartRenderer {
  return createChartRenderer({
    rasterise: async () => {
      throw new Error('render thread crashed');
    },
    concurrency: 1,
    maxWaiting: 10,
  });
}

/** Waits until `check` holds: follow-ups are asynchronous by design. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Lets pending promise callbacks and I/O callbacks run. */
export const turn = () => new Promise((r) => setImmediate(r));
