// What a command is: a name, bilingual descriptions, its options, a zod schema for them, examples,
// and `run`. One list of these (commands/index.ts) drives the router, /help, Discord registration
// and the Slack manifest, so nothing about a command is written twice.
import type { z } from 'zod';
import type { ChannelHistory } from '../src/core/digest/message.js';
import type { Lang } from '../src/core/i18n/lang.js';
import type { KnowledgeBase } from '../src/core/knowledge/knowledge-base.js';
import type { Bilingual } from '../src/core/knowledge/schema.js';
import type { Reply } from '../src/core/reply.js';
import type { AnswerWriter } from '../src/core/search/answer-writer.js';
import type { Store } from '../src/store/store.js';
import type { UserError } from '../src/core/user-error.js';
import { type OptionDefs, type SchemaOf, schemaOf, specsOf } from './options.js';

export type Platform = 'slack' | 'discord' | 'shell';

export interface OptionSpec {
  /** snake_case; the key in `key=value` text and the Discord option name. */
  name: string;
  description: Bilingual;
  type: 'string' | 'number' | 'boolean';
  required: boolean;
  /** Filled, in declaration order, from the plain words of text input. */
  positional?: boolean;
  /** A fixed set of values (Discord shows them as choices). */
  choices?: readonly string[];
  /** Values users pick from a long list (Discord autocompletes them). */
  autocomplete?: 'company';
  maxLength?: number;
}

/** What /help needs to know about every command. */
export interface CommandInfo {
  name: string;
  /**
   * The command's Chinese name: typed in the shell or Slack ("/公司 英伟达"), shown by /help, and
   * shown in Discord's command picker for Chinese locales.
   */
  localName?: { zh: string };
  description: Bilingual;
  options: readonly OptionSpec[];
  examples: readonly string[];
}

export interface CommandContext {
  lang: Lang;
  kb: KnowledgeBase;
  platform: Platform;
  registry: readonly CommandInfo[];
  /** Present when a language model is configured (LLM_BASE_URL, LLM_MODEL). */
  answerWriter?: AnswerWriter;
  store: Store;
  /** Where saved things belong: the channel on a platform, the local shell otherwise. */
  scope: string;
  userId: string;
  /** Draw charts for images (platforms that show them, the CLI's --chart-out); adapters rasterise them. */
  charts: boolean;
  /** Whether the user may manage the channel's schedules (Slack admins, Discord Manage Server/Channels). */
  isAdmin(): Promise<boolean>;
  /** The channel's history, where the platform (or an export file) provides one. */
  history?: ChannelHistory;
  now(): Date;
}

export type CommandResult = Reply | UserError;

export interface Command<S extends z.ZodObject = z.ZodObject> extends CommandInfo {
  schema: S;
  /**
   * Splits the positional words of text input where a separator stands, so that
   * "/compare hugging face vs replicate" gives a = "hugging face", b = "replicate".
   */
  positionalSeparator?: RegExp;
  /**
   * May take longer than a platform's acknowledgement window (3 s): adapters acknowledge first
   * and answer after. A function decides by what is configured (a language model is slow).
   */
  slow?: boolean | ((env: { languageModel: boolean }) => boolean);
  /** Answers only the asker unless the `public` option is set (a digest of a channel's talk). */
  privateByDefault?: boolean;
  /** Rate-limit tokens a request costs (default 1): charts, digests and model calls cost more. */
  cost?: number;
  /**
   * The reply depends only on the arguments and the language (no store, no clock, no model): the
   * router may answer a repeated request from its cache. A function decides by what is configured
   * and by the arguments (a briefing is pure; scheduling one is not).
   */
  pure?: boolean | ((env: { languageModel: boolean }, args: z.infer<S>) => boolean);
  run(args: z.infer<S>, ctx: CommandContext): CommandResult | Promise<CommandResult>;
}

/** A command as written: its options declared once, each with its schema. */
export interface CommandDefinition<O extends OptionDefs> extends Omit<Command<SchemaOf<O>>, 'schema' | 'options'> {
  options: O;
}

/**
 * Derives the command's schema and option specs from its option declarations, and ties `run`'s
 * argument type to that schema: the compiler then carries the contract.
 */
export function defineCommand<O extends OptionDefs>(definition: CommandDefinition<O>): Command<SchemaOf<O>> {
  return { ...definition, schema: schemaOf(definition.options), options: specsOf(definition.options) };
}
