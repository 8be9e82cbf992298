// `genai-bot register discord` against an intercepted Discord API, and the invite link.
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { toCommandsJson } from '../src/adapters/discord/commands.js';
import { INVITE_PERMISSIONS, inviteUrl, registerDiscordCommands } from '../src/adapters/discord/register.js';
import { loadConfig } from '../src/config.js';
import { APPLICATION_ID } from './fixtures/discord/interactions.js';

const TOKEN = 'MTE2NjgzNDUxMDAyMTYzMjAzMQ.test.not-a-real-token';
const GUILD = '1105150207146012772';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function register(env: Record<string, string>) {
  const out = sink();
  const err = sink();
  const code = await registerDiscordCommands({ config: loadConfig(env), out: out.stream, err: err.stream });
  return { code, out: out.text(), err: err.text() };
}

/** A command as Discord returns it: ids, version, defaults and nulls beside what was sent. */
function asStored(command: ReturnType<typeof toCommandsJson>[number]) {
  return {
    id: '1293840154519638047',
    application_id: APPLICATION_ID,
    version: '1293840154519638048',
    default_member_permissions: null,
    nsfw: false,
    contexts: [0, 1, 2],
    integration_types: [0],
    name_localizations: null,
    ...command,
    options: command.options.map((o) => ({ name_localizations: null, ...o })),
  };
}

afterEach(() => nock.cleanAll());

describe('register discord', () => {
  it('reads the current commands, bulk-overwrites them with the registry, and says what changed', async () => {
    const desired = toCommandsJson(commands);
    const [help, moat] = [desired.find((c) => c.name === 'help')!, desired.find((c) => c.name === 'moat')!];
    let putBody: unknown;
    const api = nock('https://discord.com', { reqheaders: { authorization: `Bot ${TOKEN}` } })
      .get(`/api/v10/applications/${APPLICATION_ID}/commands`)
      .query({ with_localizations: 'true' })
      .reply(200, [
        asStored(help),
        { ...asStored(moat), description: 'An older description' },
        { ...asStored(help), name: 'legacy', id: '1' },
      ])
      .put(`/api/v10/applications/${APPLICATION_ID}/commands`, (body) => {
        putBody = body;
        return true;
      })
      .reply(200, desired.map(asStored));
    const result = await register({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID });
    expect(api.isDone()).toBe(true);
    expect(putBody).toEqual(JSON.parse(JSON.stringify(desired)));
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const added = desired.map((c) => c.name).filter((n) => n !== 'help' && n !== 'moat');
    expect(result.out).toBe(
      [
        'Discord commands (global):',
        `  added (${added.length}): ${added.map((n) => `/${n}`).join(', ')}`,
        '  updated (1): /moat',
        '  removed (1): /legacy',
        '  unchanged (1)',
        `Registered ${desired.length} commands.`,
        '',
      ].join('\n'),
    );
  });

  it('registers to one guild when DISCORD_GUILD_ID is set', async () => {
    const route = `/api/v10/applications/${APPLICATION_ID}/guilds/${GUILD}/commands`;
    const desired = toCommandsJson(commands);
    const api = nock('https://discord.com').get(route).query(true).reply(200, desired.map(asStored)).put(route).reply(200, []);
    const result = await register({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD });
    expect(api.isDone()).toBe(true);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Discord commands (guild ${GUILD}):\n  unchanged (${desired.length})\n`);
  });

  it('fails in one clear line on a refused token, without retrying', async () => {
    nock('https://discord.com')
      .get(`/api/v10/applications/${APPLICATION_ID}/commands`)
      .query(true)
      .once()
      .reply(401, { message: '401: Unauthorized', code: 0 });
    const result = await register({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID });
    expect(result).toEqual({ code: 1, out: '', err: 'genai-bot: DISCORD_TOKEN was refused by Discord (401): check the bot token\n' });
  });

  it('names a missing setting before touching the network', async () => {
    const noToken = await register({ DISCORD_APPLICATION_ID: APPLICATION_ID });
    expect(noToken.code).toBe(1);
    expect(noToken.err).toMatch(/^genai-bot: DISCORD_TOKEN is not set: .*\n$/);
    const noApp = await register({ DISCORD_TOKEN: TOKEN });
    expect(noApp.code).toBe(1);
    expect(noApp.err).toMatch(/^genai-bot: DISCORD_APPLICATION_ID is not set: .*\n$/);
  });

  it('explains an unreachable Discord', async () => {
    const result = await register({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^genai-bot: could not reach Discord: /);
  });
});

describe('invite link', () => {
  it('asks for the bot and command scopes and only the permissions used', () => {
    // View Channel 1<<10, Send Messages 1<<11, Embed Links 1<<14, Attach Files 1<<15,
    // Read Message History 1<<16, Send Messages in Threads 1<<38.
    expect(INVITE_PERMISSIONS).toBe(1024n + 2048n + 16384n + 32768n + 65536n + 274877906944n);
    expect(inviteUrl(APPLICATION_ID)).toBe(
      `https://discord.com/oauth2/authorize?client_id=${APPLICATION_ID}&scope=bot%20applications.commands&permissions=274878024704`,
    );
  });
});
