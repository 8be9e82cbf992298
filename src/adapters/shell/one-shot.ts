// `genai-bot "<command text>"`: answer once. Exit 0 on an answer, 1 on a user error.
import type { Lang } from '../../core/i18n/lang.js';
import type { Reply } from '../../core/reply.js';
import type { Router } from '../../router/router.js';
import { commandNames, shellInvocation } from './invocation.js';
import { renderText } from './render-text.js';

export async function answerOnce(
  router: Router,
  text: string,
  opts: { json: boolean; lang?: Lang | undefined; width?: number },
  out: NodeJS.WritableStream,
): Promise<number> {
  const reply = await router.handle(shellInvocation(text, opts.lang, commandNames(router)));
  out.write(`${opts.json ? toJson(reply) : renderText(reply, opts.width)}\n`);
  return reply.kind === 'answer' ? 0 : 1;
}

/** The Reply as JSON; chart bytes as base64 so the output stays text. */
export function toJson(reply: Reply): string {
  const { chart, ...rest } = reply;
  return JSON.stringify(chart ? { ...rest, chart: { alt: chart.alt, pngBase64: Buffer.from(chart.png).toString('base64') } } : rest, null, 2);
}
