// Test doubles for the Slack boundary: a real server on port 0 with the Slack route, requests
// signed the way Slack signs them, an intercepted Web API host, and response_urls of their own.
// Each test owns what it starts: its follow-ups are tracked and awaited, and each interceptor
// matches the one request the test expects.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { commands } from '../commands/index.js';
import { adminChecker } from '../src/adapters/slack/channel.js';
import { registerSlackHttp } from '../src/adapters/slack/http.js';
import { createWebClient } from '../src/adapters/slack/web.js';
import type { AnswerWriter } from '../src/core/search/answer-writer.js';
import { createLogger } from '../src/logger.js';
import { createRouter, type Router } from '../src/router/router.js';
import { FollowUps } from '../src/server/follow-ups.js';
import { createAppServer } from '../src/server/http-server.js';
import { memoryStore } from '../src/store/memory-store.js';
import type { ChartRenderer } from '../src/core/chart/chart-renderer.js';
import { inThreadCharts, kb, recordingLogger } from './helpers.js';

export const SECRET = 'test-signing-secret';
export const SLACK_API = 'https://slack.test';
export const HOOKS = 'https://hooks.slack.com';

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/slack/${name}`, import.meta.url), 'utf8')) as T;
}

export function sign(body: string, timestamp: number, secret = SECRET): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export async function startSlackServer(
  opts: {
    now?: () => number;
    answerWriter?: AnswerWriter;
    wrapRouter?: (router: Router) => Router;
    deferAfterMs?: number;
    /** Rasterises the charts (default: on the test's own thread, real PNGs). */
    charts?: ChartRenderer;
  } = {},
) {
  const logger = createLogger('silent');
  const server = createAppServer(logger);
  const realRouter = createRouter({
    commands,
    kb,
    store: memoryStore(),
    logger: recordingLogger(),
    ...(opts.answerWriter ? { answerWriter: opts.answerWriter } : {}),
  });
  const router = opts.wrapRouter ? opts.wrapRouter(realRouter) : realRouter;
  const web = createWebClient('xoxb-test', logger, { slackApiUrl: `${SLACK_API}/api/` });
  const historyWeb = createWebClient('xoxb-test', logger, { slackApiUrl: `${SLACK_API}/api/`, rejectRateLimited: true });
  const followUps = new FollowUps();
  registerSlackHttp(server, {
    router,
    web,
    historyWeb,
    isAdmin: adminChecker(web, logger),
    logger,
    fetch,
    commandNames: new Set(commands.map((c) => c.name)),
    followUps,
    charts: opts.charts ?? inThreadCharts(),
    signingSecret: SECRET,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.deferAfterMs !== undefined ? { deferAfterMs: opts.deferAfterMs } : {}),
  });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    url,
    /** Resolves when every follow-up started so far (posts, uploads, retries) has finished. */
    settled: () => followUps.settled(),
    close: async () => {
      await followUps.settled();
      await server.close();
    },
    /** A slash command as Slack posts it: form-encoded, signed now, with a response_url of its own unless given. */
    command: (fields: Record<string, string>, headers: Record<string, string> = {}) => {
      const body = new URLSearchParams({
        ...fixture<Record<string, string>>('slash-command.json'),
        response_url: responseUrl(),
        ...fields,
      }).toString();
      const ts = Math.floor((opts.now ?? Date.now)() / 1000);
      return fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body, ts), ...headers },
        body,
      });
    },
    /** An Events API or interactivity request, signed now. */
    post: (body: string, contentType: string, headers: Record<string, string> = {}) => {
      const ts = Math.floor((opts.now ?? Date.now)() / 1000);
      return fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...sign(body, ts), ...headers }, body });
    },
  };
}

/** A response_url no other request uses. */
export function responseUrl(): string {
  return `${HOOKS}/commands/T0001/${Date.now()}/${randomUUID()}`;
}

/**
 * A response_url of its own with an interceptor for exactly `times` posts to it: `posts` collects
 * what the bot sent there, `received(n)` waits for the n-th.
 */
export function hook(times = 1) {
  const url = responseUrl();
  const posts: any[] = [];
  nock(HOOKS)
    .post(new URL(url).pathname, (body) => {
      posts.push(body);
      return true;
    })
    .times(times)
    .reply(200, 'ok');
  return {
    url,
    posts,
    received: async (n = 1) => {
      await until(() => posts.length >= n);
      return posts;
    },
  };
}

/** Waits until an intercepted call has happened (follow-ups are asynchronous by design). */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for a follow-up call');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A response body as JSON, typed loosely: tests assert its shape. */
export const json = async (res: Response): Promise<any> => res.json();

/** A slash command's form body from one user in a channel of their own ("C1" for who = "1"). */
export function slashBody(text: string, responseUrl: string, command = '/layer', who = '1'): string {
  return new URLSearchParams({
    team_id: 'T1',
    channel_id: `C${who}`,
    user_id: `U${who}`,
    command,
    text,
    response_url: responseUrl,
  }).toString();
}

/** Posts a signed `/margin` to a bot's Slack endpoint, as Slack would, and gives its acknowledgement as text. */
export async function signedMargin(eventsUrl: string, responseUrl: string, text: string): Promise<string> {
  const body = new URLSearchParams({
    ...fixture<Record<string, string>>('slash-command.json'),
    command: '/margin',
    text,
    response_url: responseUrl,
  }).toString();
  const res = await fetch(eventsUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body, Math.floor(Date.now() / 1000)) },
    body,
  });
  return JSON.stringify(await res.json());
}
