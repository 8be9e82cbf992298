// Recorded interaction payloads -> Invocations, and company autocomplete, as pure functions.
import { describe, expect, it } from 'vitest';
import { companyChoices } from '../src/adapters/discord/autocomplete.js';
import { isAdminPermissions, toInvocation } from '../src/adapters/discord/to-invocation.js';
import { fixture } from './fixtures/discord/interactions.js';
import { kb } from './helpers.js';

describe('interaction -> Invocation', () => {
  it('reads a guild command: member user, channel, locale, typed options, no admin rights', () => {
    const payload = fixture('command-guild');
    expect(toInvocation(payload)).toEqual({
      platform: 'discord',
      command: 'moat',
      args: { company: 'nvidia' },
      userId: 'discord:396392856346574848',
      channelId: 'discord:1105150207594799166',
      locale: 'en-US',
      isAdmin: false,
      wantsChart: true,
      raw: payload,
    });
  });

  it('reads a DM command: the top-level user, never an admin, the user’s locale', () => {
    expect(toInvocation(fixture('command-dm'))).toMatchObject({
      command: 'company',
      args: { name: 'jasper' },
      userId: 'discord:583029393282301972',
      channelId: 'discord:1166851249377247282',
      locale: 'zh-CN',
      isAdmin: false,
    });
  });

  it('takes the channel from the channel object when channel_id is absent', () => {
    const { channel_id: _omitted, ...payload } = fixture('command-guild');
    expect(toInvocation(payload).channelId).toBe('discord:1105150207594799166');
  });

  it('keeps option values typed and flattens subcommands', () => {
    const payload = fixture('command-guild');
    payload.data = {
      name: 'x',
      options: [
        {
          name: 'group',
          type: 1,
          options: [
            { name: 'n', type: 10, value: 1.5 },
            { name: 'flag', type: 5, value: true },
          ],
        },
      ],
    };
    expect(toInvocation(payload).args).toEqual({ n: 1.5, flag: true });
  });

  it('counts Manage Server, Manage Channels and Administrator as admin rights', () => {
    expect(isAdminPermissions(String(1 << 5))).toBe(true);
    expect(isAdminPermissions(String(1 << 4))).toBe(true);
    expect(isAdminPermissions(String(1 << 3))).toBe(true);
    expect(isAdminPermissions('380104985664')).toBe(false);
    expect(isAdminPermissions((2n ** 40n + 32n).toString())).toBe(true);
    expect(isAdminPermissions('not a number')).toBe(false);
    expect(isAdminPermissions(undefined)).toBe(false);
  });
});

describe('company autocomplete', () => {
  it('ranks name prefixes, then alias prefixes, then substrings', () => {
    const choices = companyChoices(kb, 'ai');
    expect(choices.length).toBeGreaterThan(0);
    const names = choices.map((c) => c.value);
    const firstSubstring = names.findIndex((n) => !n.toLowerCase().startsWith('ai'));
    if (firstSubstring >= 0) expect(names.slice(firstSubstring).every((n) => !n.toLowerCase().startsWith('ai'))).toBe(true);
  });

  it('shows the alias that matched beside the name, in either language', () => {
    expect(companyChoices(kb, '英伟')[0]).toEqual({ name: 'NVIDIA (英伟达)', value: 'NVIDIA' });
    expect(companyChoices(kb, 'NVIDIA')[0]).toEqual({ name: 'NVIDIA', value: 'NVIDIA' });
    expect(companyChoices(kb, '  n v i ')[0]).toEqual({ name: 'NVIDIA', value: 'NVIDIA' });
  });

  it('returns values the commands resolve, at most 25, within Discord’s 100 characters', () => {
    for (const typed of ['', 'a', 'e', 'open', '云', 'zzzz']) {
      const choices = companyChoices(kb, typed);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(kb.companyNames.resolve(c.value).found?.name).toBe(c.value);
        expect(c.name.length).toBeLessThanOrEqual(100);
      }
    }
    expect(companyChoices(kb, 'zzzz')).toEqual([]);
  });
});
