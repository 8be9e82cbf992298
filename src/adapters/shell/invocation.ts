// The shell's requests: one local user, who is the admin of their own terminal. A line that does
// not start with a command is a question, as it would be if typed to a person.
import type { Lang } from '../../core/i18n/lang.js';
import type { Invocation } from '../../router/invocation.js';
import type { Router } from '../../router/router.js';

/** Every name a command answers to, Chinese names included ("公司 英伟达" is a command, not a question). */
export function commandNames(router: Router): ReadonlySet<string> {
  return new Set(router.commands.flatMap((c) => [c.name, ...(c.localName ? [c.localName.zh] : [])]));
}

export function shellInvocation(text: string, lang: Lang | undefined, commandNames: ReadonlySet<string>): Invocation {
  const base = { platform: 'shell', userId: 'shell:local', channelId: 'shell:local', lang, isAdmin: true } as const;
  return isQuestion(text, commandNames) ? { ...base, command: 'ask', args: text } : { ...base, command: '', args: text };
}

/** "what share goes to clouds?" is a question; "/layer infra" and "moat nvidia" are commands. */
export function isQuestion(text: string, commandNames: ReadonlySet<string>): boolean {
  const trimmed = text.trim();
  if (!trimmed || trimmed.startsWith('/')) return false;
  const first = (trimmed.split(/\s+/)[0] ?? '').toLowerCase();
  return !commandNames.has(first) && first !== 'genai';
}
