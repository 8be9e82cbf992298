// The printed Slack manifest, in HTTP and Socket Mode, against Slack's rules for app manifests;
// and its scopes against what the adapter really calls and subscribes to, read from its source.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { BOT_SCOPES, cutAtWord, EVENT_SCOPES, METHOD_SCOPES, slackManifest } from '../src/adapters/slack/manifest.js';
import { manifestProblems } from './slack-manifest-rules.js';

const modes = [
  { mode: 'HTTP', manifest: slackManifest(commands, 'https://bot.example.com/', false) as any },
  { mode: 'Socket Mode', manifest: slackManifest(commands, 'https://YOUR-BOT-HOST', true) as any },
  { mode: 'HTTP with the OAuth install', manifest: slackManifest(commands, 'https://bot.example.com', false, true) as any },
];

/** The adapter's own source, where every Web API call and event subscription is written. */
const adapterSource = readdirSync(new URL('../src/adapters/slack/', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(new URL(`../src/adapters/slack/${f}`, import.meta.url), 'utf8'))
  .join('\n');

/** The SDK helper files.uploadV2 is two Web API methods (and an upload to the URL the first returns). */
const SDK_HELPERS: Record<string, string[]> = { 'files.uploadV2': ['files.getUploadURLExternal', 'files.completeUploadExternal'] };

function methodsCalled(): Set<string> {
  const found = [...adapterSource.matchAll(/\.(auth|chat|conversations|files|users|apps|reactions|views|team)\.(\w+)\(/g)].map(
    (m) => `${m[1]}.${m[2]}`,
  );
  return new Set(found.flatMap((m) => SDK_HELPERS[m] ?? [m]));
}

function eventsHandled(): Set<string> {
  return new Set([...adapterSource.matchAll(/event\.type === '(\w+)'|app\.event\('(\w+)'/g)].map((m) => (m[1] ?? m[2])!));
}

describe('the Slack app manifest', () => {
  it('names the OAuth redirect URL only when the OAuth install is configured', () => {
    const oauth = modes[2]!.manifest;
    expect(oauth.oauth_config.redirect_urls).toEqual(['https://bot.example.com/slack/oauth_redirect']);
    expect(modes[0]!.manifest.oauth_config.redirect_urls).toBeUndefined();
  });

  it.each(modes)('passes Slack’s manifest rules in $mode', ({ manifest }) => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('is checked by rules that catch what Slack refused before (empty hint, missing URL, long fields)', () => {
    const [http] = modes;
    const broken = structuredClone(http!.manifest);
    broken.features.slash_commands[0].usage_hint = '';
    broken.features.slash_commands[1].description = 'x'.repeat(2001);
    delete broken.features.slash_commands[2].url;
    broken.features.slash_commands[3].command = `/${'a'.repeat(32)}`;
    expect(manifestProblems(broken)).toEqual([
      'features.slash_commands[0].usage_hint must have at least 1 characters (has 0)',
      'features.slash_commands[1].description must have at most 2000 characters (has 2001)',
      'features.slash_commands[2].url is required',
      'features.slash_commands[3].command must have at most 32 characters (has 33)',
    ]);
  });

  it.each(modes)('declares every command once, with its whole description and hint, in $mode', ({ manifest }) => {
    const declared = manifest.features.slash_commands;
    expect(declared.map((c: any) => c.command)).toEqual([...commands.map((c) => `/${c.name}`), '/genai']);
    for (const command of commands) {
      const entry = declared.find((c: any) => c.command === `/${command.name}`);
      // Nothing is cut: every description and hint fits Slack's limits whole.
      expect(entry.description).toBe(command.description.en);
      if (command.options.length === 0) expect(entry).not.toHaveProperty('usage_hint');
      else expect(entry.usage_hint.endsWith('…')).toBe(false);
    }
    expect(declared.find((c: any) => c.command === '/schedules')).not.toHaveProperty('usage_hint');
    expect(declared.find((c: any) => c.command === '/margin').usage_hint).toMatch(/\[cost_per_query=…\] \[save=…\] \[scenario=…\]$/);
    expect(declared.find((c: any) => c.command === '/genai').description).toMatch(/\/genai 公司 英伟达/);
  });

  it('points commands, events and buttons at /slack/events in HTTP mode, and nowhere in Socket Mode', () => {
    const [http, socket] = modes;
    for (const c of http!.manifest.features.slash_commands) expect(c.url).toBe('https://bot.example.com/slack/events');
    expect(http!.manifest.settings.event_subscriptions.request_url).toBe('https://bot.example.com/slack/events');
    expect(http!.manifest.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
    expect(socket!.manifest.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket!.manifest)).not.toMatch(/YOUR-BOT-HOST/);
  });

  it('asks for exactly the scopes the adapter’s calls and events need', () => {
    const called = methodsCalled();
    // Every method the adapter calls has its scopes declared, and no declared method is unused.
    expect([...called].sort()).toEqual(Object.keys(METHOD_SCOPES).sort());
    const handled = eventsHandled();
    expect([...handled].sort()).toEqual(Object.keys(EVENT_SCOPES).sort());
    const needed = new Set([
      ...[...called].flatMap((m) => METHOD_SCOPES[m]!),
      ...[...handled].flatMap((e) => EVENT_SCOPES[e]!),
      'commands',
    ]);
    for (const { manifest } of modes) {
      expect(manifest.oauth_config.scopes.bot).toEqual([...needed].sort());
      expect(manifest.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
      expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...handled].sort());
    }
    expect(BOT_SCOPES).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'users:read',
    ]);
  });
});

describe('cutting a manifest text', () => {
  it('cuts after a whole word, within the limit, or not at all', () => {
    expect(cutAtWord('short enough', 100)).toBe('short enough');
    expect(cutAtWord('revenue with dates and sources', 20)).toBe('revenue with dates…');
    expect(cutAtWord('revenue with dates and sources', 20).length).toBeLessThanOrEqual(20);
    expect(cutAtWord('[cost_per_query=…] [save=…]', 22)).toBe('[cost_per_query=…]…');
    expect(cutAtWord(`${'a'.repeat(18)}😀b`, 20)).toBe(`${'a'.repeat(18)}…`);
  });
});
