// The multi-workspace install end to end, against a local fake Slack (SLACK_API_URL): install,
// the state checked (forged or expired: refused), the token kept sealed, a mention from the new
// workspace answered with that workspace's token, and an uninstall that forgets the workspace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { startSlack } from '../src/adapters/slack/index.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createRouter } from '../src/router/router.js';
import { type AppServer, createAppServer } from '../src/server/http-server.js';
import { memoryStore } from '../src/store/memory-store.js';
import type { Store } from '../src/store/store.js';
import { type FakeSlackApi, startFakeSlackApi } from './fakes/slack-api.js';
import { kb, recordingLogger } from './helpers.js';
import { fixture, SECRET, sign } from './slack-helpers.js';

const STATE_SECRET = 'a-state-secret-of-some-length';

describe('installing the app in another workspace (OAuth)', () => {
  let slack: FakeSlackApi;
  let server: AppServer;
  let store: Store;
  let clock: number;
  let stop: () => Promise<void>;
  let base: string;

  beforeEach(async () => {
    slack = await startFakeSlackApi();
    store = memoryStore();
    clock = Date.now();
    const logger = createLogger('silent');
    server = createAppServer(logger);
    const config = loadConfig({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: STATE_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    const router = createRouter({ commands, kb, store, logger: recordingLogger() });
    const adapter = await startSlack({ config, router, server, logger, store, now: () => clock });
    stop = adapter.stop;
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  afterEach(async () => {
    await server.close(100);
    await stop();
    await slack.close();
  });

  /** Starts an install; returns the state Slack would carry back and the cookie the browser keeps. */
  async function startInstall() {
    const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('123.456');
    expect(location.searchParams.get('scope')).toContain('chat:write');
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { state: location.searchParams.get('state')!, cookie };
  }
  const callback = (code: string, state: string, cookie: string) =>
    fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  const event = (body: object) => {
    const text = JSON.stringify(body);
    return fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign(text, Math.floor(clock / 1000)) },
      body: text,
    });
  };
  const mentionFrom = (team: string, id: string) => {
    const m = fixture<{ team_id: string; event_id: string; event: Record<string, unknown> }>('app-mention.json');
    return { ...m, team_id: team, event_id: id, event: { ...m.event, team } };
  };

  it('installs, keeps the token sealed, answers the workspace with its own token, and forgets it on uninstall', async () => {
    const { state, cookie } = await startInstall();
    const done = await callback('T2', state, cookie);
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/installed/i);
    expect(slack.callsTo('/api/oauth.v2.access')).toHaveLength(1);

    const kept = await store.getInstallation('T2');
    expect(kept).toBeDefined();
    expect(kept!.sealed).not.toContain('xoxb-');
    expect(kept!.sealed).not.toContain('UBOTT2');

    expect((await event(mentionFrom('T2', 'Ev1'))).status).toBe(200);
    await until(() => slack.callsTo('/api/chat.postMessage').length === 1);
    expect(slack.callsTo('/api/chat.postMessage')[0]!.auth).toBe('Bearer xoxb-T2-token');

    await store.saveScenario('slack:T2:C1', { name: 'plan', command: 'margin', inputs: {}, savedBy: 'u', savedAt: 'now' });
    expect((await event({ type: 'event_callback', team_id: 'T2', event_id: 'Ev2', event: { type: 'app_uninstalled' } })).status).toBe(200);
    await until(async () => (await store.getInstallation('T2')) === undefined);
    expect(await store.listScenarios('slack:T2:C1')).toEqual([]);

    // Gone: a mention from that workspace is no longer answered.
    await event(mentionFrom('T2', 'Ev3'));
    await stop();
    expect(slack.callsTo('/api/chat.postMessage')).toHaveLength(1);
  });

  it('refuses a forged state, a state without its cookie, and an expired one', async () => {
    const { state, cookie } = await startInstall();
    const forged = `${state.split('.')[0]}.AAAA${state.split('.')[1]!.slice(4)}`;
    expect((await callback('T2', forged, cookie.replace(state, forged))).status).toBe(400);
    expect((await callback('T2', state, 'other=1')).status).toBe(400);
    clock += 11 * 60_000;
    expect((await callback('T2', state, cookie)).status).toBe(400);
    expect(slack.callsTo('/api/oauth.v2.access')).toHaveLength(0);
    expect(await store.getInstallation('T2')).toBeUndefined();
  });

  it('tells a workspace that has not installed the app so, in its slash command answer', async () => {
    const body = new URLSearchParams({ ...fixture<Record<string, string>>('slash-command.json'), team_id: 'T9' }).toString();
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body, Math.floor(clock / 1000)) },
      body,
    });
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/not installed/) });
  });
});

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
