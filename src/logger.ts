// Structured logs (pino) on stderr, so stdout carries only answers: the CLI's output can be piped.
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

export type { Logger };

/** What the shell and the CLI log through: most runs log nothing at all. */
export type QuietLogger = Pick<Logger, 'error' | 'warn' | 'info' | 'debug'>;

const APP = 'genai-market-bot';

function loadPino(): typeof import('pino') {
  // Required when called, not imported: the shell and the CLI load pino only if they log.
  return createRequire(import.meta.url)('pino') as typeof import('pino');
}

export function createLogger(level = 'warn'): Logger {
  const { pino } = loadPino();
  // Asynchronous: a busy server writes its request lines in batches instead of one system call
  // per request; pino flushes what is left when the process exits.
  return pino(
    { level, base: { app: 'genai-market-bot' }, redact: ['token', 'secret', '*.token', '*.secret'] },
    pino.destination({ dest: 2, sync: false }),
  );
}

/** A logger that loads pino on its first line: for the shell and the one-shot CLI. */
export function lazyLogger(level = 'warn'): QuietLogger {
  let logger: Logger | undefined;
  const real = () => {
    logger ??= createLogger(level);
    return logger;
  };
  return {
    error: (...args: Parameters<Logger['error']>) => real().error(...args),
    warn: (...args: Parameters<Logger['warn']>) => real().warn(...args),
    info: (...args: Parameters<Logger['info']>) => real().info(...args),
    debug: (...args: Parameters<Logger['debug']>) => real().debug(...args),
  };
}

/** What the server logs about every request: never its text. */
export interface RequestLine {
  correlationId: string;
  platform: string;
  /** A registry command's name, or "(unknown)". */
  command: string;
  outcome: string;
  ms: number;
}

/**
 * The line written for every request, in the shape of pino's lines and to the same destination,
 * but formatted here. It is the one line a busy server writes thousands of times a second; its
 * fields are fixed and carry neither user text nor secrets, and pino's general path (serialisers,
 * redaction) cost more than everything else the bot does to answer a popular question.
 */
export function requestLogger(logger: Logger): (line: RequestLine) => void {
  if (!logger.isLevelEnabled('info')) return () => undefined;
  const stream = (logger as unknown as Record<symbol, { write(text: string): void }>)[loadPino().pino.symbols.streamSym]!;
  const text = JSON.stringify;
  return (l) =>
    stream.write(
      `{"level":30,"time":${Date.now()},"app":"${APP}","correlationId":${text(l.correlationId)},"platform":${text(l.platform)},"command":${text(l.command)},"outcome":${text(l.outcome)},"ms":${Math.round(l.ms * 10) / 10},"msg":"request"}\n`,
    );
}
