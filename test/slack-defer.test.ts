// Slack shows a timeout to anyone whose command is not acknowledged within 3 s. A command not
// declared slow that takes longer anyway (a cold chart, a busy machine) is acknowledged at about
// 2 s and answered through response_url: signed requests to a real server on port 0,
// response_url intercepted with nock.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEFER_AFTER_MS } from '../src/adapters/slack/dispatch.js';
import type { Reply } from '../src/core/reply.js';
import type { Router } from '../src/router/router.js';
import { slackMessageProblems } from './slack-message-rules.js';
import { hook, json, startSlackServer } from './slack-helpers.js';

afterEach(() => nock.cleanAll());

/** A router whose answers wait until the test lets them go: a command as slow as the test wants. */
function heldRouter() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const wrap = (router: Router): Router => ({
    ...router,
    handle: async (invocation) => {
      const reply: Reply = await router.handle(invocation);
      await gate;
      return reply;
    },
  });
  return { wrap, release: () => release() };
}

describe('a Slack command that is not ready in time', () => {
  it('is acknowledged within Slack’s 3 s, text only, and answered through response_url', async () => {
    // The default deadline leaves a second of Slack's 3 s for the network and a busy event loop. The
    // test uses a short one: what it checks is the shape of the acknowledgement and the follow-up,
    // and a wall-clock bound would fail at random on a loaded machine.
    expect(DEFAULT_DEFER_AFTER_MS).toBeLessThanOrEqual(2000);
    const held = heldRouter();
    const slack = await startSlackServer({ wrapRouter: held.wrap, deferAfterMs: 50 });
    const answer = hook();
    const first = await json(await slack.command({ command: '/layer', text: 'infra', response_url: answer.url }));
    expect(first).toEqual({ response_type: 'ephemeral', text: '⏳ Working on it…' });
    held.release();
    const [later] = await answer.received();
    expect(later).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(later.blocks[0].text.text).toBe('Infrastructure (infra)');
    expect(later.blocks.at(-1).elements[0]).toMatchObject({ action_id: 'share_in_channel', value: 'en /layer infra' });
    expect(slackMessageProblems(later)).toEqual([]);
    await slack.close();
  });

  it('answers in the acknowledgement when the answer is ready in time', async () => {
    const slack = await startSlackServer({ deferAfterMs: 10_000 });
    const body = await json(await slack.command({ command: '/moat', text: 'nvidia' }));
    expect(body.blocks[0].text.text).toBe('NVIDIA: moats');
    await slack.close();
  });

  it('posts a public answer as a new message, leaving the private note alone', async () => {
    const held = heldRouter();
    const slack = await startSlackServer({ wrapRouter: held.wrap, deferAfterMs: 20 });
    const answer = hook();
    const first = await json(await slack.command({ command: '/layer', text: 'apps --public', response_url: answer.url }));
    expect(first).toEqual({ response_type: 'ephemeral', text: '⏳ Working on it…' });
    held.release();
    const [later] = await answer.received();
    expect(later).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(slackMessageProblems(later)).toEqual([]);
    await slack.close();
  });
});
