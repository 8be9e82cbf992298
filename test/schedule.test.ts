// Scheduled digests and briefs: time zones, who may schedule, persistence across a restart,
// one catch-up run after downtime, and schedules that stop when their channel is gone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import type { Reply } from '../src/core/reply.js';
import { nextSlot } from '../src/core/schedule/slots.js';
import type { Invocation } from '../src/router/invocation.js';
import { createRouter } from '../src/router/router.js';
import { createScheduler, type PostOutcome } from '../src/scheduler/scheduler.js';
import { openFileStore } from '../src/store/file-store.js';
import { memoryStore } from '../src/store/memory-store.js';
import type { Store } from '../src/store/store.js';
import { kb, recordingLogger } from './helpers.js';

const quiet = { info: () => undefined, warn: () => undefined };
const slackInvocation = (text: string, admin = true, channel = 'slack:T1:C1'): Invocation => ({
  platform: 'slack',
  command: '',
  args: text,
  userId: 'slack:T1:U1',
  channelId: channel,
  isAdmin: admin,
});
const routerAt = (store: Store, at: Date) => createRouter({ commands, kb, store, logger: recordingLogger(), now: () => at });

describe('time slots', () => {
  it('follows the time zone across a daylight-saving change', () => {
    const before = new Date('2026-03-28T12:00:00Z'); // Berlin moves to summer time on the 29th
    expect(nextSlot({ every: 'daily', time: '09:00', tz: 'Europe/Berlin' }, before).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(nextSlot({ every: 'daily', time: '09:00', tz: 'Europe/Berlin' }, new Date('2026-03-27T12:00:00Z')).toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
    expect(nextSlot({ every: 'weekly', day: 'mon', time: '09:00', tz: 'Asia/Shanghai' }, before).toISOString()).toBe(
      '2026-03-30T01:00:00.000Z',
    );
  });

  it('moves a time the clocks skip to the end of the gap, and takes the first of a time that occurs twice, in every zone alike', () => {
    const daily = (time: string, tz: string, after: string) => nextSlot({ every: 'daily', time, tz }, new Date(after)).toISOString();
    // Spring forward: 02:00 -> 03:00 in both zones, so 02:30 does not occur; the post goes out at 03:00 local.
    expect(daily('02:30', 'Europe/Berlin', '2026-03-28T12:00:00Z')).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    expect(daily('02:30', 'America/New_York', '2026-03-07T12:00:00Z')).toBe('2026-03-08T07:00:00.000Z'); // 03:00 EDT
    // The next day, 02:30 exists again.
    expect(daily('02:30', 'Europe/Berlin', '2026-03-29T12:00:00Z')).toBe('2026-03-30T00:30:00.000Z');
    // Fall back: 02:30 (Berlin) and 01:30 (New York) occur twice; the first is the one.
    expect(daily('02:30', 'Europe/Berlin', '2026-10-24T12:00:00Z')).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
    expect(daily('01:30', 'America/New_York', '2026-10-31T12:00:00Z')).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    // A half-hour change (Lord Howe Island): 02:15 is skipped, 02:30 is the first valid time.
    expect(daily('02:15', 'Australia/Lord_Howe', '2026-10-03T00:00:00Z')).toBe('2026-10-03T15:30:00.000Z');
  });
});

describe('scheduling from a channel', () => {
  const at = new Date('2026-12-01T10:00:00Z'); // a Tuesday

  it('lets a channel manager schedule a weekly brief and lists and stops it', async () => {
    const store = memoryStore();
    const router = routerAt(store, at);
    const r = await router.handle(slackInvocation('/brief infra schedule=weekly day=mon time=09:00 tz=Europe/Berlin'));
    expect(r.title).toMatch(/^Scheduled \(id [0-9a-f]{4}\)$/);
    expect(r.body[0]).toBe('/brief infra: every mon at 09:00 (Europe/Berlin)');
    expect(r.body[1]).toMatch(/^Next post: 2026-12-07 08:00 UTC/);
    const [saved] = await store.listSchedules('slack:T1:C1');
    expect(saved).toMatchObject({ command: 'brief', args: 'infra', every: 'weekly', day: 'mon', tz: 'Europe/Berlin' });
    expect((await router.handle(slackInvocation('/schedules'))).table?.rows[0]?.[0]).toBe(saved!.id);
    expect((await router.handle(slackInvocation(`/unschedule ${saved!.id}`, true, 'slack:T1:C2'))).kind).toBe('usage'); // another channel's
    expect((await router.handle(slackInvocation(`/unschedule ${saved!.id}`))).title).toBe(`Stopped schedule ${saved!.id}`);
    expect(await store.listSchedules()).toEqual([]);
  });

  it('refuses people who do not manage the channel, and the terminal', async () => {
    const router = routerAt(memoryStore(), at);
    expect((await router.handle(slackInvocation('/brief schedule=daily', false))).body[0]).toMatch(
      /^Only people who manage this channel can schedule/,
    );
    expect((await router.handle({ ...slackInvocation('/brief schedule=daily'), platform: 'shell' })).body[0]).toMatch(
      /Slack or Discord channel/,
    );
  });

  it('asks the platform whether the user is an admin when it has to', async () => {
    const router = routerAt(memoryStore(), at);
    let asked = 0;
    const r = await router.handle({ ...slackInvocation('/brief schedule=daily', false), resolveAdmin: async () => (asked++, true) });
    expect(r.title).toMatch(/^Scheduled/);
    expect(asked).toBe(1);
  });

  it('names a bad time or time zone with the accepted form', async () => {
    const router = routerAt(memoryStore(), at);
    expect((await router.handle(slackInvocation('/brief schedule=daily time=25:00'))).body[0]).toMatch(/24-hour HH:MM/);
    expect((await router.handle(slackInvocation('/brief schedule=daily tz=Mars/Olympus'))).body[0]).toMatch(
      /IANA name like Europe\/Berlin/,
    );
  });
});

describe('the scheduler', () => {
  it('survives a restart and runs a schedule missed during downtime once, not once per slot', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sched-')), 'store.json');
    const created = new Date('2026-12-01T10:00:00Z');
    const first = await openFileStore(path);
    await routerAt(first, created).handle(slackInvocation('/brief schedule=daily time=09:00 tz=UTC'));
    await first.close();

    // Down for three days: the 2nd, 3rd and 4th at 09:00 were missed.
    const restarted = new Date('2026-12-04T12:00:00Z');
    const store = await openFileStore(path);
    const posted: { scope: string; reply: Reply }[] = [];
    const scheduler = createScheduler({
      store,
      router: routerAt(store, restarted),
      platforms: { slack: { post: async (scope, reply) => (posted.push({ scope, reply }), 'ok') } },
      logger: quiet,
      now: () => restarted,
    });
    expect(await scheduler.tick()).toBe(1);
    expect(await scheduler.tick()).toBe(0);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.scope).toBe('slack:T1:C1');
    expect(posted[0]!.reply.title).toMatch(/briefing/);
    expect(posted[0]!.reply.ephemeral).toBe(false);
    const [after] = await store.listSchedules();
    expect(after).toMatchObject({ lastRunAt: '2026-12-04T12:00:00.000Z', nextRunAt: '2026-12-05T09:00:00.000Z' });
  });

  it('stops a schedule whose channel is gone or closed to the bot, with a log line', async () => {
    for (const outcome of ['gone', 'forbidden'] as PostOutcome[]) {
      const store = memoryStore();
      const at = new Date('2026-12-01T10:00:00Z');
      await routerAt(store, at).handle(slackInvocation('/brief schedule=daily time=09:00'));
      const later = new Date('2026-12-02T10:00:00Z');
      const warnings: object[] = [];
      let posts = 0;
      const scheduler = createScheduler({
        store,
        router: routerAt(store, later),
        platforms: { slack: { post: async () => (posts++, outcome) } },
        logger: { info: () => undefined, warn: (o) => void warnings.push(o) },
        now: () => later,
      });
      await scheduler.tick();
      const [schedule] = await store.listSchedules();
      expect(schedule?.disabled, outcome).toBe(outcome === 'gone' ? 'channel not found' : 'no permission to post');
      expect(warnings).toHaveLength(1);
      await createScheduler({
        store,
        router: routerAt(store, later),
        platforms: { slack: { post: async () => (posts++, 'ok') } },
        logger: quiet,
        now: () => new Date('2026-12-09T10:00:00Z'),
      }).tick();
      expect(posts).toBe(1);
    }
  });
});
