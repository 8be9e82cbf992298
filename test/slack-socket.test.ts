// Socket Mode at its real boundary: Slack's WebSocket endpoint is a local WebSocket server that
// speaks Slack's envelope protocol (hello, slash_commands, events_api), the Web API is intercepted.
import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startSlack } from '../src/adapters/slack/index.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { createAppServer } from '../src/server/http-server.js';
import { router } from './helpers.js';
import { fixture, until } from './slack-helpers.js';

afterAll(() => nock.cleanAll());

describe('Slack Socket Mode', () => {
  it('answers slash commands in the ack and mentions in a thread', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    const port = (wss.address() as { port: number }).port;
    const fromBot: any[] = [];
    let socket: WebSocket | undefined;
    wss.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => fromBot.push(JSON.parse(String(data))));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'test' }, connection_info: { app_id: 'A123456' } }));
    });
    nock('https://slack.test')
      .post('/api/auth.test')
      .reply(200, { ok: true, user_id: 'U0LAN0Z89', bot_id: 'B0BOT', team: 'Example', user: 'genai-market' });
    nock('https://slack.test')
      .post('/api/apps.connections.open')
      .reply(200, { ok: true, url: `ws://127.0.0.1:${port}/link` });
    const posted: any[] = [];
    nock('https://slack.test')
      .post('/api/chat.postMessage', (b) => (posted.push(b), true))
      .reply(200, { ok: true, ts: '1.2' });

    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: 'https://slack.test/api/' });
    const logger = createLogger('silent');
    const slack = await startSlack({ config, router, server: createAppServer(logger), logger });
    await until(() => socket !== undefined, 8000);

    socket!.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: { ...fixture('slash-command.json'), command: '/moat', text: 'nvidia' },
      }),
    );
    await until(() => fromBot.some((m) => m.envelope_id === 'env-1'));
    const ack = fromBot.find((m) => m.envelope_id === 'env-1');
    expect(ack.payload.response_type).toBe('ephemeral');
    expect(ack.payload.blocks[0].text.text).toBe('NVIDIA: moats');

    const mention = fixture<any>('app-mention.json');
    const envelope = JSON.stringify({
      envelope_id: 'env-2',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      payload: mention,
    });
    socket!.send(envelope);
    socket!.send(envelope.replace('"env-2"', '"env-3"')); // Slack re-delivering the same event
    await until(() => posted.length === 1);
    await until(() => fromBot.some((m) => m.envelope_id === 'env-3'));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ channel: 'C0LAE2CHD', thread_ts: '1515449522.000016' });

    await slack.stop();
    wss.close();
  });
});
