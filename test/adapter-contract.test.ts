// One contract every adapter's rendering keeps, the shell included: whatever the platform, a user
// sees the title, every key figure with its value, the sources with their vintage and the first
// suggestion; long replies stay whole or are visibly cut; and no echoed text can ping anyone.
import { describe, expect, it } from 'vitest';
import { renderText } from '../src/adapters/shell/render-text.js';
import { renderBlocks } from '../src/adapters/slack/blocks.js';
import { renderReply } from '../src/adapters/discord/render.js';
import type { Reply } from '../src/core/reply.js';
import { ask } from './helpers.js';

/** Everything a person can read of a rendered reply, as one string. */
const ADAPTERS: Record<string, (reply: Reply) => string> = {
  shell: (reply) => renderText(reply, 100),
  slack: (reply) => {
    const { text, blocks } = renderBlocks(reply);
    return `${text}\n${JSON.stringify(blocks)}`.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  },
  discord: (reply) =>
    renderReply(reply)
      .map((m) => JSON.stringify(m.body))
      .join('\n'),
};

/** What "cannot ping" means on each platform. A terminal pings nobody. */
const INERT: Record<string, (reply: Reply) => boolean> = {
  shell: () => true,
  slack: (reply) => !/<!(channel|here|everyone)>|<@[UW][A-Z0-9]+>|@(channel|here|everyone)\b/.test(JSON.stringify(renderBlocks(reply))),
  discord: (reply) =>
    renderReply(reply).every(
      (m) => JSON.stringify(m.body.allowed_mentions) === '{"parse":[]}' && !/@(everyone|here)\b/.test(m.body.content ?? ''),
    ),
};

const plain = (s: string) =>
  s
    .replace(/\\n/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\u2060|\u200b/g, '');

describe.each(Object.entries(ADAPTERS))('the %s adapter', (name, render) => {
  it('shows the title, every key figure, the sources with their vintage, and a suggestion', async () => {
    for (const text of [
      '/layer infra',
      '/company 英伟达',
      '/margin inference=30% inference_change=-50%',
      '/ask what share of revenue goes to the clouds?',
    ]) {
      const reply = await ask(text);
      const shown = plain(render(reply));
      expect(shown, text).toContain(plain(reply.title));
      for (const f of reply.figures) expect(shown, `${text}: ${f.label}`).toContain(plain(f.value));
      for (const s of reply.sources) {
        expect(shown, text).toContain(s.vintage);
        expect(shown, text).toContain(plain(s.label).slice(0, 20));
      }
      if (reply.suggestions[0]) expect(shown, text).toContain(reply.suggestions[0]);
    }
  });

  it('shows a user error’s message and its example', async () => {
    const reply = await ask('/company nvidai');
    const shown = plain(render(reply));
    expect(shown).toContain('Did you mean');
    expect(shown).toContain('/company jasper');
  });

  it('keeps what users typed from pinging anyone', async () => {
    const reply = await ask('/company <!channel> <@U123ABC> @everyone @here');
    expect(INERT[name]!(reply)).toBe(true);
  });
});
