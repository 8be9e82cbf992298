// How a command is written: "/compare <a> <b>", "/brief [topic]". Used by /help and by the
// router's usage messages, so both always agree with the option specs.
import type { CommandInfo } from './command.js';

export function usageLine(command: CommandInfo): string {
  const parts = command.options.map((o) => {
    const shown = o.positional ? `<${o.name}>` : o.type === 'boolean' ? o.name : `${o.name}=…`;
    return o.required ? shown : `[${shown}]`;
  });
  return [`/${command.name}`, ...parts].join(' ');
}
