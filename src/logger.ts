// Structured logs (pino) on stderr, so stdout carries only answers: the CLI's output can be piped.
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

export type { Logger };

/** What the shell and the CLI log through: most runs log nothing at all. */
export type QuietLogger = Pick<Logger, 'error' | 'warn' | 'info' | 'debug'>;

export function createLogger(level = 'warn'): Logger {
  // Required when called, not imported: the shell and the CLI load pino only if they log.
  const { pino } = createRequire(import.meta.url)('pino') as typeof import('pino');
  return pino({ level, base: { app: 'genai-market-bot' }, redact: ['token', 'secret', '*.token', '*.secret'] }, pino.destination(2));
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
