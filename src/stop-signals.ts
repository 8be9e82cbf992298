// How the process hears that it should stop: SIGTERM (containers, systemd, `kill`), SIGINT
// (Ctrl-C), and, when an npm script started it, its parent going away. `npm start` runs the bot
// under `sh -c`: a SIGTERM to npm reaches the shell, which dies without passing it on, and npm
// exits 143, leaving node orphaned and still listening. The orphan notices that its parent
// changed and stops as if it had been sent SIGTERM.
//
// The signal listeners stay for the life of the process (`on`, never `once`): signal-exit, which
// proper-lockfile loads, re-sends a signal to the process when it finds no other listener for
// it, which would kill the process in the middle of a graceful stop.
import { constants } from 'node:os';

export type StopReason = 'SIGTERM' | 'SIGINT' | 'parent exited';

export interface StopSignals {
  /** Resolves with the first request to stop, once `hold()` has been called. */
  readonly requested: Promise<StopReason>;
  /**
   * From now on a stop request resolves `requested` (the server stops gracefully); before, it ends
   * the process at once, as the shell and the one-shot CLI must: killed by that signal, as a
   * shell sees it (130 on SIGINT, 143 on SIGTERM).
   */
  hold(): void;
  readonly held: boolean;
}

export interface StopSignalOptions {
  /** Watches the parent process when set: an npm (or yarn, pnpm) script started this process. */
  watchParent: boolean;
  /** The fallback when the signal's default action does not end the process (PID 1 in a container ignores it). */
  exit: (code: number) => void;
  /** How often the parent is looked at (default 500 ms). */
  pollMs?: number;
}

export function listenForStopSignals(proc: NodeJS.Process, options: StopSignalOptions): StopSignals {
  let held = false;
  let resolveRequested!: (reason: StopReason) => void;
  const requested = new Promise<StopReason>((resolve) => (resolveRequested = resolve));
  const listeners = { SIGTERM: () => onStop('SIGTERM'), SIGINT: () => onStop('SIGINT') };
  const onStop = (reason: StopReason) => {
    // Repeats are ignored: Ctrl-C under `npm start` reaches node twice (from the terminal and
    // from npm), and the stop has its own deadline.
    if (held) return resolveRequested(reason);
    const signal = reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
    // Not process.exit() alone: it waits for the thread pool, and a thread blocked reading a FIFO
    // would hold the process forever. The signal's default action ends it at once.
    proc.off('SIGTERM', listeners.SIGTERM);
    proc.off('SIGINT', listeners.SIGINT);
    proc.kill(proc.pid, signal);
    options.exit(128 + constants.signals[signal]);
  };
  proc.on('SIGTERM', listeners.SIGTERM);
  proc.on('SIGINT', listeners.SIGINT);
  if (options.watchParent) {
    const parent = proc.ppid;
    const timer = setInterval(() => {
      if (proc.ppid === parent) return;
      clearInterval(timer);
      onStop('parent exited');
    }, options.pollMs ?? 500);
    timer.unref();
  }
  return {
    requested,
    hold() {
      held = true;
    },
    get held() {
      return held;
    },
  };
}
