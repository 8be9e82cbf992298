// One deadline for the whole of a stop (STOP_GRACE_MS from the signal): closing the server,
// requests in flight, follow-ups, the scheduler and the store flush all share it, so the sum of
// the steps cannot overrun it the way separate timeouts per step did.
export class StopDeadline {
  private readonly at: number;

  constructor(
    graceMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.at = now() + graceMs;
  }

  /** Milliseconds left, never negative. */
  remainingMs(): number {
    return Math.max(0, this.at - this.now());
  }

  /** A deadline `ms` earlier than this one: for the steps that must leave time for a later one. */
  earlier(ms: number): StopDeadline {
    return new StopDeadline(Math.max(0, this.remainingMs() - ms), this.now);
  }

  /**
   * Waits for `work` until the deadline; true if it finished in time. The work is not cancelled:
   * the process exits after the stop, which ends whatever is left.
   */
  async within(work: Promise<unknown>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(resolve, this.remainingMs(), false);
    });
    const done = work.then(
      () => true as const,
      () => true as const,
    );
    try {
      return await Promise.race([done, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
