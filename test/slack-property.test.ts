// For any text a person types, every message the Slack adapter sends keeps Slack's limits and
// holds no mention the bot did not write: the slash command's response (answer or
// acknowledgement), what follows through response_url (a deferred answer, a chart), the Share
// post, the mention reply, and the scheduled post of a digest or brief built from channel
// messages holding that text. The Web API is a local fake on 127.0.0.1 (it records every call);
// response_url posts go to a recording fetch.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { postToChannel, slackHistory } from '../src/adapters/slack/channel.js';
import { handleMention, handleSlashCommand, type SlackDeps } from '../src/adapters/slack/dispatch.js';
import { encodeShareValue } from '../src/adapters/slack/share-value.js';
import { handleShare } from '../src/adapters/slack/share.js';
import type { SlashCommand } from '../src/adapters/slack/to-invocation.js';
import { createWebClient } from '../src/adapters/slack/web.js';
import { createLogger } from '../src/logger.js';
import { createRouter } from '../src/router/router.js';
import { FollowUps } from '../src/server/follow-ups.js';
import { memoryStore } from '../src/store/memory-store.js';
import { type FakeSlackApi, startFakeSlackApi } from './fakes/slack-api.js';
import { inThreadCharts, kb, recordingLogger } from './helpers.js';
import { slackMessageProblems } from './slack-message-rules.js';

const SHARER = 'U0SHARER';
const names = commands.map((c) => c.name);

/** Pieces of what Slack sends as a command's or message's text: escapes, markup, hostile and ordinary words. */
const piece = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '<!channel>',
    '<!here>',
    '<!everyone>',
    '<@U012ABC>',
    '<@W1|ana>',
    '<#C123>',
    '<#C1|general>',
    '<!subteam^S1|@eng>',
    '<!date^1392734382^{date}|Feb 18>',
    '<https://evil.test|click me>',
    '&lt;!channel&gt;',
    '&lt;@U1&gt;',
    '&amp;lt;!here&amp;gt;',
    'R&amp;D',
    '@channel',
    '@here',
    '@everyone',
    '& < > ` * _ ~ > quote',
    '"\'“”「」\\',
    '😀',
    '英伟达 公司 层级',
    'public',
    '--public',
    'save=x',
    'schedule=weekly',
    'inference=30% price=$20 queries=1.5M',
    '"'.repeat(1200),
    '<'.repeat(900),
    'x'.repeat(2500),
  ),
  fc.constantFrom(...names),
);
const userText = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(' '));

describe('every Slack message, for any user text', () => {
  let api: FakeSlackApi;
  let deps: SlackDeps;
  const posted: { url: string; body: any }[] = [];

  beforeAll(async () => {
    api = await startFakeSlackApi();
    const logger = createLogger('silent');
    const web = createWebClient('xoxb-test', logger, { slackApiUrl: api.apiUrl });
    deps = {
      router: createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger() }),
      web,
      historyWeb: createWebClient('xoxb-test', logger, { slackApiUrl: api.apiUrl, rejectRateLimited: true }),
      isAdmin: async () => false,
      logger,
      // response_url: recorded here, never sent anywhere.
      fetch: (async (url: string, init: RequestInit) => {
        posted.push({ url, body: JSON.parse(String(init.body)) });
        return new Response('ok');
      }) as typeof fetch,
      commandNames: new Set(names),
      followUps: new FollowUps(),
      charts: inThreadCharts(),
    };
  });
  afterAll(async () => {
    await deps.followUps.settled();
    await api.close();
  });

  /** Every chat.postMessage the fake received since `from`, as the message Slack would read. */
  const postMessagesSince = (from: number) =>
    api.calls
      .slice(from)
      .filter((c) => c.path === '/api/chat.postMessage')
      .map((c) => {
        const body = c.body as Record<string, string>;
        return { text: body.text, blocks: JSON.parse(body.blocks ?? '[]') };
      });

  it('keeps Slack’s limits and carries no mention the bot did not write', async () => {
    let shared = 0;
    await fc.assert(
      fc.asyncProperty(userText, fc.constantFrom(...names), fc.boolean(), async (text, genaiCommand, deferAtOnce) => {
        deps.deferAfterMs = deferAtOnce ? 0 : 10_000;
        posted.length = 0;
        const callsBefore = api.calls.length;
        api.history.splice(0, api.history.length, { type: 'message', user: 'U1', text, ts: String(Date.now() / 1000 - 60) });
        const responses: any[] = [];
        const slash = (command: string, args: string): SlashCommand => ({
          team_id: 'T1',
          channel_id: 'C1',
          user_id: 'U1',
          command,
          text: args,
          response_url: `https://hooks.slack.test/commands/${command.slice(1)}`,
        });
        const acknowledge = (response: unknown) => void responses.push(response);
        for (const name of names) await handleSlashCommand(slash(`/${name}`, text), deps, acknowledge);
        await handleSlashCommand(slash('/genai', `${genaiCommand} ${text}`), deps, acknowledge);
        await deps.followUps.settled();

        // Share: every button the answers carried, and a press for every command with this text.
        const buttons = [...responses, ...posted.map((p) => p.body)]
          .flatMap((m) => m.blocks ?? [])
          .filter((b: any) => b.type === 'actions')
          .map((b: any) => b.elements[0].value as string);
        const values = [...buttons, ...names.map((n) => encodeShareValue({ command: `/${n}`, text, lang: 'en' }))];
        for (const value of values) {
          await handleShare(
            {
              user: { id: SHARER },
              channel: { id: 'C1' },
              response_url: 'https://hooks.slack.test/actions/1',
              actions: [{ action_id: 'share', value }],
            },
            deps,
          );
        }
        shared += posted.filter((p) => p.url.includes('/actions/')).length;

        await handleMention({ type: 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, ts: '1.1', channel: 'C1' }, 'T1', deps);
        for (const [command, args] of [
          ['digest', ''],
          ['brief', text],
        ] as const) {
          const reply = await deps.router.handle({
            platform: 'slack',
            command,
            args,
            userId: 'slack:scheduler',
            channelId: 'slack:T1:C1',
            isAdmin: true,
            wantsChart: false,
            history: slackHistory(deps.historyWeb!, 'C1', deps.logger),
          });
          if (reply.kind === 'answer') await postToChannel(deps.web, 'C1', { ...reply, ephemeral: false }, deps.logger);
        }
        await deps.followUps.settled();

        for (const message of responses) expect(slackMessageProblems(message)).toEqual([]);
        for (const { url, body } of posted) {
          const botMentions = url.includes('/actions/') ? [`<@${SHARER}>`] : [];
          expect(slackMessageProblems(body, { botMentions })).toEqual([]);
        }
        const posts = postMessagesSince(callsBefore);
        expect(posts.length).toBeGreaterThanOrEqual(1); // the mention reply at least
        for (const message of posts) expect(slackMessageProblems(message)).toEqual([]);
      }),
      { numRuns: 25 },
    );
    // The property said something about Share: answers were shared, not only refused.
    expect(shared).toBeGreaterThan(25);
  });
});
