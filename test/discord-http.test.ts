// The HTTP interactions endpoint at its real boundary: a throwaway Ed25519 key pair, the real
// server on port 0, real signed requests; Discord's API intercepted with nock (the REST client
// uses the global fetch, which nock 14 intercepts on Node 20).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../commands/command.js';
import { commands } from '../commands/index.js';
import type { Interaction } from '../src/adapters/discord/api-types.js';
import { createInteractionsEndpoint, type InteractionsEndpoint } from '../src/adapters/discord/http-endpoint.js';
import { renderReply, withChart } from '../src/adapters/discord/render.js';
import { closeRest, createRest, interactionWebhooks } from '../src/adapters/discord/rest.js';
import { toInvocation } from '../src/adapters/discord/to-invocation.js';
import { createRouter, type Router } from '../src/router/router.js';
import { createAppServer, type AppServer } from '../src/server/http-server.js';
import { memoryStore } from '../src/store/memory-store.js';
import {
  APPLICATION_ID,
  autocompleteInteraction,
  commandInteraction,
  exampleOptions,
  fixture,
  readMultipart,
  signingKeys,
} from './fixtures/discord/interactions.js';
import { inThreadCharts, kb, router } from './helpers.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const TIMESTAMP = String(NOW / 1000);
const keys = signingKeys();
const API = 'https://discord.com';
const webhookPath = (token: string) => `/api/v10/webhooks/${APPLICATION_ID}/${token}`;

interface LogLine {
  level: string;
  obj: object;
  msg: string;
}

function recordingLogger() {
  const lines: LogLine[] = [];
  const at = (level: string) => (obj: object, msg: string) => void lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

interface Harness {
  endpoint: InteractionsEndpoint;
  logger: ReturnType<typeof recordingLogger>;
  post(body: string | object, headers?: Record<string, string | undefined>): Promise<Response>;
  close(): Promise<void>;
}

async function startEndpoint(withRouter: Router = router): Promise<Harness> {
  const logger = recordingLogger();
  const server: AppServer = createAppServer(logger);
  const rest = createRest({});
  const endpoint = createInteractionsEndpoint({
    publicKey: keys.publicKeyHex,
    webhooks: interactionWebhooks(rest, APPLICATION_ID),
    router: withRouter,
    kb,
    logger,
    charts: inThreadCharts(),
    now: () => NOW,
  });
  server.route('POST', '/discord/interactions', endpoint.handler);
  const port = await server.listen(0, '127.0.0.1');
  return {
    endpoint,
    logger,
    post(payload, headers = {}) {
      const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
      const signed = { 'x-signature-ed25519': keys.sign(TIMESTAMP, body), 'x-signature-timestamp': TIMESTAMP, ...headers };
      const sent = Object.fromEntries(Object.entries(signed).filter((e): e is [string, string] => e[1] !== undefined));
      return fetch(`http://127.0.0.1:${port}/discord/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...sent },
        body,
      });
    },
    async close() {
      await endpoint.settled();
      closeRest(rest);
      await server.close();
    },
  };
}

/** Records one call to Discord's API: its JSON, or its multipart parts. */
function intercept(method: 'patch' | 'post' | 'delete', path: string, status = 200) {
  let resolve!: (value: { json?: unknown; multipart?: Awaited<ReturnType<typeof readMultipart>> }) => void;
  const seen = new Promise<{ json?: unknown; multipart?: Awaited<ReturnType<typeof readMultipart>> }>((r) => (resolve = r));
  nock(API)
    [method](path)
    .reply(async function (_uri, body) {
      const type = String(this.req.headers['content-type'] ?? '');
      if (type.startsWith('multipart/form-data')) {
        const raw =
          typeof body === 'string' ? Buffer.from(body, /^[0-9a-f]+$/i.test(body) ? 'hex' : 'utf8') : Buffer.from(JSON.stringify(body));
        resolve({ multipart: await readMultipart(raw, type) });
      } else {
        resolve({ json: typeof body === 'string' && body ? JSON.parse(body) : body || undefined });
      }
      return [status, method === 'delete' ? '' : { id: '1293850000000000000' }];
    });
  return seen;
}

let h: Harness;
beforeAll(async () => {
  h = await startEndpoint();
});
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});
afterAll(async () => {
  await h.close();
});

describe('verification', () => {
  it('answers PING with PONG', async () => {
    const res = await h.post(fixture('ping'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it('refuses a request without a valid signature, logging no body or signature', async () => {
    const body = JSON.stringify(fixture('ping'));
    const other = keys.sign(TIMESTAMP, body.replace('"type":1', '"type":2'));
    const cases: [string, Promise<Response>][] = [
      ['no signature', h.post(body, { 'x-signature-ed25519': undefined })],
      ['no timestamp', h.post(body, { 'x-signature-timestamp': undefined })],
      ['neither', h.post(body, { 'x-signature-ed25519': undefined, 'x-signature-timestamp': undefined })],
      ['signature not hex', h.post(body, { 'x-signature-ed25519': 'zz'.repeat(64) })],
      ['signature too short', h.post(body, { 'x-signature-ed25519': 'ab'.repeat(10) })],
      ['signature of another body', h.post(body, { 'x-signature-ed25519': other })],
      ['another timestamp than signed', h.post(body, { 'x-signature-timestamp': String(NOW / 1000 + 1) })],
      ['timestamp not a number', h.post(body, { 'x-signature-timestamp': 'yesterday' })],
      ['a key pair not Discord’s', h.post(body, { 'x-signature-ed25519': signingKeys().sign(TIMESTAMP, body) })],
    ];
    for (const [label, response] of cases) {
      const res = await response;
      expect(res.status, label).toBe(401);
      expect(await res.json(), label).toEqual({ error: 'invalid request signature' });
    }
    // A tampered body: signed, then changed on the way.
    const signature = keys.sign(TIMESTAMP, body);
    const tampered = await h.post(body.replace('"version":1', '"version":2'), { 'x-signature-ed25519': signature });
    expect(tampered.status).toBe(401);
    const logged = JSON.stringify(h.logger.lines);
    expect(logged).not.toContain(signature);
    expect(logged).not.toContain('entitlements');
    expect(h.logger.lines.filter((l) => l.msg.includes('refused')).map((l) => (l.obj as { reason: string }).reason)).toEqual(
      expect.arrayContaining(['missing_headers', 'bad_signature_format', 'bad_signature', 'bad_timestamp']),
    );
  });

  it('refuses a correctly signed request that is too old (a replay)', async () => {
    const body = JSON.stringify(fixture('ping'));
    const old = String(NOW / 1000 - 3600);
    const res = await h.post(body, { 'x-signature-timestamp': old, 'x-signature-ed25519': keys.sign(old, body) });
    expect(res.status).toBe(401);
  });

  it('refuses signed bodies that are not interactions it handles', async () => {
    expect((await h.post('not json')).status).toBe(400);
    expect((await h.post({ ...fixture('command-guild'), type: 3 })).status).toBe(400);
  });
});

describe('commands', () => {
  const chartCommands = new Set(['margin', 'flow']);
  it.each(commands.map((c) => [c.name, c] as const))('/%s answers its first example', async (name, command: Command) => {
    const interaction = commandInteraction(name, exampleOptions(command));
    const reply = await router.handle(toInvocation(interaction));
    const expected = renderReply(reply);
    if (chartCommands.has(name)) {
      // The answer at once; its chart added after by PATCH as multipart (see http-endpoint.ts for why).
      const patched = intercept('patch', `${webhookPath(interaction.token)}/messages/@original`);
      const res = await h.post(interaction);
      expect(await res.json()).toEqual({ type: 4, data: expected[0]!.body });
      const { multipart } = await patched;
      const { flags: _flags, ...body } = withChart(expected[0]!, reply.chart!, new Uint8Array()).body;
      expect(multipart!.payload).toEqual(body);
      expect(multipart!.files).toHaveLength(1);
      expect(multipart!.files[0]).toMatchObject({ key: 'files[0]', name: 'chart.png', type: 'image/png' });
      expect(multipart!.files[0]!.bytes.subarray(1, 4).toString()).toBe('PNG');
      return;
    }
    if (router.isSlow(name)) {
      // Slow commands (reading a channel's history) are deferred; their follow-ups are tested below.
      const res = await h.post(interaction);
      expect(await res.json()).toEqual({ type: 5, data: { flags: 64 } });
      return;
    }
    const res = await h.post(interaction);
    expect(res.status).toBe(200);
    const answer = (await res.json()) as {
      type: number;
      data: { embeds?: { title?: string }[]; allowed_mentions: unknown; flags?: number };
    };
    expect(answer).toEqual({ type: 4, data: expected[0]!.body });
    expect(answer.data.allowed_mentions).toEqual({ parse: [] });
    // Public unless the command marks the answer private (saved scenarios) or it is a user error.
    expect(answer.data.flags).toBe(reply.ephemeral || reply.kind !== 'answer' ? 64 : undefined);
  });

  it('answers in the user’s locale, and from a DM', async () => {
    const res = await h.post(fixture('command-dm'));
    const answer = (await res.json()) as { type: number; data: { embeds: { title: string; description: string }[] } };
    expect(answer.type).toBe(4);
    expect(answer.data.embeds[0]!.title).toBe('Jasper');
    expect(answer.data.embeds[0]!.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it('answers a user error privately, naming the problem', async () => {
    const res = await h.post(commandInteraction('moat', { company: 'nobody inc' }));
    const answer = (await res.json()) as { type: number; data: { content: string; flags: number } };
    expect(answer.type).toBe(4);
    expect(answer.data.flags).toBe(64);
    expect(answer.data.content).toMatch(/nobody inc/);
  });

  it('sends what does not fit in one message as a follow-up', async () => {
    const interaction = commandInteraction('brief', { topic: 'theses' });
    const expected = renderReply(await router.handle(toInvocation(interaction)));
    expect(expected).toHaveLength(2);
    const followed = intercept('post', webhookPath(interaction.token));
    const res = await h.post(interaction);
    expect(await res.json()).toEqual({ type: 4, data: expected[0]!.body });
    expect((await followed).json).toEqual(expected[1]!.body);
  });
});

describe('slow commands', () => {
  it('defers at once, then edits the original with the exact rendered answer', async () => {
    const slowRouter = createRouter({
      commands,
      kb,
      store: memoryStore(),
      logger: { error: () => undefined },
      answerWriter: { write: async () => undefined },
    });
    expect(slowRouter.isSlow('ask')).toBe(true);
    const slow = await startEndpoint(slowRouter);
    try {
      const interaction = commandInteraction('ask', { question: 'who captures the most value? @everyone' });
      const expected = renderReply(await slowRouter.handle(toInvocation(interaction)));
      const patched = intercept('patch', `${webhookPath(interaction.token)}/messages/@original`);
      const res = await slow.post(interaction);
      expect(await res.json()).toEqual({ type: 5 });
      const { json } = await patched;
      expect(json).toEqual(expected[0]!.body);
      expect(json).toMatchObject({ allowed_mentions: { parse: [] }, embeds: [{ title: expect.any(String) }] });
      expect(json).not.toHaveProperty('flags');
    } finally {
      await slow.close();
    }
  });

  it('replaces the public "thinking…" with a private follow-up when the answer is a user error', async () => {
    const slow = await startEndpoint({ ...router, isSlow: () => true });
    try {
      const interaction = commandInteraction('moat', { company: '@everyone <@123456789012345678>' });
      const deleted = intercept('delete', `${webhookPath(interaction.token)}/messages/@original`);
      const followed = intercept('post', webhookPath(interaction.token));
      const res = await slow.post(interaction);
      expect(await res.json()).toEqual({ type: 5 });
      await deleted;
      const { json } = await followed;
      expect(json).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
      expect((json as { content: string }).content).toContain('@\u200beveryone');
    } finally {
      await slow.close();
    }
  });

  it('survives Discord failing the follow-up: retries twice, logs without the token, keeps serving', async () => {
    const slow = await startEndpoint({ ...router, isSlow: () => true });
    try {
      const interaction = commandInteraction('moat', { company: 'nvidia' });
      nock(API)
        .patch(`${webhookPath(interaction.token)}/messages/@original`)
        .times(3)
        .reply(502, 'bad gateway');
      const res = await slow.post(interaction);
      expect(await res.json()).toEqual({ type: 5 });
      await slow.endpoint.settled();
      const failure = slow.logger.lines.find((l) => l.msg.includes('answering an interaction failed'));
      expect(failure?.obj).toMatchObject({ error: { status: 502 }, command: 'moat' });
      expect(JSON.stringify(slow.logger.lines)).not.toContain(interaction.token);
      expect((await slow.post(fixture('ping'))).status).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it('waits out a 429 as Discord’s Retry-After says, then delivers', async () => {
    const slow = await startEndpoint({ ...router, isSlow: () => true });
    try {
      const interaction = commandInteraction('company', { name: 'jasper' });
      nock(API)
        .patch(`${webhookPath(interaction.token)}/messages/@original`)
        .reply(
          429,
          { message: 'You are being rate limited.', retry_after: 0, global: false },
          { 'retry-after': '0', 'x-ratelimit-scope': 'user' },
        );
      const patched = intercept('patch', `${webhookPath(interaction.token)}/messages/@original`);
      await slow.post(interaction);
      expect((await patched).json).toMatchObject({ embeds: [{ title: 'Jasper' }] });
      await slow.endpoint.settled();
      expect(slow.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});

describe('autocomplete', () => {
  const choices = async (typed: string, command = 'moat', option = 'company') => {
    const res = await h.post(autocompleteInteraction(command, option, typed));
    const body = (await res.json()) as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
    return body.data.choices;
  };

  it('suggests companies by prefix, alias-aware in both languages', async () => {
    expect((await choices('nvi'))[0]).toEqual({ name: 'NVIDIA', value: 'NVIDIA' });
    expect((await choices('英伟'))[0]).toEqual({ name: 'NVIDIA (英伟达)', value: 'NVIDIA' });
    expect(await choices('nvi', 'compare', 'b')).toContainEqual({ name: 'NVIDIA', value: 'NVIDIA' });
  });

  it('offers the first 25 by name when nothing is typed', async () => {
    const all = await choices('');
    expect(all).toHaveLength(Math.min(25, kb.companies.length));
    const names = all.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('offers nothing for options that do not autocomplete', async () => {
    expect(await choices('inf', 'layer', 'layer')).toEqual([]);
  });

  it('answers the recorded fixture', async () => {
    const res = await h.post(fixture('autocomplete') as Interaction);
    expect(((await res.json()) as { data: { choices: unknown[] } }).data.choices).toContainEqual({ name: 'NVIDIA', value: 'NVIDIA' });
  });
});
