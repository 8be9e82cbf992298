// What a stop relies on from FollowUps and StopDeadline: pending work counted by kind, a wait
// that ends at its timeout with the count still running, and a deadline shared by the steps.
import { describe, expect, it } from 'vitest';
import { FollowUps } from '../src/server/follow-ups.js';
import { StopDeadline } from '../src/server/stop-deadline.js';

const never = () => new Promise<void>(() => undefined);

describe('FollowUps', () => {
  it('counts what is pending by kind, and forgets work once it settles, failed or not', async () => {
    const followUps = new FollowUps();
    let finish!: () => void;
    const upload = new Promise<void>((resolve) => (finish = resolve));
    followUps.track(upload, 'slack chart upload');
    followUps.track(never(), 'slack chart upload');
    followUps.track(Promise.reject(new Error('gone')), 'slack response_url post');
    followUps.track(never());
    await Promise.resolve();
    expect(followUps.byKind()).toEqual({ 'slack chart upload': 2, 'follow-up': 1 });
    finish();
    await upload;
    expect(followUps.byKind()).toEqual({ 'slack chart upload': 1, 'follow-up': 1 });
    expect(await followUps.settled(0)).toBe(2);
  });

  it('waits for work that more work started', async () => {
    const followUps = new FollowUps();
    followUps.track(
      Promise.resolve().then(() => followUps.track(new Promise((r) => setTimeout(r, 5)), 'second')),
      'first',
    );
    expect(await followUps.settled()).toBe(0);
    expect(followUps.size).toBe(0);
  });
});

describe('StopDeadline', () => {
  it('is shared: each step gets what the earlier ones left, and an earlier deadline keeps a reserve', () => {
    let now = 1_000;
    const deadline = new StopDeadline(10_000, () => now);
    const beforeStore = deadline.earlier(1_000);
    expect(beforeStore.remainingMs()).toBe(9_000);
    now += 4_000;
    expect(deadline.remainingMs()).toBe(6_000);
    expect(beforeStore.remainingMs()).toBe(5_000);
    now += 20_000;
    expect(deadline.remainingMs()).toBe(0);
  });

  it('says whether work finished in time, without waiting past the deadline for work that never does', async () => {
    expect(await new StopDeadline(1_000).within(Promise.resolve())).toBe(true);
    expect(await new StopDeadline(1_000).within(Promise.reject(new Error('failed, but finished')))).toBe(true);
    expect(await new StopDeadline(0).within(never())).toBe(false);
  });
});
