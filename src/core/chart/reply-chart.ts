// The answer first, the picture after: what an adapter does with a reply that has a chart. The
// render starts now (off the event loop); the adapter sends the text, then the PNG when it comes.
// When too many charts are waiting, the answer says its chart was skipped instead; when a render
// fails, that is logged and the answer already sent stands.
import { t } from '../i18n/strings.js';
import type { Reply } from '../reply.js';
import type { ChartRenderer } from './chart-renderer.js';

export interface ChartLogger {
  warn(obj: object, msg: string): void;
}

export interface AnswerThenChart {
  /** What to send now: the reply, or the reply saying its chart was skipped. */
  reply: Reply;
  /** The chart's PNG, to send after the answer; undefined when its render failed (already logged). */
  png?: Promise<Uint8Array | undefined>;
}

export function startChart(reply: Reply, renderer: ChartRenderer, logger: ChartLogger): AnswerThenChart {
  const svg = reply.chart?.svg;
  if (!svg) return { reply };
  const png = renderer.render(svg);
  if (!png) {
    logger.warn(renderer.load(), 'chart skipped: too many charts waiting; answering without it');
    return { reply: chartSkipped(reply) };
  }
  return {
    reply,
    png: png.catch((err: unknown) => {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'chart render failed; the answer stands without it');
      return undefined;
    }),
  };
}

// By Reply, as the adapters memoise their rendering: the router hands out one Reply for a repeated
// pure request, so its skipped version is one object too.
const skipped = new WeakMap<Reply, Reply>();

/** The reply without its drawing, saying why. */
function chartSkipped(reply: Reply): Reply {
  let without = skipped.get(reply);
  if (!without) {
    const { svg: _svg, ...chart } = reply.chart!;
    without = { ...reply, chart, body: [...reply.body, t(reply.lang, 'chartSkipped')] };
    skipped.set(reply, without);
  }
  return without;
}
