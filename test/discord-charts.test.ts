// A chart never holds up a Discord answer: the interaction response carries the text, and the
// chart follows as an edit adding the image once it has been drawn off the event loop. Too many
// charts waiting: the answer says its chart was skipped. A failed render: logged, and the answer
// stands. Through the dispatcher both transports share (a recording responder), and through the
// HTTP endpoint at its real boundary (signed requests, the webhook PATCH intercepted).
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { Interaction, OutgoingMessage } from '../src/adapters/discord/api-types.js';
import { dispatchInteraction, type InteractionResponder } from '../src/adapters/discord/dispatch.js';
import { createInteractionsEndpoint } from '../src/adapters/discord/http-endpoint.js';
import { closeRest, createRest, interactionWebhooks } from '../src/adapters/discord/rest.js';
import type { ChartRenderer } from '../src/core/chart/chart-renderer.js';
import type { Router } from '../src/router/router.js';
import { createAppServer } from '../src/server/http-server.js';
import { failingRenders, heldRenders, turn, until } from './chart-helpers.js';
import { APPLICATION_ID, commandInteraction, readMultipart, signingKeys } from './fixtures/discord/interactions.js';
import { kb, router } from './helpers.js';

afterEach(() => {
  nock.cleanAll();
});

/** Records what was sent, in order; `say` names each call. */
function recordingResponder() {
  const sent: { call: string; message?: OutgoingMessage }[] = [];
  const record = (call: string) => async (message?: OutgoingMessage) => void sent.push({ call, ...(message ? { message } : {}) });
  const responder: InteractionResponder = {
    reply: record('reply'),
    defer: async () => void sent.push({ call: 'defer' }),
    suggest: async () => void sent.push({ call: 'suggest' }),
    editOriginal: record('edit'),
    deleteOriginal: async () => void sent.push({ call: 'delete' }),
    followUp: record('followUp'),
  };
  return { sent, responder };
}

function recordingLogger() {
  const lines: { obj: object; msg: string }[] = [];
  const at = (obj: object, msg: string) => void lines.push({ obj, msg });
  return { lines, warn: at, error: at, info: at };
}

const margin = (inference: string) => commandInteraction('margin', { inference });
const files = (m?: OutgoingMessage) => (m?.files ?? []).map((f) => f.name);

function dispatch(interaction: Interaction, charts: ChartRenderer, options: { router?: Router } = {}) {
  const { sent, responder } = recordingResponder();
  const logger = recordingLogger();
  const done = dispatchInteraction(interaction, responder, { router: options.router ?? router, kb, logger, charts });
  return { sent, logger, done };
}

describe('a Discord chart command', () => {
  it('responds with the text while its chart is still being drawn, then edits the chart in', async () => {
    const renders = heldRenders();
    const { sent, done } = dispatch(margin('30%'), renders.renderer);
    await until(() => sent.length === 1);
    expect(sent[0]!.call).toBe('reply');
    expect(files(sent[0]!.message)).toEqual([]);
    expect(sent[0]!.message!.body.embeds![0]!.title).toMatch(/gross margin/i);
    await turn();
    expect(sent).toHaveLength(1);

    renders.releaseAll();
    await done;
    expect(sent.map((s) => s.call)).toEqual(['reply', 'edit']);
    const edit = sent[1]!.message!;
    expect(files(edit)).toEqual(['chart.png']);
    expect(edit.body.embeds!.at(-1)!.image).toEqual({ url: 'attachment://chart.png' });
    // The edit is the same answer with the image added.
    expect(edit.body.embeds![0]!.title).toBe(sent[0]!.message!.body.embeds![0]!.title);
  });

  it('answered late edits the text in first, then the chart', async () => {
    const renders = heldRenders();
    const { sent, done } = dispatch(margin('31%'), renders.renderer, { router: { ...router, isSlow: () => true } });
    await until(() => sent.length === 2);
    expect(sent.map((s) => s.call)).toEqual(['defer', 'edit']);
    expect(files(sent[1]!.message)).toEqual([]);
    renders.releaseAll();
    await done;
    expect(sent.map((s) => s.call)).toEqual(['defer', 'edit', 'edit']);
    expect(files(sent[2]!.message)).toEqual(['chart.png']);
  });

  it('says its chart was skipped when too many are waiting, and sends no edit', async () => {
    const renders = heldRenders({ concurrency: 1, maxWaiting: 0 });
    const busy = dispatch(margin('32%'), renders.renderer);
    await until(() => busy.sent.length === 1);
    const skipped = dispatch(margin('33%'), renders.renderer);
    await skipped.done;
    expect(skipped.sent.map((s) => s.call)).toEqual(['reply']);
    expect(skipped.sent[0]!.message!.body.embeds![0]!.description).toContain('The chart was skipped');
    expect(skipped.logger.lines.map((l) => l.msg)).toEqual(['chart skipped: too many charts waiting; answering without it']);
    renders.releaseAll();
    await busy.done;
  });

  it('keeps the answer when its chart fails to render, and logs why', async () => {
    const { sent, logger, done } = dispatch(margin('34%'), failingRenders());
    await done;
    expect(sent.map((s) => s.call)).toEqual(['reply']);
    expect(logger.lines).toEqual([{ obj: { err: 'render thread crashed' }, msg: 'chart render failed; the answer stands without it' }]);
  });
});

describe('a chart command at the HTTP interactions endpoint', () => {
  it('answers in the HTTP response with the text, and PATCHes the chart in only after it', async () => {
    const NOW = Date.parse('2026-03-02T10:00:00Z');
    const keys = signingKeys();
    const renders = heldRenders();
    const logger = recordingLogger();
    const rest = createRest({});
    const endpoint = createInteractionsEndpoint({
      publicKey: keys.publicKeyHex,
      webhooks: interactionWebhooks(rest, APPLICATION_ID),
      router,
      kb,
      logger,
      charts: renders.renderer,
      now: () => NOW,
    });
    const server = createAppServer(logger);
    server.route('POST', '/discord/interactions', endpoint.handler);
    const port = await server.listen(0, '127.0.0.1');
    try {
      const interaction = margin('35%');
      const patches: Awaited<ReturnType<typeof readMultipart>>[] = [];
      nock('https://discord.com')
        .patch(`/api/v10/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original`)
        .reply(async function (_uri, body) {
          const raw = Buffer.from(String(body), /^[0-9a-f]+$/i.test(String(body)) ? 'hex' : 'utf8');
          patches.push(await readMultipart(raw, String(this.req.headers['content-type'])));
          return [200, { id: '1' }];
        });
      const body = JSON.stringify(interaction);
      const timestamp = String(NOW / 1000);
      const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': keys.sign(timestamp, body),
          'x-signature-timestamp': timestamp,
        },
        body,
      });
      const answer = (await res.json()) as { type: number; data: { embeds: { title: string; image?: unknown }[] } };
      expect(answer.type).toBe(4);
      expect(answer.data.embeds[0]!.title).toMatch(/gross margin/i);
      expect(answer.data.embeds.some((e) => e.image)).toBe(false);
      expect(patches).toEqual([]);

      renders.releaseAll();
      await endpoint.settled();
      expect(patches).toHaveLength(1);
      expect(patches[0]!.files.map((f) => f.name)).toEqual(['chart.png']);
      expect(nock.pendingMocks()).toEqual([]);
    } finally {
      await endpoint.settled();
      closeRest(rest);
      await server.close();
    }
  });
});
