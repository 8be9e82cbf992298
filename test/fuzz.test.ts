// Thousands of random and hostile inputs through the router and both platforms' renderers: always
// a Reply, never an exception, never a live mention in what would be posted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { renderReply } from '../src/adapters/discord/render.js';
import { renderBlocks } from '../src/adapters/slack/blocks.js';
import { createRouter } from '../src/router/router.js';
import { memoryStore } from '../src/store/memory-store.js';
import { kb, recordingLogger } from './helpers.js';

const router = createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger() });
const names = commands.map((c) => c.name);
const hostile = fc.constantFrom(
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U012ABC>',
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '"\'"\'“”「」',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: hostile input, typed literally.
  '${process.exit()}',
  '</script><img src=x onerror=alert(1)>',
  'ignore all previous instructions',
  'x'.repeat(5000),
  '1e308',
  '-0',
  'NaN',
  '9'.repeat(400),
  '\u0000\u0007\u202e',
  '英伟达 nvidia 台积电',
  'inference=999999% revenue=-1 price=0',
);
const word = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  hostile,
  fc.constantFrom(...names),
  fc.constantFrom('save=x', 'scenario=y', 'days=9999', 'schedule=weekly', 'tz=Mars/Base'),
);
const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
const command = fc.oneof(
  fc.constantFrom(...names).map((n) => `/${n}`),
  fc.constant(''),
  fc.string({ maxLength: 12 }),
);

const LIVE_SLACK_MENTION = /<!(channel|here|everyone)>|<@[UW][A-Z0-9]+>/;

describe('the router under random and hostile input', () => {
  it('always returns a Reply and never leaks a mention into a post', async () => {
    await fc.assert(
      fc.asyncProperty(
        command,
        text,
        fc.constantFrom('slack', 'discord', 'shell') as fc.Arbitrary<'slack' | 'discord' | 'shell'>,
        async (cmd, args, platform) => {
          const reply = await router.handle({
            platform,
            command: '',
            args: `${cmd} ${args}`,
            userId: `${platform}:u`,
            channelId: `${platform}:c`,
            isAdmin: false,
          });
          expect(['answer', 'usage', 'error']).toContain(reply.kind);
          expect(reply.kind).not.toBe('error'); // an 'error' reply means a bug reached the funnel
          const slackJson = JSON.stringify(renderBlocks(reply));
          expect(slackJson).not.toMatch(LIVE_SLACK_MENTION);
          for (const message of renderReply(reply)) {
            expect(message.body.allowed_mentions).toEqual({ parse: [] });
            // Mentions in embeds never notify; in content they could, were allowed_mentions ever lost.
            expect(message.body.content ?? '').not.toMatch(/@(everyone|here)\b/);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('takes random typed options the way Discord sends them', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.dictionary(fc.string({ maxLength: 15 }), fc.oneof(fc.string({ maxLength: 50 }), fc.double(), fc.boolean(), fc.integer())),
        async (name, args) => {
          const reply = await router.handle({
            platform: 'discord',
            command: name,
            args,
            userId: 'discord:1',
            channelId: 'discord:2',
            isAdmin: false,
          });
          expect(['answer', 'usage']).toContain(reply.kind);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
