// The registry -> Discord application commands (chat input, type 1). The same list that drives the
// router drives registration, so a new command appears on Discord with no Discord-specific work.
import type { CommandInfo, OptionSpec } from '../../../commands/command.js';
import { OptionType } from './api-types.js';
import { truncate } from './text.js';

export const MAX_DESCRIPTION = 100;
export const MAX_OPTIONS = 25;
export const MAX_CHOICES = 25;
export const COMMAND_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

type Localizations = Record<'zh-CN' | 'zh-TW', string>;

export interface CommandOptionJson {
  type: number;
  name: string;
  description: string;
  description_localizations: Localizations;
  required?: true;
  choices?: { name: string; value: string }[];
  autocomplete?: true;
  max_length?: number;
}

export interface CommandJson {
  type: 1;
  name: string;
  description: string;
  description_localizations: Localizations;
  name_localizations?: Localizations;
  options: CommandOptionJson[];
}

/**
 * Descriptions and names are localized for both Chinese locales from the registry's zh text
 * (Simplified: readable in Taiwan too, and better than English). A localized name is only what
 * the picker shows: Discord still sends the command's own name, and the router also accepts the
 * Chinese name typed in Slack or the shell.
 */
function localized(zh: string): Localizations {
  const text = truncate(zh, MAX_DESCRIPTION);
  return { 'zh-CN': text, 'zh-TW': text };
}

const OPTION_TYPES: Record<OptionSpec['type'], number> = {
  // The calculators take text such as "30%" or "$2B": string options, parsed by the router as on Slack.
  string: OptionType.String,
  number: OptionType.Number,
  boolean: OptionType.Boolean,
};

export function toOptionJson(option: OptionSpec): CommandOptionJson {
  const json: CommandOptionJson = {
    type: OPTION_TYPES[option.type],
    name: option.name,
    description: truncate(option.description.en, MAX_DESCRIPTION),
    description_localizations: localized(option.description.zh),
  };
  if (option.required) json.required = true;
  if (option.choices) {
    if (option.choices.length > MAX_CHOICES)
      throw new Error(`option “${option.name}” has ${option.choices.length} choices; Discord allows ${MAX_CHOICES}`);
    json.choices = option.choices.map((c) => ({ name: c, value: c }));
  } else if (option.autocomplete) {
    // Discord refuses an option with both choices and autocomplete: a fixed set wins.
    json.autocomplete = true;
  }
  if (option.maxLength !== undefined && option.type === 'string') json.max_length = option.maxLength;
  return json;
}

/** @throws Error naming the command when the registry breaks one of Discord's rules that cannot be fixed by truncation. */
export function toCommandJson(command: CommandInfo): CommandJson {
  if (!COMMAND_NAME.test(command.name) || command.name !== command.name.toLowerCase()) {
    throw new Error(`command name “${command.name}” is not a valid Discord command name`);
  }
  if (command.options.length > MAX_OPTIONS)
    throw new Error(`/${command.name} has ${command.options.length} options; Discord allows ${MAX_OPTIONS}`);
  // Discord requires every required option before the optional ones; the order is otherwise kept.
  const ordered = [...command.options.filter((o) => o.required), ...command.options.filter((o) => !o.required)];
  return {
    type: 1,
    name: command.name,
    description: truncate(command.description.en, MAX_DESCRIPTION),
    description_localizations: localized(command.description.zh),
    ...(command.localName ? { name_localizations: { 'zh-CN': command.localName.zh, 'zh-TW': command.localName.zh } } : {}),
    options: ordered.map((o) => {
      try {
        return toOptionJson(o);
      } catch (err) {
        throw new Error(`/${command.name}: ${(err as Error).message}`);
      }
    }),
  };
}

export function toCommandsJson(registry: readonly CommandInfo[]): CommandJson[] {
  return registry.map(toCommandJson);
}
