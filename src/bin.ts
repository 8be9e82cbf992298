#!/usr/bin/env node
// The `genai-bot` executable and `npm start`.
import { main } from './main.js';
import { listenForStopSignals } from './stop-signals.js';

// The server stops gracefully on SIGTERM (containers, systemd) and SIGINT (Ctrl-C), or when the
// npm that started it goes away; the shell and the one-shot CLI end at once on the first signal.
const stops = listenForStopSignals(process, {
  watchParent: Boolean(process.env.npm_lifecycle_event),
  exit: (code) => process.exit(code),
});

main({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stopSignal: stops.requested,
  holdStopSignals: stops.hold,
}).then(
  (code) => {
    // After a server's stop, follow-ups given up at the deadline may still hold sockets and
    // timers: exit now rather than when they run out.
    if (stops.held) process.exit(code);
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`genai-bot: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
    if (stops.held) process.exit(1);
    process.exitCode = 1;
  },
);
