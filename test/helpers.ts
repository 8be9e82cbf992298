// Shared test doubles: the real knowledge base and router, a logger that records, and a one-call
// way to ask the router something as the shell would.
import { commands } from '../commands/index.js';
import { type ChartRenderer, createChartRenderer } from '../src/core/chart/chart-renderer.js';
import { renderPng } from '../src/core/chart/render-png.js';
import type { Lang } from '../src/core/i18n/lang.js';
import { defaultKnowledgeBase } from '../src/core/knowledge/load.js';
import type { Reply } from '../src/core/reply.js';
import type { Invocation } from '../src/router/invocation.js';
import { createRouter, type RouterLogger } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';

export const kb = defaultKnowledgeBase();

export function recordingLogger(): RouterLogger & { errors: { obj: object; msg: string }[] } {
  const errors: { obj: object; msg: string }[] = [];
  return { errors, error: (obj, msg) => errors.push({ obj, msg }) };
}

export const router = createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger() });

export function shellText(text: string, lang?: Lang): Invocation {
  return {
    platform: 'shell',
    command: '',
    args: text,
    userId: 'shell:test',
    channelId: 'shell:test',
    isAdmin: true,
    ...(lang ? { lang } : {}),
  };
}

export function ask(text: string, lang?: Lang): Promise<Reply> {
  return router.handle(shellText(text, lang));
}

/** Everything a reply says, as one string, for content assertions. */
export function allText(reply: Reply): string {
  return [
    reply.title,
    ...reply.body,
    ...reply.figures.map((f) => `${f.label}: ${f.value} ${f.cite ?? ''}`),
    ...(reply.table ? [reply.table.columns.join(' | '), ...reply.table.rows.map((r) => r.join(' | '))] : []),
    ...reply.sources.map((s) => `${s.label} ${s.vintage}`),
    ...reply.suggestions,
  ].join('\n');
}

/** Charts drawn on the test's own thread, one at a time: real PNGs, and no thread left to stop. */
export function inThreadCharts(): ChartRenderer {
  return createChartRenderer({ rasterise: async (svg) => renderPng(svg), concurrency: 1, maxWaiting: 100 });
}
