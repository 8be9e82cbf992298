// /help [command]: every command with an example, generated from the registry, or one command in full.
import { z } from 'zod';
import { knowledgeWords } from '../src/core/i18n/knowledge-words.js';
import { t } from '../src/core/i18n/strings.js';
import { reply } from '../src/core/reply.js';
import { userError } from '../src/core/user-error.js';
import { defineCommand, type CommandInfo } from './command.js';
import { usageLine } from './usage.js';

export const helpCommand = defineCommand({
  name: 'help',
  localName: { zh: '帮助' },
  description: { en: 'Every command with an example, or one command in full', zh: '列出全部命令及示例,或查看某条命令的详细用法' },
  options: {
    command: {
      schema: z.string().trim().min(1).max(40).optional(),
      positional: true,
      description: { en: 'A command to explain (moat, layer ...)', zh: '要查看的命令(moat、layer……)' },
    },
  },
  examples: ['/help', '/help moat'],
  pure: true,
  run({ command: name }, { registry, lang, platform }) {
    if (!name) {
      // Slack registers the English names only (the manifest's); a Chinese name is typed after /genai there.
      const onSlack = platform === 'slack';
      return reply(lang, t(lang, 'helpTitle'), {
        body: [t(lang, 'helpIntro'), ...(onSlack ? [t(lang, 'slackLocalNames')] : [])],
        table: {
          columns: [t(lang, 'command'), t(lang, 'description'), t(lang, 'example')],
          rows: registry.map((c) => [
            knowledgeWords(lang).helpUsage(usageLine(c), c.localName && onSlack ? `genai ${c.localName.zh}` : c.localName?.zh),
            c.description[lang],
            c.examples[0] ?? '',
          ]),
        },
        suggestions: ['/layer infra', '/moat nvidia', '/brief'],
      });
    }
    const wanted = name.replace(/^\//, '').toLowerCase();
    const command = registry.find((c) => c.name === wanted || c.localName?.zh === wanted);
    if (!command) return userError('unknown_command', { name }, ['/help']);
    return commandHelp(command, lang);
  },
});

function commandHelp(command: CommandInfo, lang: 'en' | 'zh') {
  const requirement = (required: boolean) => t(lang, required ? 'required' : 'optional');
  return reply(lang, `/${command.name}`, {
    body: [command.description[lang], `${t(lang, 'usage')}: ${usageLine(command)}`],
    table: command.options.length
      ? {
          columns: [t(lang, 'options'), '', t(lang, 'description')],
          rows: command.options.map((o) => [o.name, requirement(o.required), o.description[lang]]),
        }
      : undefined,
    suggestions: [...command.examples],
  });
}
