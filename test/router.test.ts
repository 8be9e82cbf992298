// The router: text and typed options, validation, fuzzy suggestions, bad input, the error funnel.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { defineCommand } from '../commands/command.js';
import { commands } from '../commands/index.js';
import type { moatCommand } from '../commands/moat.js';
import { reply } from '../src/core/reply.js';
import { memoryStore } from '../src/store/memory-store.js';
import { createRouter, MAX_INPUT_CHARS, splitCommand } from '../src/router/router.js';
import { allText, ask, kb, recordingLogger, router, shellText } from './helpers.js';

describe('routing text', () => {
  it('answers a command with or without the slash, and under /genai', async () => {
    for (const text of ['/moat nvidia', 'moat nvidia', '/genai moat nvidia', '/MOAT NVIDIA']) {
      const r = await ask(text);
      expect(r.kind, text).toBe('answer');
      expect(r.title, text).toBe('NVIDIA: moats');
    }
  });

  it('takes key=value and key:value forms', async () => {
    expect((await ask('/moat company=nvidia')).title).toBe('NVIDIA: moats');
    expect((await ask('/compare a:openai b:cohere')).title).toBe('OpenAI vs Cohere');
  });

  it('takes typed options the way Discord sends them', async () => {
    const r = await router.handle({ ...shellText(''), platform: 'discord', command: 'company', args: { name: 'jasper' }, locale: 'en-US' });
    expect(r.title).toBe('Jasper');
  });

  it('splits the command from Slack-style and shell-style input', () => {
    expect(splitCommand('/moat', 'nvidia')).toEqual({ name: 'moat', argsText: 'nvidia' });
    expect(splitCommand('genai', 'moat nvidia')).toEqual({ name: 'moat', argsText: 'nvidia' });
    expect(splitCommand('', '/layer  infra')).toEqual({ name: 'layer', argsText: 'infra' });
  });
});

describe('bad input', () => {
  it('asks for a command on empty input', async () => {
    for (const text of ['', '   ', '\u0000\u0007']) {
      const r = await ask(text);
      expect(r.kind).toBe('usage');
      expect(r.ephemeral).toBe(true);
      expect(r.body.join(' ')).toMatch(/Type a command/);
    }
  });

  it('suggests the command meant by a typo', async () => {
    const r = await ask('/mote nvidia');
    expect(r.kind).toBe('usage');
    expect(r.body[0]).toBe('There is no command “mote”.');
    expect(r.suggestions).toContain('/moat');
  });

  it('suggests companies for a misspelt name, alias-aware', async () => {
    const r = await ask('/moat nvidai');
    expect(r.kind).toBe('usage');
    expect(r.body[0]).toMatch(/no company or product called “nvidai”.*Did you mean “NVIDIA”/);
    expect(r.body.join('\n')).toMatch(/Usage: \/moat <company>/);
    expect(r.suggestions).toContain('/moat NVIDIA');
  });

  it('names a missing option and shows an example', async () => {
    const r = await ask('/company');
    expect(r.body[0]).toBe('“name” is missing.');
    expect(r.body.join('\n')).toMatch(/Examples: \/company jasper/);
  });

  it('reports every problem at once', async () => {
    const r = await ask('/compare colour=red');
    expect(r.body.slice(0, 3)).toEqual(['“colour” is not an option of this command. Options: a, b.', '“a” is missing.', '“b” is missing.']);
  });

  it('refuses a 10,000-character argument without echoing it', async () => {
    const r = await ask(`/company ${'x'.repeat(10_000)}`);
    expect(r.kind).toBe('usage');
    expect(r.body[0]).toMatch(new RegExp(`10009 characters long; the bot reads at most ${MAX_INPUT_CHARS}`));
    expect(allText(r).length).toBeLessThan(1000);
  });

  it('refuses an over-long name with the limit', async () => {
    const r = await ask(`/company ${'y'.repeat(300)}`);
    expect(r.body[0]).toBe('“name” is 300 characters long; at most 100 are allowed.');
  });

  it('copes with stray quotes, control characters and mixed scripts', async () => {
    expect((await ask('/company "jasper')).title).toBe('Jasper');
    expect((await ask('/company jas\u0000per')).title).toBe('Jasper');
    const mixed = await ask('/company nvidia英伟达');
    expect(mixed.kind).toBe('usage');
    expect(mixed.lang).toBe('zh');
  });

  it('echoes user text clipped, never at full length', async () => {
    const r = await ask(`/moat ${'z'.repeat(90)}`);
    expect(r.body[0]).toContain('…');
    expect(r.body[0]!.length).toBeLessThan(200);
  });

  it('answers in Chinese when the input is Chinese', async () => {
    const r = await ask('/moat 不存在的公司');
    expect(r.lang).toBe('zh');
    expect(r.body[0]).toMatch(/知识库中没有名为“不存在的公司”的公司或产品/);
  });
});

describe('the error funnel', () => {
  const boomDefinition = {
    name: 'boom',
    description: { en: 'fails', zh: '失败' },
    options: {},
    examples: ['/boom'],
    run(): never {
      throw new Error('database on fire: secret=abc');
    },
  };
  const boom = defineCommand(boomDefinition);

  it('logs a failing command with a correlation id and shows the user only that id', async () => {
    const logger = recordingLogger();
    const r = await createRouter({ commands: [boom], kb, store: memoryStore(), logger, newId: () => 'abc12345' }).handle(
      shellText('/boom'),
    );
    expect(r.kind).toBe('error');
    expect(r.ephemeral).toBe(true);
    expect(r.body[0]).toMatch(/abc12345$/);
    expect(allText(r)).not.toMatch(/fire|secret/);
    expect(logger.errors[0]?.obj).toMatchObject({ correlationId: 'abc12345', platform: 'shell' });
  });

  it('turns a returned user error into a usage message', async () => {
    const picky = defineCommand({ ...boomDefinition, name: 'picky', run: () => reply('en', 'fine') });
    expect(
      (await createRouter({ commands: [picky], kb, store: memoryStore(), logger: recordingLogger() }).handle(shellText('/picky extra')))
        .kind,
    ).toBe('usage');
  });
});

describe('the command contract', () => {
  it('gives run exactly the inferred schema type', () => {
    expectTypeOf<Parameters<typeof moatCommand.run>[0]>().toEqualTypeOf<z.infer<typeof moatCommand.schema>>();
  });

  it('derives each option spec from its declaration: required, choices and length from the schema', () => {
    for (const command of commands)
      expect(
        command.options.map((o) => o.name),
        command.name,
      ).toEqual(Object.keys(command.schema.shape));
    const option = (command: string, name: string) => commands.find((c) => c.name === command)!.options.find((o) => o.name === name)!;
    expect(option('moat', 'company')).toMatchObject({ required: true, positional: true, autocomplete: 'company', maxLength: 100 });
    expect(option('brief', 'topic').required).toBe(false);
    expect(option('digest', 'schedule').choices).toEqual(['daily', 'weekly']);
    expect(option('digest', 'public').type).toBe('boolean');
    expect(option('ask', 'question').maxLength).toBe(500);
    expect(option('margin', 'inference')).toMatchObject({ type: 'string', required: false });
  });

  it('gives every command bilingual descriptions and examples that answer', async () => {
    await ask('/margin inference=30% save=base'); // the /scenario examples show and delete it
    for (const command of commands) {
      expect(command.description.en && command.description.zh, command.name).toBeTruthy();
      // /unschedule's example names a schedule that only a channel can have (tested in schedule.test.ts).
      if (command.name === 'unschedule') continue;
      for (const example of command.examples) {
        // /digest reads a channel: give it one, as a platform would.
        const history = { read: async () => ({ messages: [] }) };
        const channel = command.name === 'digest' ? { platform: 'slack' as const, channelId: 'slack:T1:C1', history } : {};
        expect((await router.handle({ ...shellText(example), ...channel })).kind, example).toBe('answer');
      }
    }
  });
});

describe('the reply cache', () => {
  it('answers a repeated pure request with the same reply, and never caches a side effect', async () => {
    const store = memoryStore();
    const cached = createRouter({ commands, kb, store, logger: recordingLogger() });
    const slack = (text: string) => ({ ...shellText(text), platform: 'slack' as const, channelId: 'slack:T1:C1' });
    expect(await cached.handle(slack('/brief moats'))).toBe(await cached.handle(slack('/brief moats')));
    expect(await cached.handle(slack('/layer infra'))).toBe(await cached.handle(slack('/layer infra')));
    // Scheduling the same briefing twice makes two schedules: the confirmation is not replayed.
    const first = await cached.handle(slack('/brief moats schedule=daily'));
    const second = await cached.handle(slack('/brief moats schedule=daily'));
    expect(second).not.toBe(first);
    expect(await store.listSchedules('slack:T1:C1')).toHaveLength(2);
    // A user error is worded anew each time (it may name what the user typed).
    expect(await cached.handle(slack('/layer nope'))).not.toBe(await cached.handle(slack('/layer nope')));
  });
});

describe('the reply cache when full', () => {
  it('keeps what is asked again and lets go of what was asked once', async () => {
    const small = createRouter({ commands, kb, store: memoryStore(), logger: recordingLogger(), cacheSize: 2 });
    const ask = (text: string) => small.handle(shellText(text));
    const popular = await ask('/layer infra');
    await ask('/layer apps');
    expect(await ask('/layer infra')).toBe(popular); // asked again: marked
    await ask('/layer models'); // full: "apps" was asked once and goes, "infra" stays
    expect(await ask('/layer infra')).toBe(popular);
    const apps = await ask('/layer apps');
    expect(await ask('/layer apps')).toBe(apps);
  });
});
