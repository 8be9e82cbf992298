// The interactive shell, Hubot's terminal adapter in spirit: anyone can try the bot with no tokens.
// With a terminal it shows a prompt and keeps history; with a pipe it answers line by line.
import { createInterface } from 'node:readline';
import type { Lang } from '../../core/i18n/lang.js';
import type { Router } from '../../router/router.js';
import { commandNames, shellInvocation } from './invocation.js';
import { renderText } from './render-text.js';

export interface ShellOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
  lang?: Lang | undefined;
  width?: number;
}

const EXIT_WORDS = new Set(['exit', 'quit', '/exit', '/quit', '.exit', '退出']);

/** Resolves when the input ends or the user types exit, with how many lines got no answer (usage errors, failures). */
export async function runShell(router: Router, opts: ShellOptions): Promise<{ failed: number }> {
  const rl = createInterface({
    input: opts.input,
    output: opts.interactive ? opts.output : undefined,
    terminal: opts.interactive,
    historySize: 200,
    prompt: 'genai> ',
  });
  if (opts.interactive) {
    opts.output.write(
      'genai-market-bot: the generative-AI market, from a16z (Jan 2023). Type a command (/help lists them) or just ask a question; exit leaves.\n',
    );
    rl.prompt();
  }
  const names = commandNames(router);
  let first = true;
  let failed = 0;
  for await (const line of rl) {
    const text = line.trim();
    if (EXIT_WORDS.has(text.toLowerCase())) break;
    if (text) {
      const reply = await router.handle(shellInvocation(text, opts.lang, names));
      if (reply.kind !== 'answer') failed++;
      // Replies in a pipe are separated by a blank line, so a reader can split them.
      opts.output.write(`${first || opts.interactive ? '' : '\n'}${renderText(reply, opts.width)}\n`);
      first = false;
    }
    if (opts.interactive) rl.prompt();
  }
  rl.close();
  return { failed };
}
