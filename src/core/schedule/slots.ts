// When a schedule fires next: a wall-clock time in an IANA time zone, daily or on one weekday,
// computed with Intl (Node's ICU carries the time-zone database), daylight saving included.

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Cadence {
  every: 'daily' | 'weekly';
  /** For weekly schedules. */
  day?: Weekday;
  /** "HH:MM", 24-hour. */
  time: string;
  tz: string;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = partsFormat.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    partsFormat.set(tz, f);
  }
  return f;
}

/** The wall-clock date, time and weekday of an instant in a time zone. */
export function wallClock(
  at: Date,
  tz: string,
): { year: number; month: number; day: number; hour: number; minute: number; weekday: Weekday } {
  const parts = Object.fromEntries(
    formatter(tz)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: String(parts.weekday).slice(0, 3).toLowerCase() as Weekday,
  };
}

/** Minutes the zone's clock is ahead of UTC at an instant. */
function offsetMinutes(at: number, tz: string): number {
  const w = wallClock(new Date(at), tz);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * The instant at which the wall clock in `tz` reads the given date and time. One rule for the
 * days the clocks change: a time that occurs twice (clocks set back) is its first occurrence; a
 * time that does not occur (clocks set forward over it) becomes the first valid time after the
 * gap, 03:00 for 02:30 in Berlin and New York alike.
 */
function instantOf(year: number, month: number, day: number, hour: number, minute: number, tz: string): Date {
  const target = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offsets around the day: the same twice, except across a change.
  const before = offsetMinutes(target - 86_400_000, tz);
  const after = offsetMinutes(target + 86_400_000, tz);
  const readsTarget = (at: number) => target === at + offsetMinutes(at, tz) * 60_000;
  const matches = [...new Set([before, after])]
    .map((offset) => target - offset * 60_000)
    .filter(readsTarget)
    .sort((a, b) => a - b);
  if (matches.length) return new Date(matches[0]!);
  // In the gap: find the change itself (to the minute) between the two readings.
  let lo = Math.min(target - before * 60_000, target - after * 60_000);
  let hi = Math.max(target - before * 60_000, target - after * 60_000);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetMinutes(mid, tz) === after) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The first slot strictly after `after`. */
export function nextSlot(cadence: Cadence, after: Date): Date {
  const [hour, minute] = cadence.time.split(':').map(Number) as [number, number];
  const today = wallClock(after, cadence.tz);
  for (let offset = 0; offset <= 8; offset++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const candidate = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, cadence.tz);
    if (candidate <= after) continue;
    if (cadence.every === 'weekly' && wallClock(candidate, cadence.tz).weekday !== cadence.day) continue;
    return candidate;
  }
  throw new Error(`no slot found for ${JSON.stringify(cadence)}`);
}
