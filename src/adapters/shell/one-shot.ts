// `genai-bot "<command text>"`: answer once. Exit 0 on an answer, 1 on a user error.
import { writeFile } from 'node:fs/promises';
import { renderPng } from '../../core/chart/render-png.js';
import type { ChannelHistory } from '../../core/digest/message.js';
import type { Lang } from '../../core/i18n/lang.js';
import type { Reply } from '../../core/reply.js';
import type { Router } from '../../router/router.js';
import { commandNames, shellInvocation } from './invocation.js';
import { renderText } from './render-text.js';

export interface OneShotOptions {
  json: boolean;
  lang?: Lang | undefined;
  width?: number;
  /** Write the reply's chart here as a PNG. */
  chartOut?: string | undefined;
  /** A channel export for /digest. */
  history?: ChannelHistory | undefined;
}

export async function answerOnce(
  router: Router,
  text: string,
  opts: OneShotOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const invocation = {
    ...shellInvocation(text, opts.lang, commandNames(router)),
    wantsChart: Boolean(opts.chartOut),
    ...(opts.history ? { history: opts.history } : {}),
  };
  const reply = await router.handle(invocation);
  // One chart and nothing else to serve: drawn here, on this thread (see render-png.ts).
  let png: Uint8Array | undefined;
  let drawError: string | undefined;
  if (opts.chartOut && reply.kind === 'answer' && reply.chart?.svg) {
    try {
      png = renderPng(reply.chart.svg);
    } catch (e) {
      drawError = (e as Error).message;
    }
  }
  out.write(`${opts.json ? toJson(reply, png) : renderText(reply, opts.width)}\n`);
  if (opts.chartOut && reply.kind === 'answer') {
    if (drawError !== undefined) {
      err.write(`genai-bot: cannot draw the chart: ${drawError}; nothing written to ${opts.chartOut}\n`);
      return 1;
    }
    if (!png) {
      err.write(`genai-bot: this command draws no chart; nothing written to ${opts.chartOut}\n`);
      return 1;
    }
    try {
      await writeFile(opts.chartOut, png);
    } catch (e) {
      err.write(`genai-bot: cannot write the chart to ${opts.chartOut}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  return reply.kind === 'answer' ? 0 : 1;
}

/** The Reply as JSON; the chart's drawing left out, and its PNG (with --chart-out) as base64 so the output stays text. */
export function toJson(reply: Reply, png?: Uint8Array): string {
  const { chart, ...rest } = reply;
  if (!chart) return JSON.stringify(rest, null, 2);
  const { svg: _svg, ...data } = chart;
  return JSON.stringify({ ...rest, chart: { ...data, ...(png ? { pngBase64: Buffer.from(png).toString('base64') } : {}) } }, null, 2);
}
