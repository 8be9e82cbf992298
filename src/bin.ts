#!/usr/bin/env node
// The `genai-bot` executable and `npm start`.
import { main } from './main.js';

// The server stops on SIGTERM (containers, systemd) and SIGINT (Ctrl-C). The listeners stay for
// the life of the process: the file store's lock library (proper-lockfile, through signal-exit 3)
// re-sends a signal that finds no other listener, which would kill the server in the middle of
// its graceful stop.
const stopSignal = new Promise<string>((resolve) => {
  process.on('SIGTERM', () => resolve('SIGTERM'));
  process.on('SIGINT', () => resolve('SIGINT'));
});

main({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stopSignal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`genai-bot: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
