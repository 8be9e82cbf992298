// A saved schedule as the store tests need one: a daily English /brief in a Slack channel, due at
// 09:00 UTC on 2 December 2026, with whatever a test changes on top.
import type { Schedule } from '../../src/store/store.js';

export function aSchedule(over: Partial<Schedule> = {}): Schedule {
  return {
    id: 'k1',
    scope: 'slack:T1:C1',
    command: 'brief',
    args: '',
    every: 'daily',
    time: '09:00',
    tz: 'UTC',
    lang: 'en',
    createdBy: 'slack:T1:U1',
    createdAt: '2026-12-01T00:00:00.000Z',
    nextRunAt: '2026-12-02T09:00:00.000Z',
    ...over,
  };
}
