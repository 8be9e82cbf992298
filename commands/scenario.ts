// /scenario list | show <name> | delete <name>: the /margin inputs a channel has saved.
import { z } from 'zod';
import { channelWords } from '../src/core/i18n/channel-words.js';
import { reply } from '../src/core/reply.js';
import { userError } from '../src/core/user-error.js';
import { defineCommand } from './command.js';

const ACTIONS = ['list', 'show', 'delete'] as const;

export const scenarioCommand = defineCommand({
  name: 'scenario',
  localName: { zh: '情景' },
  description: {
    en: 'The /margin scenarios saved in this channel: list, show or delete',
    zh: '本频道保存的 /margin 情景:列出、查看或删除',
  },
  options: {
    action: {
      schema: z.enum(ACTIONS).optional(),
      positional: true,
      description: { en: 'list (default), show or delete', zh: 'list(默认)、show 或 delete' },
    },
    name: {
      schema: z.string().trim().min(1).max(40).optional(),
      positional: true,
      description: { en: 'The scenario’s name', zh: '情景名称' },
    },
  },
  examples: ['/scenario list', '/scenario show base', '/scenario delete base'],
  async run({ action = 'list', name }, { store, scope, lang }) {
    const w = channelWords(lang);
    const all = await store.listScenarios(scope);
    if (action === 'list') {
      const columns = w.scenarioColumns;
      return reply(lang, w.scenariosTitle, {
        ephemeral: true,
        body: all.length ? [] : [w.noScenarios],
        ...(all.length
          ? {
              table: {
                columns: [columns.name, columns.inputs, columns.savedBy, columns.when],
                rows: all.map((s) => [s.name, inputsText(s.inputs), s.savedBy, s.savedAt.slice(0, 16).replace('T', ' ')]),
              },
            }
          : {}),
        suggestions: all.slice(0, 3).map((s) => `/margin scenario=${s.name}`),
      });
    }
    if (!name) return userError('missing_option', { option: 'name' });
    const found = await store.getScenario(scope, name);
    if (!found) return userError('unknown_scenario', { name, available: all.map((s) => s.name) }, ['/scenario list']);
    if (action === 'delete') {
      await store.deleteScenario(scope, name);
      return reply(lang, w.deletedScenario(found.name), {
        ephemeral: true,
        suggestions: ['/scenario list'],
      });
    }
    return reply(lang, w.scenarioTitle(found.name), {
      ephemeral: true,
      body: [
        w.scenarioInputs(inputsText(found.inputs) || w.allDefaults),
        w.savedBy(found.savedBy, found.savedAt.slice(0, 16).replace('T', ' ')),
      ],
      suggestions: [`/margin scenario=${found.name}`, `/margin scenario=${found.name} inference_change=-20%`],
    });
  },
});

function inputsText(inputs: Record<string, string>): string {
  return Object.entries(inputs)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
