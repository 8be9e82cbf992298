// Two bot processes (the built bot, as operators start it) on one PostgreSQL database behave as
// one bot: a scenario saved through one is listed through the other, a Slack event re-sent to
// both is answered once, and a schedule due while both run posts once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import type { Schedule } from '../src/store/store.js';
import { type BotProcess, startBot } from './bot-process.js';
import { type FakeSlackApi, startFakeSlackApi } from './fakes/slack-api.js';
import { fixture, SECRET, sign } from './slack-helpers.js';
import { createTestSchema, postgresUrl, type TestSchema } from './support/postgres.js';
import { aSchedule } from './support/schedules.js';

const due: Schedule = aSchedule({
  id: 'r1',
  scope: 'slack:T0001:C0LAE2CHD',
  createdBy: 'slack:T0001:U1',
  createdAt: '2026-01-01T00:00:00.000Z',
  nextRunAt: '2026-01-02T09:00:00.000Z',
});

describe.skipIf(!postgresUrl)('two replicas on one database', () => {
  let schema: TestSchema;
  let slack: FakeSlackApi;
  let bots: BotProcess[] = [];
  beforeEach(async () => {
    schema = await createTestSchema();
    slack = await startFakeSlackApi();
    // The schedule is due before either replica starts: both try it at start-up.
    const store = await openPostgresStore({ connectionString: schema.url });
    await store.saveSchedule(due);
    await store.close();
    const env = {
      DATABASE_URL: schema.url,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-replicas',
      SLACK_API_URL: slack.apiUrl,
    };
    bots = await Promise.all([startBot(env), startBot(env)]);
  });
  afterEach(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await slack.close();
    await schema.drop();
  });

  const post = (bot: BotProcess, contentType: string, body: string) =>
    fetch(bot.url('/slack/events'), {
      method: 'POST',
      headers: { 'content-type': contentType, ...sign(body, Math.floor(Date.now() / 1000)) },
      body,
    });
  const slash = (bot: BotProcess, command: string, text: string) =>
    post(
      bot,
      'application/x-www-form-urlencoded',
      new URLSearchParams({
        ...fixture<Record<string, string>>('slash-command.json'),
        command,
        text,
        response_url: slack.responseUrl('x'),
      }).toString(),
    ).then(async (r) => JSON.stringify(await r.json()));

  it('post a due schedule once, answer a re-sent event once, and share saved scenarios', async () => {
    const [a, b] = bots as [BotProcess, BotProcess];
    const saved = await slash(a, '/margin', 'revenue=10M inference=30% save=shared-plan');
    expect(saved).toMatch(/shared-plan/);
    expect(await slash(b, '/scenario', 'list')).toMatch(/shared-plan/);

    const mention = JSON.stringify(fixture('app-mention.json'));
    expect((await post(a, 'application/json', mention)).status).toBe(200);
    expect((await post(b, 'application/json', mention)).status).toBe(200);

    // Stopping waits for each replica's scheduler tick and follow-ups: then every post is in.
    await Promise.all(bots.map((bot) => bot.stop()));
    const posts = slack.callsTo('/api/chat.postMessage').map((c) => c.body as Record<string, string>);
    expect(posts.filter((p) => p.thread_ts === '1515449522.000016')).toHaveLength(1);
    expect(posts.filter((p) => p.thread_ts === undefined && p.channel === 'C0LAE2CHD')).toHaveLength(1);
    const store = await openPostgresStore({ connectionString: schema.url });
    const [after] = await store.listSchedules();
    await store.close();
    expect(after?.lastRunAt).toBeDefined();
    expect(Date.parse(after!.nextRunAt)).toBeGreaterThan(Date.now());
  });
});

describe.skipIf(!postgresUrl)('a replica killed mid-post', () => {
  it('loses nothing: another replica posts the slot once its lease runs out, and records it', async () => {
    const schema = await createTestSchema();
    const slack = await startFakeSlackApi();
    const seed = await openPostgresStore({ connectionString: schema.url });
    await seed.saveSchedule(due);
    const env = {
      DATABASE_URL: schema.url,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-replicas',
      SLACK_API_URL: slack.apiUrl,
      SCHEDULE_LEASE_MS: '1000',
      SCHEDULE_INTERVAL_MS: '200',
    };
    try {
      // The first replica's post never comes back; it is killed while waiting for it.
      slack.holdNext('/api/chat.postMessage');
      const doomed = await startBot(env);
      await until(() => slack.callsTo('/api/chat.postMessage').length === 1);
      doomed.child.kill('SIGKILL');
      await doomed.stop();
      const survivor = await startBot(env);
      await until(async () => (await seed.listSchedules())[0]?.lastRunAt !== undefined);
      await survivor.stop();
      expect(slack.callsTo('/api/chat.postMessage')).toHaveLength(2);
      expect(survivor.logs()).toMatch(/schedule ran/);
    } finally {
      await seed.close();
      await slack.close();
      await schema.drop();
    }
  });
});

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
