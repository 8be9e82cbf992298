// The shell's requests: one local user, who is the admin of their own terminal.
import type { Lang } from '../../core/i18n/lang.js';
import type { Invocation } from '../../router/invocation.js';

export function shellInvocation(text: string, lang: Lang | undefined): Invocation {
  return { platform: 'shell', command: '', args: text, userId: 'shell:local', channelId: 'shell:local', lang, isAdmin: true };
}
