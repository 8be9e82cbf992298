// The Slack adapter at the real boundary: a real server on port 0, requests signed with Slack's
// scheme, outbound Web API and response_url calls intercepted with nock.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { renderBlocks } from '../src/adapters/slack/blocks.js';
import { slackManifest } from '../src/adapters/slack/manifest.js';
import { postJson } from '../src/adapters/slack/respond.js';
import { verifySlackRequest } from '../src/adapters/slack/verify.js';
import { fixture, hook, json, SLACK_API, startSlackServer } from './slack-helpers.js';
import { ask } from './helpers.js';
import { slackMessageProblems } from './slack-message-rules.js';

// Only loopback is open (test/setup/loopback-only.ts): every other call must be intercepted.
afterEach(() => nock.cleanAll());

/** Every Block Kit limit the bot must respect, and no markup it did not write. */
function expectWithinLimits(message: Record<string, any>, botMentions: string[] = []): void {
  expect(slackMessageProblems(message, { botMentions })).toEqual([]);
}

describe('Slack request signing', () => {
  it('accepts Slack’s documented test vector', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const check = (nowSeconds: number, signature = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503') =>
      verifySlackRequest({
        signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
        timestamp: '1531420618',
        signature,
        body: Buffer.from(body),
        nowSeconds,
      });
    expect(check(1531420618)).toEqual({ ok: true });
    expect(check(1531420618 + 301)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(check(1531420618 - 301)).toEqual({ ok: false, reason: 'stale_timestamp' }); // from the future: Bolt lets this through
    expect(check(1531420618, 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504')).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});

describe('POST /slack/events', () => {
  let slack: Awaited<ReturnType<typeof startSlackServer>>;
  beforeAll(async () => {
    slack = await startSlackServer();
  });
  // Whatever a test started (a chart upload, a post) finishes before the next test begins.
  afterEach(async () => {
    await slack.settled();
    expect(nock.pendingMocks()).toEqual([]);
  });
  afterAll(() => slack.close());

  it('answers /layer infra privately, with Block Kit and a share button', async () => {
    const res = await slack.command({ command: '/layer', text: 'infra' });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Infrastructure (infra)', emoji: false } });
    expect(JSON.stringify(body.blocks)).toMatch(/10-20%/);
    expect(body.blocks.at(-1).elements[0]).toMatchObject({ action_id: 'share_in_channel', value: 'en /layer infra' });
    expectWithinLimits(body);
  });

  it('answers every command of the registry within Slack’s limits', async () => {
    for (const command of commands) {
      const example = command.examples[0]!;
      const [name, ...rest] = example.split(' ');
      const slow = command.slow === true;
      // A chart's upload is refused (the answer stands without it); a slow command reads an empty channel and answers later.
      if (['margin', 'flow'].includes(command.name))
        nock(SLACK_API).post('/api/files.getUploadURLExternal').reply(200, { ok: false, error: 'not_allowed' });
      if (command.name === 'digest') nock(SLACK_API).post('/api/conversations.history').reply(200, { ok: true, messages: [] });
      const later = slow ? hook() : undefined;
      const res = await slack.command({ command: name!, text: rest.join(' '), ...(later ? { response_url: later.url } : {}) });
      expect(res.status, example).toBe(200);
      const body = await json(res);
      expect(body.text.length, example).toBeGreaterThan(0);
      expectWithinLimits(body);
      if (later) expectWithinLimits((await later.received())[0]);
      await slack.settled();
      expect(nock.pendingMocks(), example).toEqual([]);
    }
  });

  it('routes /genai <command>', async () => {
    const body = await json(await slack.command({ command: '/genai', text: 'moat nvidia' }));
    expect(body.blocks[0].text.text).toBe('NVIDIA: moats');
  });

  it('posts publicly only when asked, and never for an error', async () => {
    expect((await json(await slack.command({ command: '/layer', text: 'infra public' }))).response_type).toBe('in_channel');
    expect((await json(await slack.command({ command: '/layer', text: '--public apps' }))).response_type).toBe('in_channel');
    const error = await json(await slack.command({ command: '/company', text: 'nvidai public' }));
    expect(error.response_type).toBe('ephemeral');
    expect(JSON.stringify(error.blocks)).toMatch(/Did you mean/);
    expect(JSON.stringify(error.blocks)).not.toMatch(/share_in_channel/);
  });

  it('escapes what users typed so nothing can ping a channel or a person', async () => {
    // Typed literally, Slack sends "<" escaped; as markup (a real @channel), it sends "<!channel>".
    const typed = await json(await slack.command({ command: '/company', text: '&lt;!channel&gt; &lt;@U123&gt; @here R&amp;D' }));
    const text = JSON.stringify(typed);
    expect(text).not.toMatch(/<!channel>|<@U123>/);
    expect(text).toMatch(/&lt;!channel&gt; &lt;@U123&gt; @\u2060here R&amp;D/); // escaped once: on screen as typed
    expect(text).not.toMatch(/&amp;lt;|&amp;amp;/);
    expectWithinLimits(typed);
    const markup = await json(await slack.command({ command: '/company', text: '<!channel> <@U123|ana> <!subteam^S1|@team>' }));
    expect(JSON.stringify(markup)).toMatch(/@\u2060channel @ana @team/);
    expectWithinLimits(markup);
  });

  it('refuses bad, missing, stale and future signatures, and tampered bodies, with 401', async () => {
    const body = new URLSearchParams(fixture<Record<string, string>>('slash-command.json')).toString();
    const post = (headers: Record<string, string>, payload = body) =>
      fetch(slack.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: payload });
    const now = Math.floor(Date.now() / 1000);
    const { sign } = await import('./slack-helpers.js');
    expect((await post({})).status).toBe(401);
    expect((await post({ ...sign(body, now), 'x-slack-signature': 'v0=deadbeef' })).status).toBe(401);
    expect((await post(sign(body, now - 6 * 60))).status).toBe(401);
    expect((await post(sign(body, now + 6 * 60))).status).toBe(401);
    expect((await post(sign(body, now), body.replace('infra', 'apps'))).status).toBe(401);
    expect((await post(sign(body, now, 'another-secret'))).status).toBe(401);
  });

  it('refuses bodies over the size limit', async () => {
    const res = await slack.post('x'.repeat(300 * 1024), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(413);
  });

  it('answers the URL verification challenge', async () => {
    const res = await slack.post(JSON.stringify(fixture('url-verification.json')), 'application/json');
    expect(await json(res)).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });

  it('answers a mention in its thread, once, however often Slack retries', async () => {
    const posted: any[] = [];
    nock(SLACK_API)
      .post('/api/chat.postMessage', (body) => (posted.push(body), true))
      .reply(200, { ok: true, ts: '1515449523.000100' });
    const event = JSON.stringify(fixture('app-mention.json'));
    expect((await slack.post(event, 'application/json')).status).toBe(200);
    expect((await slack.post(event, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(
      200,
    );
    // Both deliveries were acknowledged; once the work they started is done, one reply was posted.
    await slack.settled();
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ channel: 'C0LAE2CHD', thread_ts: '1515449522.000016', unfurl_links: 'false' });
    expect(posted[0].text).toMatch(/~20-40% of revenue/);
  });

  it('shares an answer in the channel when the button is pressed', async () => {
    const share = hook();
    const payload = { ...fixture('block-actions.json'), response_url: share.url };
    const res = await slack.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const shared = await share.received();
    expect(shared[0]).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(shared[0].blocks)).toMatch(/Shared by <@U2147483697>/);
    expect(shared[0].blocks[0].text.text).toBe('Infrastructure (infra)');
  });

  it('answers at once, then attaches the chart through response_url', async () => {
    nock(SLACK_API)
      .post('/api/files.getUploadURLExternal')
      .reply(200, { ok: true, upload_url: 'https://files.slack.test/upload/v1/abc', file_id: 'F0CHART' })
      .post('/api/files.completeUploadExternal')
      .reply(200, { ok: true, files: [{ id: 'F0CHART', title: 'chart' }] });
    nock('https://files.slack.test').post('/upload/v1/abc').reply(200, 'OK - 1234');
    const chart = hook();
    const body = await json(
      await slack.command({ command: '/margin', text: 'inference=30% inference_change=-50%', response_url: chart.url }),
    );
    expect(body.blocks[0].text.text).toBe('Gross margin 60% → 75%');
    const followUps = await chart.received();
    expect(followUps[0].replace_original).toBe(true);
    expect(followUps[0].blocks.find((b: any) => b.type === 'image')).toMatchObject({ slack_file: { id: 'F0CHART' } });
    expect(followUps[0].blocks.at(-1).type).toBe('actions');
  });
});

describe('slow commands', () => {
  it('acknowledge at once and answer through response_url', async () => {
    const slow = { write: async () => 'Apps spend about 20-40% of revenue on inference (§6).' };
    const slack = await startSlackServer({ answerWriter: slow });
    const answer = hook();
    const first = await json(
      await slack.command({ command: '/ask', text: 'what share of revenue goes to inference?', response_url: answer.url }),
    );
    // Text only: an empty blocks list is not a valid message.
    expect(first).toEqual({ response_type: 'ephemeral', text: '⏳ Working on it…' });
    const followUps = await answer.received();
    expect(followUps[0]).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(followUps[0].blocks[1].text.text).toBe('Apps spend about 20-40% of revenue on inference (§6).');
    await slack.close();
  });
});

describe('/digest on Slack', () => {
  it('reads the channel, acknowledges at once, and posts publicly only when asked', async () => {
    const slack = await startSlackServer();
    nock(SLACK_API)
      .post('/api/conversations.history')
      .times(2)
      .reply(200, {
        ok: true,
        messages: [{ type: 'message', user: 'U1', text: 'inference is 60% of revenue for AI apps, right?', ts: String(Date.now() / 1000) }],
      });
    const private_ = hook();
    expect((await json(await slack.command({ command: '/digest', text: '', response_url: private_.url }))).text).toBe('⏳ Working on it…');
    const [first] = await private_.received();
    expect(first.response_type).toBe('ephemeral');
    expect(JSON.stringify(first.blocks)).toMatch(/disagrees: the essay says ~20-40%/);
    const public_ = hook();
    await json(await slack.command({ command: '/digest', text: 'days=3 public', response_url: public_.url }));
    const [second] = await public_.received();
    expect(second.response_type).toBe('in_channel');
    await slack.close();
  });
});

describe('scheduling on Slack', () => {
  it('asks users.info whether the user is an admin, and only lets admins schedule', async () => {
    const slack = await startSlackServer();
    nock(SLACK_API)
      .post('/api/users.info', (b) => b.user === 'U2147483697')
      .reply(200, { ok: true, user: { id: 'U2147483697', is_admin: false, is_owner: false } })
      .post('/api/users.info', (b) => b.user === 'UADMIN')
      .reply(200, { ok: true, user: { id: 'UADMIN', is_admin: true } });
    const refused = await json(await slack.command({ command: '/brief', text: 'schedule=daily' }));
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toMatch(/Only people who manage this channel can schedule/);
    const scheduled = await json(
      await slack.command({ command: '/brief', text: 'infra schedule=weekly day=fri time=16:00 tz=America/New_York', user_id: 'UADMIN' }),
    );
    expect(scheduled.blocks[0].text.text).toMatch(/^Scheduled \(id [0-9a-f]{4}\)$/);
    await slack.close();
  });
});

describe('response_url posts', () => {
  it('honour Retry-After on 429, retry a bounded number of times, and never throw', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    nock('https://hooks.slack.com').post('/commands/x').reply(429, '', { 'retry-after': '3' }).post('/commands/x').reply(200, 'ok');
    expect(await postJson('https://hooks.slack.com/commands/x', { text: 'hi' }, { fetch, logger: { warn: () => undefined }, sleep })).toBe(
      true,
    );
    expect(waits).toEqual([3000]);
    nock('https://hooks.slack.com').post('/commands/y').times(3).reply(500);
    const warnings: object[] = [];
    expect(await postJson('https://hooks.slack.com/commands/y', {}, { fetch, logger: { warn: (o) => void warnings.push(o) }, sleep })).toBe(
      false,
    );
    expect(warnings).toHaveLength(1);
  });
});

describe('rendering', () => {
  it('keeps the largest replies within Block Kit’s limits', async () => {
    for (const text of ['/help', '/brief figures', '/compare openai stability', '/brief theses', '/layer models']) {
      const message = renderBlocks(await ask(text), { share: { command: '/x', text: 'y' } });
      expectWithinLimits(message);
    }
  });

  it('cuts what does not fit with a visible note instead of failing', async () => {
    const big = await ask('/brief figures');
    const huge = { ...big, body: Array.from({ length: 80 }, (_, i) => `paragraph ${i} ${'x'.repeat(4000)}`) };
    const message = renderBlocks(huge);
    expectWithinLimits(message);
    expect(JSON.stringify(message.blocks)).toMatch(/more sections not shown/);
  });
});

describe('the app manifest', () => {
  it('lists every command with its usage, /genai and the events the bot uses', () => {
    const manifest = slackManifest(commands, 'https://bot.example.com') as any;
    const names = manifest.features.slash_commands.map((c: any) => c.command);
    expect(names).toEqual([...commands.map((c) => `/${c.name}`), '/genai']);
    for (const c of manifest.features.slash_commands) {
      expect(c.url).toBe('https://bot.example.com/slack/events');
      expect(c.description.length).toBeLessThanOrEqual(2000);
    }
    expect(manifest.features.slash_commands.find((c: any) => c.command === '/moat').usage_hint).toBe('<company>');
    // The scopes themselves are checked against the methods and events used in slack-manifest.test.ts.
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'app_uninstalled', 'tokens_revoked']);
  });
});
