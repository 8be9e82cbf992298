// Rasterising charts: a few at a time, a bounded queue, failures not remembered, and the real
// render threads (a PNG drawn in another thread; an overrun ends its thread).
import { afterEach, describe, expect, it } from 'vitest';
import { createChartRenderer } from '../src/core/chart/chart-renderer.js';
import { renderThreads, threadedChartRenderer } from '../src/core/chart/render-threads.js';
import { heldRenders, turn, until } from './chart-helpers.js';
import { router, shellText } from './helpers.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const drawing = (i: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="${i}" height="5"/></svg>`;

describe('the chart renderer', () => {
  it('renders at most `concurrency` at once, and refuses past `maxWaiting` waiting', async () => {
    const renders = heldRenders({ concurrency: 2, maxWaiting: 3 });
    const asked = Array.from({ length: 8 }, (_, i) => renders.renderer.render(drawing(i + 1)));
    // Two run, three wait, three are refused at once (their answers go out saying so).
    expect(asked.map((png) => png !== undefined)).toEqual([true, true, true, true, true, false, false, false]);
    await turn();
    expect(renders.started).toHaveLength(2);
    expect(renders.renderer.load()).toEqual({ running: 2, waiting: 3 });
    // A finished render hands its turn to the next in line, never to more than two at once.
    for (let done = 1; done <= 5; done++) {
      renders.releaseOne();
      await until(() => renders.started.length === Math.min(5, done + 2));
    }
    const pngs = await Promise.all(asked.slice(0, 5));
    expect(pngs.every((png) => png && [...png.slice(0, 8)].join() === PNG_SIGNATURE.join())).toBe(true);
    expect(renders.maxRunning()).toBe(2);
    expect(renders.renderer.load()).toEqual({ running: 0, waiting: 0 });
    // With room again, a render is accepted.
    renders.releaseAll();
    expect(await renders.renderer.render(drawing(9))).toBeInstanceOf(Uint8Array);
  });

  it('bounds a flood of chart commands from the router the same way', async () => {
    const renders = heldRenders({ concurrency: 2, maxWaiting: 4 });
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => router.handle({ ...shellText(`/margin inference=${10 + i}%`), wantsChart: true })),
    );
    const asked = replies.map((r) => renders.renderer.render(r.chart!.svg!));
    expect(asked.filter(Boolean)).toHaveLength(6);
    await turn();
    expect(renders.started).toHaveLength(2);
    renders.releaseAll();
    await Promise.all(asked);
    expect(renders.started).toHaveLength(6);
    expect(renders.maxRunning()).toBe(2);
  });

  it('draws a chart asked for again once, even while its render is under way', async () => {
    const renders = heldRenders();
    const first = renders.renderer.render(drawing(3));
    const again = renders.renderer.render(drawing(3));
    expect(again).toBe(first);
    renders.releaseAll();
    expect(renders.renderer.render(drawing(3))).toBe(first);
    await first;
    expect(renders.started).toHaveLength(1);
  });

  it('does not remember a failure: the next ask renders again', async () => {
    let calls = 0;
    const renderer = createChartRenderer({
      rasterise: async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return new Uint8Array([1]);
      },
      concurrency: 1,
      maxWaiting: 1,
    });
    await expect(renderer.render(drawing(1))!).rejects.toThrow('boom');
    expect(await renderer.render(drawing(1))).toEqual(new Uint8Array([1]));
    expect(calls).toBe(2);
    expect(renderer.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('fails what is still waiting when closed, and accepts nothing after', async () => {
    const renders = heldRenders({ concurrency: 1, maxWaiting: 2 });
    const running = renders.renderer.render(drawing(1))!;
    const waiting = renders.renderer.render(drawing(2))!;
    await renders.renderer.close();
    await expect(waiting).rejects.toThrow(/closed/);
    expect(renders.renderer.render(drawing(3))).toBeUndefined();
    renders.releaseAll();
    await running;
  });
});

describe('render threads', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('rasterise a real chart to PNG in another thread, and end their threads when closed', async () => {
    const threads = renderThreads();
    closers.push(threads.close);
    const reply = await router.handle({ ...shellText('/margin inference=30% inference_change=-50%'), wantsChart: true });
    const png = await threads.rasterise(reply.chart!.svg!);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(threads.size).toBe(1);
    // The thread is reused for the next render.
    await threads.rasterise(drawing(4));
    expect(threads.size).toBe(1);
    await threads.close();
    expect(threads.size).toBe(0);
    await expect(threads.rasterise(drawing(5))).rejects.toThrow(/closed/);
  });

  it('report a drawing resvg cannot read as a failed render, and keep serving', async () => {
    const threads = renderThreads();
    closers.push(threads.close);
    await expect(threads.rasterise('not an svg')).rejects.toThrow(/chart render failed/);
    expect([...(await threads.rasterise(drawing(2))).slice(0, 8)]).toEqual(PNG_SIGNATURE);
  });

  it('end a thread whose render overruns, fail that render, and start a new thread for the next', async () => {
    // 1 ms: no thread starts, loads resvg and draws within it.
    const threads = renderThreads({ timeoutMs: 1 });
    closers.push(threads.close);
    await expect(threads.rasterise(drawing(1))).rejects.toThrow(/longer than 1 ms/);
    expect(threads.size).toBe(0);
  });

  it('end an idle thread after `idleMs`', async () => {
    const threads = renderThreads({ idleMs: 10 });
    closers.push(threads.close);
    await threads.rasterise(drawing(1));
    await until(() => threads.size === 0);
  });

  it('serve the bounded renderer', async () => {
    const renderer = threadedChartRenderer({ concurrency: 1, maxWaiting: 1 });
    closers.push(renderer.close);
    const first = renderer.render(drawing(1));
    const second = renderer.render(drawing(2));
    expect(renderer.render(drawing(3))).toBeUndefined();
    expect((await Promise.all([first, second])).map((png) => [...png!.slice(0, 4)])).toEqual([
      PNG_SIGNATURE.slice(0, 4),
      PNG_SIGNATURE.slice(0, 4),
    ]);
  });
});
