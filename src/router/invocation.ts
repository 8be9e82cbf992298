// What an adapter hands the router: one user's request, whatever the platform.
import type { Platform } from '../../commands/command.js';
import type { ChannelHistory } from '../core/digest/message.js';
import type { Lang } from '../core/i18n/lang.js';

export type OptionValue = string | number | boolean;

export interface Invocation {
  platform: Platform;
  /**
   * The command's name without "/" ("moat"). Empty, or "genai", when the name is the first word
   * of `args` (the shell, and Slack's umbrella command "/genai moat nvidia").
   */
  command: string;
  /** Text typed after the command, or typed options (Discord). */
  args: string | Readonly<Record<string, OptionValue>>;
  /** Platform-prefixed ids: "slack:T1:U2", "discord:123", "shell:local". */
  userId: string;
  channelId: string;
  /** The language the user asked for explicitly (`--lang zh`). */
  lang?: Lang;
  /** The platform's locale for the user ("zh-CN", "en-US"). */
  locale?: string;
  isAdmin: boolean;
  /**
   * Looks up whether the user manages the channel, for platforms where that takes a call (Slack's
   * users.info); only commands that need it (scheduling) ask.
   */
  resolveAdmin?: () => Promise<boolean>;
  /** The channel's recent messages, where the platform can read them (for /digest). */
  history?: ChannelHistory;
  /** The platform shows images: commands may render their charts. */
  wantsChart?: boolean;
  /** The native payload, for adapters that need it back. Never read by commands. */
  raw?: unknown;
}
