// Work that outlives the request that started it: a response_url post, a chart upload, a webhook
// edit. Whoever starts such work tracks it here, with what kind of work it is, so that a stop (and
// a test) can wait for all of it, including work that more work started, and can say what it gave
// up on at the stop's deadline.
export class FollowUps {
  private readonly pending = new Map<Promise<unknown>, string>();

  /**
   * Starts tracking `work`; its failure is the work's own business (it logs), never an unhandled
   * rejection. `kind` names it in the log line of a stop that gives up on it.
   */
  track(work: Promise<unknown>, kind = 'follow-up'): void {
    this.pending.set(work, kind);
    const done = () => void this.pending.delete(work);
    work.then(done, done);
  }

  get size(): number {
    return this.pending.size;
  }

  /** What is still running, counted by kind: `{ "slack chart": 80, "slack response_url": 40 }`. */
  byKind(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const kind of this.pending.values()) counts[kind] = (counts[kind] ?? 0) + 1;
    return counts;
  }

  /**
   * Resolves when everything tracked has settled, or at `timeoutMs`; resolves to how many were
   * still running then (0 when all finished).
   */
  async settled(timeoutMs = Number.POSITIVE_INFINITY): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = Number.isFinite(timeoutMs)
      ? new Promise<'timeout'>((resolve) => {
          timer = setTimeout(resolve, Math.max(0, timeoutMs), 'timeout');
        })
      : undefined;
    try {
      while (this.pending.size) {
        const all = Promise.allSettled([...this.pending.keys()]);
        if ((await (deadline ? Promise.race([all, deadline]) : all)) === 'timeout') return this.pending.size;
      }
      return 0;
    } finally {
      clearTimeout(timer);
    }
  }
}
