// Every registry command as a Discord application command, checked against Discord's own rules.
import { describe, expect, it } from 'vitest';
import type { CommandInfo } from '../commands/command.js';
import { commands } from '../commands/index.js';
import { COMMAND_NAME, toCommandJson, toCommandsJson } from '../src/adapters/discord/commands.js';

const json = toCommandsJson(commands);

describe('registry -> Discord commands', () => {
  it('lists every registry command, by the same name', () => {
    expect(json.map((c) => c.name)).toEqual(commands.map((c) => c.name));
  });

  it.each(json.map((c) => [c.name, c] as const))('/%s meets Discord’s rules', (_name, command) => {
    const nameOk = (n: string) => COMMAND_NAME.test(n) && n === n.toLowerCase();
    const descriptionOk = (d: string) => d.length >= 1 && d.length <= 100;
    expect(command.type).toBe(1);
    expect(nameOk(command.name)).toBe(true);
    expect(descriptionOk(command.description)).toBe(true);
    for (const text of Object.values(command.description_localizations)) expect(descriptionOk(text)).toBe(true);
    expect(Object.keys(command.description_localizations).sort()).toEqual(['zh-CN', 'zh-TW']);
    expect(command.options.length).toBeLessThanOrEqual(25);
    const requiredFlags = command.options.map((o) => o.required === true);
    expect(requiredFlags).toEqual([...requiredFlags].sort((a, b) => Number(b) - Number(a)));
    expect(new Set(command.options.map((o) => o.name)).size).toBe(command.options.length);
    for (const option of command.options) {
      expect(nameOk(option.name), option.name).toBe(true);
      expect(descriptionOk(option.description), option.name).toBe(true);
      for (const text of Object.values(option.description_localizations)) expect(descriptionOk(text)).toBe(true);
      expect(option.choices?.length ?? 0).toBeLessThanOrEqual(25);
      for (const choice of option.choices ?? []) expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(option.choices && option.autocomplete).toBeFalsy();
    }
    // The whole command stays well under Discord's 8000-character budget for names and descriptions.
    expect(JSON.stringify(command).length).toBeLessThan(8000);
  });

  it('maps option specs: strings for the calculators, choices, company autocomplete, localized descriptions', () => {
    const byName = new Map(json.map((c) => [c.name, c]));
    expect(byName.get('layer')!.options[0]).toMatchObject({
      type: 3,
      name: 'layer',
      required: true,
      choices: [
        { name: 'apps', value: 'apps' },
        { name: 'models', value: 'models' },
        { name: 'infra', value: 'infra' },
      ],
    });
    expect(byName.get('moat')!.options[0]).toMatchObject({ type: 3, name: 'company', required: true, autocomplete: true });
    expect(byName.get('compare')!.options.map((o) => [o.name, o.autocomplete])).toEqual([
      ['a', true],
      ['b', true],
    ]);
    expect(byName.get('margin')!.options.find((o) => o.name === 'inference')).toMatchObject({
      type: 3,
      description: expect.stringContaining('30%'),
    });
    expect(byName.get('ask')!.options[0]).toMatchObject({ max_length: 500 });
    expect(byName.get('help')!.description_localizations['zh-CN']).toBe(commands[0]!.description.zh);
  });

  it('puts required options first, truncates long descriptions visibly, and refuses what cannot be fixed', () => {
    const long = 'x'.repeat(150);
    const info: CommandInfo = {
      name: 'demo',
      description: { en: long, zh: '说明'.repeat(80) },
      examples: [],
      options: [
        { name: 'later', type: 'string', required: false, description: { en: 'optional', zh: '可选' } },
        { name: 'first', type: 'number', required: true, description: { en: 'required', zh: '必填' } },
      ],
    };
    const command = toCommandJson(info);
    expect(command.options.map((o) => o.name)).toEqual(['first', 'later']);
    expect(command.options[0]!.type).toBe(10);
    expect(command.description).toHaveLength(100);
    expect(command.description.endsWith('…')).toBe(true);
    expect(command.description_localizations['zh-TW'].length).toBeLessThanOrEqual(100);
    expect(() => toCommandJson({ ...info, name: 'Demo' })).toThrow(/not a valid Discord command name/);
    const choices = Array.from({ length: 26 }, (_, i) => `c${i}`);
    expect(() => toCommandJson({ ...info, options: [{ ...info.options[0]!, choices }] })).toThrow(/\/demo: .*26 choices/);
  });
});
