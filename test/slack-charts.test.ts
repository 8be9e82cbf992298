// A chart never holds up a Slack answer: the acknowledgement (or the first response_url post, or
// the mention's reply) carries the text, and the chart's upload starts only after it, when the
// chart has been drawn off the event loop. Too many charts waiting: the answer says its chart was
// skipped. A failed render: logged, and the answer stands. Slack's Web API and response_urls are
// the local fake (test/fakes/slack-api.ts); renders are held until each test lets them go.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { handleMention, handleSlashCommand, type SlackDeps, type SlashAck, type SlashResponse } from '../src/adapters/slack/dispatch.js';
import type { SlashCommand } from '../src/adapters/slack/to-invocation.js';
import { createWebClient } from '../src/adapters/slack/web.js';
import type { ChartRenderer } from '../src/core/chart/chart-renderer.js';
import { createRouter, type Router } from '../src/router/router.js';
import { FollowUps } from '../src/server/follow-ups.js';
import { memoryStore } from '../src/store/memory-store.js';
import { failingRenders, heldRenders, turn, until } from './chart-helpers.js';
import { type FakeSlackApi, startFakeSlackApi } from './fakes/slack-api.js';
import { kb, recordingLogger } from './helpers.js';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});

const UPLOAD = '/api/files.getUploadURLExternal';
let commandCount = 0;

function slackDeps(
  charts: ChartRenderer,
  router: Router = createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger() }),
) {
  const warnings: { obj: object; msg: string }[] = [];
  const logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (obj: object, msg: string) => void warnings.push({ obj, msg }),
    error: (obj: object, msg: string) => void warnings.push({ obj, msg }),
  };
  const deps: SlackDeps = {
    router,
    web: createWebClient('xoxb-test', logger as never, { slackApiUrl: api.apiUrl }),
    logger: logger as never,
    fetch,
    commandNames: new Set(commands.map((c) => c.name)),
    followUps: new FollowUps(),
    charts,
    deferAfterMs: 10_000,
  };
  return { deps, warnings };
}

/** A /margin command with a response_url of its own on the fake. */
function margin(text: string): { cmd: SlashCommand; responsePath: string } {
  const id = `charts-${++commandCount}`;
  return {
    cmd: { team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/margin', text, response_url: api.responseUrl(id) },
    responsePath: `/commands/${id}`,
  };
}

const blockTypes = (message: { blocks?: Record<string, unknown>[] }) => (message.blocks ?? []).map((b) => b.type);
const uploadsSince = (from: number) => api.calls.slice(from).filter((c) => c.path === UPLOAD);

describe('a Slack chart command', () => {
  it('is acknowledged with the text while its chart is still being drawn; the upload starts after', async () => {
    const renders = heldRenders();
    const { deps } = slackDeps(renders.renderer);
    const { cmd, responsePath } = margin('inference=30% inference_change=-50%');
    const from = api.calls.length;
    let ack: { at: number; response: SlashResponse | SlashAck } | undefined;
    await handleSlashCommand(cmd, deps, (response) => {
      ack = { at: performance.now(), response };
    });
    // Acknowledged with the answer, and nothing uploaded, while the render is still held.
    expect(ack!.response.text).toMatch(/gross margin/i);
    expect(blockTypes(ack!.response as SlashResponse)).not.toContain('image');
    expect(renders.started).toHaveLength(1);
    await turn();
    expect(uploadsSince(from)).toEqual([]);

    renders.releaseAll();
    await deps.followUps.settled();
    const [upload] = uploadsSince(from);
    expect(upload!.at).toBeGreaterThan(ack!.at);
    const [withChart] = api.callsTo(responsePath);
    expect(withChart!.body).toMatchObject({ replace_original: true });
    expect(blockTypes(withChart!.body as never)).toContain('image');
  });

  it('answered late posts the text through response_url first, then the chart', async () => {
    const renders = heldRenders();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger() });
    const late: Router = { ...real, handle: async (invocation) => (await gate, real.handle(invocation)) };
    const { deps } = slackDeps(renders.renderer, late);
    deps.deferAfterMs = 0;
    const { cmd, responsePath } = margin('inference=40%');
    const acks: (SlashResponse | SlashAck)[] = [];
    await handleSlashCommand(cmd, deps, (response) => void acks.push(response));
    expect(acks).toEqual([{ response_type: 'ephemeral', text: '⏳ Working on it…' }]);
    release();
    await until(() => api.callsTo(responsePath).length === 1);
    const [answer] = api.callsTo(responsePath);
    expect(blockTypes(answer!.body as never)).not.toContain('image');
    expect(JSON.stringify(answer!.body)).toMatch(/gross margin/i);

    const from = api.calls.length;
    renders.releaseAll();
    await deps.followUps.settled();
    expect(uploadsSince(from)).toHaveLength(1);
    expect(uploadsSince(from)[0]!.at).toBeGreaterThan(answer!.at);
    expect(blockTypes(api.callsTo(responsePath)[1]!.body as never)).toContain('image');
  });

  it('says its chart was skipped when too many are waiting, and uploads nothing', async () => {
    const renders = heldRenders({ concurrency: 1, maxWaiting: 0 });
    const { deps, warnings } = slackDeps(renders.renderer);
    const busy = margin('inference=21%');
    await handleSlashCommand(busy.cmd, deps, () => undefined);
    const from = api.calls.length;
    const skipped = margin('inference=22%');
    let response: SlashResponse | undefined;
    await handleSlashCommand(skipped.cmd, deps, (r) => {
      response = r as SlashResponse;
    });
    expect(JSON.stringify(response!.blocks)).toContain('The chart was skipped: too many are being drawn right now.');
    expect(warnings.map((w) => w.msg)).toContain('chart skipped: too many charts waiting; answering without it');
    renders.releaseAll();
    await deps.followUps.settled();
    expect(api.callsTo(skipped.responsePath)).toEqual([]);
    // Only the chart that was accepted is uploaded.
    expect(uploadsSince(from)).toHaveLength(1);
  });

  it('keeps the answer when its chart fails to render, and logs why', async () => {
    const { deps, warnings } = slackDeps(failingRenders());
    const { cmd, responsePath } = margin('inference=23%');
    const from = api.calls.length;
    let response: SlashResponse | undefined;
    await handleSlashCommand(cmd, deps, (r) => {
      response = r as SlashResponse;
    });
    await deps.followUps.settled();
    expect(response!.text).toMatch(/gross margin/i);
    expect(uploadsSince(from)).toEqual([]);
    expect(api.callsTo(responsePath)).toEqual([]);
    expect(warnings).toContainEqual({ obj: { err: 'render thread crashed' }, msg: 'chart render failed; the answer stands without it' });
  });

  it('asked by @-mention is answered in the thread first, then the answer is updated to show the chart', async () => {
    const renders = heldRenders();
    const { deps } = slackDeps(renders.renderer);
    const from = api.calls.length;
    const answered = handleMention(
      { type: 'app_mention', user: 'U1', text: '<@UBOT> /margin inference=35%', ts: '1700000000.000100', channel: 'C9' },
      'T1',
      deps,
    );
    await until(() => api.calls.slice(from).some((c) => c.path === '/api/chat.postMessage'));
    expect(uploadsSince(from)).toEqual([]);
    renders.releaseAll();
    await answered;
    const paths = api.calls
      .slice(from)
      .map((c) => c.path)
      .filter((p) => p.startsWith('/api/'));
    expect(paths).toEqual(['/api/chat.postMessage', UPLOAD, '/api/files.completeUploadExternal', '/api/chat.update']);
    const update = api.calls.slice(from).find((c) => c.path === '/api/chat.update')!.body as Record<string, string>;
    expect(update.channel).toBe('C9');
    expect(JSON.parse(update.blocks!).map((b: { type: string }) => b.type)).toContain('image');
  });
});
