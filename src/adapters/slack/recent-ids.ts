// Slack re-sends an event it thinks was not acknowledged in 3 s. Remembering recent event ids
// answers each event once; a bounded map keeps memory flat however long the bot runs.
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly max = 5000,
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is seen (within the time-to-live), false after. */
  firstTime(id: string): boolean {
    const t = this.now();
    const at = this.seen.get(id);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, t);
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }
}

/** The shared store's answer when there is one (several replicas), else (or if it fails) this process's. */
export function firstDeliveryCheck(
  recent: RecentIds,
  shared?: (eventId: string) => Promise<boolean>,
): (eventId: string) => Promise<boolean> {
  if (!shared) return async (id) => recent.firstTime(id);
  return (id) => shared(id).catch(() => recent.firstTime(id));
}
