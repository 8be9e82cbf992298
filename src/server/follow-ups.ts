// Work that outlives the request that started it: a response_url post, a chart upload, a webhook
// edit. Whoever starts such work tracks it here, so that a stop (and a test) can wait for all of
// it, including work that more work started, and knows what it gives up on at a deadline.
export class FollowUps {
  private readonly pending = new Set<Promise<unknown>>();

  /** Starts tracking `work`; its failure is the work's own business (it logs), never an unhandled rejection. */
  track(work: Promise<unknown>): void {
    this.pending.add(work);
    const done = () => void this.pending.delete(work);
    work.then(done, done);
  }

  get size(): number {
    return this.pending.size;
  }

  /**
   * Resolves when everything tracked has settled, or at `timeoutMs`; resolves to how many were
   * still running then (0 when all finished).
   */
  async settled(timeoutMs = Number.POSITIVE_INFINITY): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = Number.isFinite(timeoutMs)
      ? new Promise<'timeout'>((resolve) => {
          timer = setTimeout(resolve, timeoutMs, 'timeout');
        })
      : undefined;
    try {
      while (this.pending.size) {
        const all = Promise.allSettled([...this.pending]);
        if ((await (deadline ? Promise.race([all, deadline]) : all)) === 'timeout') return this.pending.size;
      }
      return 0;
    } finally {
      clearTimeout(timer);
    }
  }
}
