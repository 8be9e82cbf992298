// What people type reaches Slack as text, never as markup: through Share, mention replies and
// button values, at the real boundary (signed requests to a real server on port 0, Web API and
// response_url calls intercepted with nock).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderBlocks } from '../src/adapters/slack/blocks.js';
import { fromSlack } from '../src/adapters/slack/escape.js';
import { decodeShareValue, encodeShareValue } from '../src/adapters/slack/share-value.js';
import { ask } from './helpers.js';
import { slackMessageProblems } from './slack-message-rules.js';
import { fixture, hook, json, SLACK_API, startSlackServer } from './slack-helpers.js';

afterEach(() => nock.cleanAll());

/** A block_actions payload for a press of the Share button carrying `value`. */
function sharePress(value: string, responseUrl: string, userId = 'U2147483697'): string {
  const payload = fixture<any>('block-actions.json');
  payload.user.id = userId;
  payload.actions[0].value = value;
  payload.response_url = responseUrl;
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe('Slack text in, Slack text out', () => {
  let slack: Awaited<ReturnType<typeof startSlackServer>>;
  beforeAll(async () => {
    slack = await startSlackServer();
  });
  afterEach(async () => {
    await slack.settled();
    expect(nock.pendingMocks()).toEqual([]);
  });
  afterAll(() => slack.close());

  it('shares an answer whose question held a mention without pinging anyone', async () => {
    // The question as Slack sends it: what the user typed, "<" escaped.
    const question = '&lt;!channel&gt; &lt;!here&gt; &lt;@U999&gt; &lt;#C123&gt; &lt;!subteam^S1&gt; who captures the most value?';
    const answer = await json(await slack.command({ command: '/ask', text: question }));
    const button = answer.blocks.at(-1).elements[0];
    expect(button.value).toBe('en /ask <!channel> <!here> <@U999> <#C123> <!subteam^S1> who captures the most value?');
    const share = hook();
    expect((await slack.post(sharePress(button.value, share.url), 'application/x-www-form-urlencoded')).status).toBe(200);
    const [posted] = await share.received();
    expect(posted.response_type).toBe('in_channel');
    // The one mention is the bot's own, of the person who pressed Share.
    expect(slackMessageProblems(posted, { botMentions: ['<@U2147483697>'] })).toEqual([]);
    const context = posted.blocks.at(-1).elements[0].text;
    expect(context).toBe(
      'Shared by <@U2147483697> · `/ask &lt;!channel&gt; &lt;!here&gt; &lt;@U999&gt; &lt;#C123&gt; &lt;!subteam^S1&gt; who captures the most value?`',
    );
  });

  it('never writes a mention for a sharer id that is not a Slack user id', async () => {
    const share = hook();
    await slack.post(sharePress('en /layer infra', share.url, '!channel'), 'application/x-www-form-urlencoded');
    const [posted] = await share.received();
    expect(slackMessageProblems(posted)).toEqual([]);
    expect(posted.blocks.at(-1).elements[0].text).toBe('Shared by · `/layer infra`');
  });

  it('still shares from buttons posted before the plain encoding (JSON values)', async () => {
    const share = hook();
    await slack.post(sharePress('{"c":"/moat","t":"nvidia","l":"en"}', share.url), 'application/x-www-form-urlencoded');
    const [posted] = await share.received();
    expect(posted.blocks[0].text.text).toBe('NVIDIA: moats');
  });

  it('answers a mention without echoing its markup, and shows "R&D" as typed, escaped once', async () => {
    const posted: any[] = [];
    nock(SLACK_API)
      .post('/api/chat.postMessage', (body) => (posted.push(body), true))
      .reply(200, { ok: true, ts: '1515449523.000100' });
    const event = fixture<any>('app-mention.json');
    event.event_id = 'EvMARKUP1';
    event.event.text = '<@U0LAN0Z89> <!channel> does R&amp;D at &lt;@U1&gt; count as a moat for <@U2|ana>?';
    await slack.post(JSON.stringify(event), 'application/json');
    await slack.settled();
    expect(posted).toHaveLength(1);
    const message = { text: posted[0].text, blocks: JSON.parse(posted[0].blocks) };
    expect(slackMessageProblems(message)).toEqual([]);
    expect(JSON.stringify(message)).not.toMatch(/&amp;amp;|&amp;lt;/);
  });
});

describe('reading Slack’s text', () => {
  it('turns escapes and markup into what the person saw, once', () => {
    expect(fromSlack('R&amp;D &lt;b&gt; &amp;lt;')).toBe('R&D <b> &lt;');
    expect(fromSlack('<@U1|ana> <@U2> <#C1|general> <!here> <!subteam^S1|@eng> <https://x.test|report> <mailto:a@b.test|a@b.test>')).toBe(
      '@ana @U2 #general @here @eng report a@b.test',
    );
    // What someone typed that looks like markup stays text.
    expect(fromSlack('&lt;!channel&gt;')).toBe('<!channel>');
  });
});

describe('the Share button’s value', () => {
  it('stays within 2,000 characters for any text, however much encoding would grow it', async () => {
    const reply = await ask('/layer infra');
    for (const text of ['"'.repeat(4000), '\\'.repeat(3999), '😀'.repeat(1500), `${'a'.repeat(1993)}😀`, '<&>'.repeat(1300)]) {
      const message = renderBlocks(reply, { share: { command: '/ask', text } });
      const value = message.blocks.at(-1)!.elements as { value: string }[];
      expect(value[0]!.value.length).toBeLessThanOrEqual(2000);
      expect(value[0]!.value).not.toMatch(/[\uD800-\uDBFF]$/); // never half an emoji
      expect(slackMessageProblems(message)).toEqual([]);
    }
  });

  it('carries a question full of quotes whole, where JSON would have doubled it', () => {
    const question = `who said "${'"'.repeat(480)}"?`;
    const value = encodeShareValue({ command: '/ask', text: question, lang: 'en' });
    expect(value.length).toBe(question.length + 8);
    expect(decodeShareValue(value)).toEqual({ command: '/ask', text: question, lang: 'en' });
    expect(decodeShareValue('{"c":"/ask","t":"x"}')).toEqual({ command: '/ask', text: 'x' });
    expect(decodeShareValue('garbage')).toBeUndefined();
  });
});
