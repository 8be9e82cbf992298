// Composition root: flags, knowledge base, logger, router, then one answer or the shell.
// Platform SDKs are not imported here: the shell and the one-shot CLI must start fast.
import { commands } from '../commands/index.js';
import { CLI_USAGE, parseCliArgs } from './adapters/shell/cli-args.js';
import { answerOnce } from './adapters/shell/one-shot.js';
import { runShell } from './adapters/shell/repl.js';
import { loadConfigOrReport } from './config.js';
import { storeFailureLine } from './core/i18n/store-words.js';
import { KnowledgeBaseError } from './core/knowledge/load.js';
import { loadKnowledgeBaseFast } from './core/prebuilt.js';
import { createLlmAnswerWriter } from './core/search/llm-writer.js';
import { createLogger, lazyLogger, type QuietLogger, requestLogger } from './logger.js';
import { createRouter } from './router/router.js';
import { openStore } from './store/open-store.js';
import { StoreError, StoreWriteError, type Store } from './store/store.js';
import type { KnowledgeBase } from './core/knowledge/knowledge-base.js';
import type { ChannelHistory } from './core/digest/message.js';

export interface MainIO {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream;
  /** Resolves when the server should stop; bin.ts wires it to SIGTERM and SIGINT. */
  stopSignal?: Promise<string>;
  /** Called when the server takes over stop requests; until then a signal ends the process at once. */
  holdStopSignals?: () => void;
}

/** Returns the process exit code: 0 answered, 1 user or start-up error, 2 bad flags. */
export async function main(io: MainIO): Promise<number> {
  const cli = parseCliArgs(io.argv);
  if (!cli.ok) {
    io.stderr.write(`genai-bot: ${cli.message}\n\n${CLI_USAGE}\n`);
    return 2;
  }
  if (cli.args.help) {
    io.stdout.write(`${CLI_USAGE}\n`);
    return 0;
  }
  // Server mode, operator tasks and export files load their modules only when asked for: the
  // shell and the one-shot CLI must start fast.
  if (cli.args.task) return (await import('./tasks.js')).runTask(cli.args.task, io);
  const oneShot = cli.args.text !== undefined;
  const config = loadConfigOrReport(io.env, io.stderr);
  if (!config) return 1;
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBaseFast();
  } catch (err) {
    if (!(err instanceof KnowledgeBaseError)) throw err;
    io.stderr.write(`genai-bot: knowledge base: ${err.message}\n`);
    return 1;
  }
  let store: Store;
  try {
    store = await openStore(config);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    const line = err instanceof StoreWriteError ? storeFailureLine(cli.args.lang ?? 'en', err.path, err.failure) : `store: ${err.message}`;
    io.stderr.write(`genai-bot: ${line}\n`);
    return 1;
  }
  const serverMode = !oneShot && (config.slack || config.discordGateway || config.discordHttp);
  // The shell and the CLI keep the terminal for answers: below warnings, logs stay quiet there,
  // and pino loads only if something is logged.
  const level = serverMode || io.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn';
  const serverLogger = serverMode ? createLogger(level) : undefined;
  const logger: QuietLogger = serverLogger ?? lazyLogger(level);
  // One line per request in server mode: correlation id, command, outcome and latency; never the text.
  const logRequest = serverLogger && requestLogger(serverLogger);
  const answerWriter =
    config.LLM_BASE_URL && config.LLM_MODEL
      ? createLlmAnswerWriter({
          baseUrl: config.LLM_BASE_URL,
          model: config.LLM_MODEL,
          apiKey: config.LLM_API_KEY,
          timeoutMs: config.LLM_TIMEOUT_MS,
          logger,
        })
      : undefined;
  const rateLimits = {
    perUser: { capacity: config.RATE_USER_BURST, refillPerSecond: config.RATE_USER_PER_MINUTE / 60 },
    perChannel: { capacity: config.RATE_CHANNEL_BURST, refillPerSecond: config.RATE_CHANNEL_PER_MINUTE / 60 },
  };
  // Metrics exist only for the server; the shell and the CLI do not load prom-client.
  const metrics = serverMode ? (await import('./metrics.js')).createMetrics() : undefined;
  // Shared by the replicas when REDIS_URL is set; ioredis loads only then.
  const sharedRateLimiter =
    serverMode && config.REDIS_URL
      ? (await import('./router/shared-rate-limit.js')).redisRateLimiter(config.REDIS_URL, rateLimits)
      : undefined;
  const router = createRouter({
    commands,
    kb,
    store,
    logger,
    rateLimits,
    ...(sharedRateLimiter ? { sharedRateLimiter } : {}),
    onHandled: (event) => {
      metrics?.observe(event);
      logRequest?.({
        correlationId: event.correlationId,
        platform: event.platform,
        command: event.command,
        outcome: event.kind,
        ms: event.ms,
      });
    },
    ...(answerWriter ? { answerWriter } : {}),
  });
  const width = io.stdout.isTTY && io.stdout.columns ? Math.min(io.stdout.columns, 120) : 80;

  if (oneShot) {
    let history: ChannelHistory | undefined;
    if (cli.args.history) {
      const { historyFromExport } = await import('./adapters/shell/history-file.js');
      const loaded = await historyFromExport(cli.args.history, cli.args.lang ?? 'en');
      if (!loaded.ok) {
        io.stderr.write(`genai-bot: --history: ${loaded.message}\n`);
        await store.close();
        return 1;
      }
      history = loaded.history;
    }
    const code = await answerOnce(
      router,
      cli.args.text ?? '',
      { json: cli.args.json, lang: cli.args.lang, width, chartOut: cli.args.chartOut, history },
      io.stdout,
      io.stderr,
    );
    await store.close();
    return code;
  }

  if (serverLogger && metrics) {
    io.holdStopSignals?.();
    const code = await (await import('./serve.js')).serve({
      config,
      router,
      kb,
      store,
      logger: serverLogger,
      metrics,
      stopSignal: io.stopSignal ?? new Promise(() => undefined),
      stderr: io.stderr,
    });
    await sharedRateLimiter?.close();
    return code;
  }
  const interactive = Boolean(io.stdin.isTTY);
  const { failed } = await runShell(router, { input: io.stdin, output: io.stdout, interactive, lang: cli.args.lang, width });
  await store.close();
  // In a pipe, as a script would check it: 1 if any line was a usage error or failed.
  return !interactive && failed > 0 ? 1 : 0;
}
