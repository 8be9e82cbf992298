// Structured logs (pino) on stderr, so stdout carries only answers: the CLI's output can be piped.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'warn'): Logger {
  return pino({ level, base: { app: 'genai-market-bot' }, redact: ['token', 'secret', '*.token', '*.secret'] }, pino.destination(2));
}
