// The built bot in server mode, as an operator starts it: only Slack's signing secret and bot token
// set, no network, port 0. It serves signed slash commands, refuses bad signatures, and stops
// cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, autocompleteInteraction, commandInteraction, fixture, signingKeys } from './fixtures/discord/interactions.js';
import { json, sign } from './slack-helpers.js';

const BIN = fileURLToPath(new URL('../dist/src/bin.js', import.meta.url));

/** Starts the built bot with these variables and resolves to the port it logs. */
async function startBot(extra: Record<string, string>) {
  const child = spawn(process.execPath, [BIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      STORE_PATH: join(mkdtempSync(join(tmpdir(), 'srv-')), 'store.json'),
      LOG_LEVEL: 'info',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line in: ${logs}`)), 10_000);
    child.stderr.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
      const match = /"port":(\d+).*listening on port/.exec(logs);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  const stop = async () => {
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exit;
  };
  return { port, stop, logs: () => logs };
}

describe('npm start with Slack credentials', () => {
  it('serves signed slash commands on PORT and refuses bad signatures', async () => {
    const bot = await startBot({ SLACK_SIGNING_SECRET: 'test-signing-secret', SLACK_BOT_TOKEN: 'xoxb-offline' });
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      command: '/layer',
      text: 'infra',
      response_url: 'https://hooks.slack.com/commands/T1/1/x',
    }).toString();
    const post = (headers: Record<string, string>) =>
      fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const ok = await post(sign(body, Math.floor(Date.now() / 1000)));
    expect(ok.status).toBe(200);
    const reply = await json(ok);
    expect(reply.blocks[0].text.text).toBe('Infrastructure (infra)');
    expect(JSON.stringify(reply)).toMatch(/10-20%/);
    expect((await post({ ...sign(body, Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=00' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
    const ready = await json(await fetch(`http://127.0.0.1:${bot.port}/readyz`));
    expect(ready).toMatchObject({ ready: true, store: 'ok', adapters: { slackHttp: true, discordHttp: false } });
    expect(await (await fetch(`http://127.0.0.1:${bot.port}/metrics`)).text()).toMatch(
      /genai_bot_requests_total\{platform="slack",command="layer",outcome="answer"\} 1/,
    );
    expect(await bot.stop()).toBe(0);
    expect(bot.logs()).not.toMatch(/test-signing-secret|xoxb-offline/);
  });
});

describe('npm start with Discord credentials', () => {
  it('answers signed interactions on PORT, autocomplete included, and refuses bad signatures', async () => {
    const keys = signingKeys();
    const bot = await startBot({ DISCORD_PUBLIC_KEY: keys.publicKeyHex, DISCORD_APPLICATION_ID: APPLICATION_ID });
    const post = (interaction: object, tamper = false) => {
      const body = JSON.stringify(interaction);
      const timestamp = String(Math.floor(Date.now() / 1000));
      return fetch(`http://127.0.0.1:${bot.port}/discord/interactions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': keys.sign(timestamp, tamper ? `${body} ` : body),
          'x-signature-timestamp': timestamp,
        },
        body,
      });
    };
    expect(await json(await post(fixture('ping')))).toEqual({ type: 1 });
    const layer = await json(await post(commandInteraction('layer', { layer: 'infra' })));
    expect(layer.type).toBe(4);
    expect(layer.data.embeds[0].title).toBe('Infrastructure (infra)');
    expect(layer.data.allowed_mentions).toEqual({ parse: [] });
    const choices = await json(await post(autocompleteInteraction('moat', 'company', '英伟')));
    expect(choices.type).toBe(8);
    expect(choices.data.choices[0].value).toBe('NVIDIA');
    expect((await post(commandInteraction('layer', { layer: 'infra' }), true)).status).toBe(401);
    expect(await bot.stop()).toBe(0);
  });
});
