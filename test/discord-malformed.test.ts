// Signed interactions whose body has the wrong shape (options as an object, ids as numbers, a
// member without a user): Discord's key signed them, so they reach the adapter, and each must get
// a 400 naming what is wrong, never a 500 or a TypeError in the log. Real key pair, real server.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteractionsEndpoint } from '../src/adapters/discord/http-endpoint.js';
import { closeRest, createRest, interactionWebhooks } from '../src/adapters/discord/rest.js';
import { createAppServer } from '../src/server/http-server.js';
import { APPLICATION_ID, fixture, signingKeys } from './fixtures/discord/interactions.js';
import { inThreadCharts, kb, router } from './helpers.js';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const TIMESTAMP = String(NOW / 1000);
const keys = signingKeys();
const errors: { obj: object; msg: string }[] = [];
const logger = {
  info: () => undefined,
  warn: () => undefined,
  error: (obj: object, msg: string) => void errors.push({ obj, msg }),
};
const rest = createRest({});
const server = createAppServer(logger);
const endpoint = createInteractionsEndpoint({
  publicKey: keys.publicKeyHex,
  webhooks: interactionWebhooks(rest, APPLICATION_ID),
  router,
  kb,
  logger,
  charts: inThreadCharts(),
  now: () => NOW,
});
server.route('POST', '/discord/interactions', endpoint.handler);
let port = 0;
beforeAll(async () => {
  port = await server.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await endpoint.settled();
  closeRest(rest);
  await server.close();
});

async function post(payload: unknown): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(payload);
  const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': keys.sign(TIMESTAMP, body), 'x-signature-timestamp': TIMESTAMP },
    body,
  });
  return { status: res.status, body: await res.text() };
}

/** The guild fixture (/moat nvidia) with the value at `path` replaced. */
function withValue(path: readonly (string | number)[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(fixture('command-guild')) as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

describe('malformed interactions', () => {
  it('answers the well-formed fixture (the baseline the cases below break)', async () => {
    expect((await post(fixture('command-guild'))).status).toBe(200);
  });

  it('refuses options sent as an object with a 400 that says so, and logs no error', async () => {
    const res = await post(withValue(['data', 'options'], { company: 'nvidia' }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toBe('malformed interaction: data.options: Invalid input: expected array, received object');
    expect(errors).toEqual([]);
  });

  it.each([
    [['data', 'options', 0], 'nvidia'],
    [['data', 'options', 0, 'value'], { nested: true }],
    [['data', 'options', 0, 'name'], 7],
    [['data', 'name'], ['moat']],
    [['member', 'user'], null],
    [['member'], 'ada'],
    [['member', 'user', 'id'], 396392856],
    [['member', 'permissions'], 8],
    [['channel_id'], { id: '1' }],
    [['channel'], 'general'],
    [['locale'], 42],
    [['id'], null],
  ] as const)('refuses %j set to %j with a 400', async (path, value) => {
    const res = await post(withValue(path, value));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatch(/^malformed interaction: /);
    expect(errors).toEqual([]);
  });

  it('never answers 500 nor logs an error, whatever value replaces whatever field the adapter reads', async () => {
    const paths = [
      ['data'],
      ['data', 'name'],
      ['data', 'options'],
      ['data', 'options', 0],
      ['data', 'options', 0, 'name'],
      ['data', 'options', 0, 'type'],
      ['data', 'options', 0, 'value'],
      ['data', 'options', 0, 'options'],
      ['data', 'options', 0, 'focused'],
      ['member'],
      ['member', 'user'],
      ['member', 'user', 'id'],
      ['member', 'permissions'],
      ['user'],
      ['channel'],
      ['channel', 'id'],
      ['channel_id'],
      ['locale'],
      ['type'],
      ['token'],
      ['id'],
    ] as const;
    // Not plain strings at data.name: a string there is a well-formed command name, and a slow one would post later.
    const value = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 5 }).map((s) => [s]),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), value, async (path, v) => {
        const res = await post(withValue(path, v));
        expect([200, 400]).toContain(res.status);
        expect(errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
