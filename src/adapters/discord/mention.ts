// An @-mention of the bot in a channel -> what to run. Pure: the gateway glue passes plain values.

export interface MentionedMessage {
  content: string;
  author: { id: string; bot: boolean };
}

/** `command` is "ask" for a question, "help" for a bare mention, "" when the text names a command itself. */
export interface MentionRequest {
  command: 'ask' | 'help' | '';
  text: string;
}

/**
 * The request in a message that mentions the bot (as a user, or through its managed role, which
 * is what the client inserts when someone picks the bot's role from the @ menu); undefined for
 * messages that do not, and for anything a bot wrote, so two bots never talk in a loop.
 * "@bot /moat nvidia" runs /moat; "@bot who wins?" asks; "@bot" alone gets /help.
 */
export function mentionRequest(
  message: MentionedMessage,
  bot: { userId: string; roleIds?: readonly string[] },
  commandNames: ReadonlySet<string>,
): MentionRequest | undefined {
  if (message.author.bot || message.author.id === bot.userId) return undefined;
  if (!/^\d+$/.test(bot.userId)) return undefined;
  const roles = (bot.roleIds ?? []).filter((id) => /^\d+$/.test(id));
  const pattern = new RegExp(`<@!?${bot.userId}>${roles.length ? `|<@&(?:${roles.join('|')})>` : ''}`, 'g');
  if (!message.content.match(pattern)) return undefined;
  const text = message.content.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return { command: 'help', text: '' };
  const first = /^\/(\S+)/.exec(text)?.[1]?.toLowerCase();
  return first && (commandNames.has(first) || first === 'genai') ? { command: '', text } : { command: 'ask', text };
}
