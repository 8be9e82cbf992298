// text or typed options -> Invocation -> zod validation -> command -> Reply. The one error funnel:
// user errors become a usage message for that user only; anything else is logged with a
// correlation id and the user sees a short apology carrying that id.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Command, CommandContext, CommandInfo } from '../../commands/command.js';
import { usageLine } from '../../commands/usage.js';
import { chooseLang, type Lang } from '../core/i18n/lang.js';
import { describeError } from '../core/i18n/messages.js';
import { storeFailureLine } from '../core/i18n/store-words.js';
import { t } from '../core/i18n/strings.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge-base.js';
import type { AnswerWriter } from '../core/search/answer-writer.js';
import { type Store, StoreWriteError } from '../store/store.js';
import { NameIndex } from '../core/knowledge/name-index.js';
import { reply, type Reply } from '../core/reply.js';
import { isUserError } from '../core/user-error.js';
import type { Invocation } from './invocation.js';
import { parseTextArgs, type Problem } from './parse-args.js';
import { sanitize } from './tokenize.js';
import { TokenBuckets, type RateLimits } from './rate-limit.js';
import { ReplyCache } from './reply-cache.js';
import type { SharedRateLimiter } from './shared-rate-limit.js';
import { validateArgs } from './validate.js';

/** Longest text the router reads; past it a request is refused before any parsing. */
export const MAX_INPUT_CHARS = 4000;

export interface RouterLogger {
  error(obj: object, msg: string): void;
}

export interface RouterOptions {
  commands: readonly Command[];
  kb: KnowledgeBase;
  logger: RouterLogger;
  store: Store;
  /** Optional services commands may use (a language model for /ask). */
  answerWriter?: AnswerWriter;
  /** The clock commands read (schedules); injected so tests control time. */
  now?: () => Date;
  /** Token buckets per user and per channel; none when omitted (tests, benchmarks). The shell is never limited. */
  rateLimits?: RateLimits;
  /** Limits shared by every replica (REDIS_URL); when given, they replace the local buckets. */
  sharedRateLimiter?: Pick<SharedRateLimiter, 'take'>;
  /** Told about every request once it is answered: metrics and request logs listen here. */
  onHandled?: (event: HandledEvent) => void;
  /** Replies kept for repeated pure requests (default 500; 0 turns the cache off, as benchmarks of computation do). */
  cacheSize?: number;
  /** The most the kept replies may weigh, charts included (default 8 MB). */
  cacheBytes?: number;
  /** Injected so tests can predict correlation ids. */
  newId?: () => string;
}

export interface HandledEvent {
  correlationId: string;
  platform: Invocation['platform'];
  /** The command's name, or "(unknown)" when the text named none that exists. */
  command: string;
  kind: Reply['kind'] | 'rate_limited';
  ms: number;
}

export interface Router {
  handle(invocation: Invocation): Promise<Reply>;
  /** Whether a command (by name, "/genai" resolved by the caller) should be acknowledged before it runs. */
  isSlow(commandName: string): boolean;
  /** Whether a command answers only the asker unless asked to post publicly. */
  isPrivateByDefault(commandName: string): boolean;
  readonly commands: readonly Command[];
}

export function createRouter(options: RouterOptions): Router {
  const { commands, kb, logger } = options;
  const newId = options.newId ?? (() => randomUUID().slice(0, 8));
  const byName = new Map(commands.flatMap((c) => [[c.name, c] as const, ...(c.localName ? [[c.localName.zh, c] as const] : [])]));
  const names = new NameIndex(
    commands.map((c) => ({ item: c, display: `/${c.name}`, names: [c.name, ...(c.localName ? [c.localName.zh] : [])] })),
  );
  const registry: readonly CommandInfo[] = commands;

  const userBuckets = options.rateLimits && new TokenBuckets(options.rateLimits.perUser);
  const channelBuckets = options.rateLimits && new TokenBuckets(options.rateLimits.perChannel);

  async function handle(invocation: Invocation): Promise<Reply> {
    const started = performance.now();
    const correlationId = newId();
    const seen: { command: string; limited: boolean } = { command: '(unknown)', limited: false };
    const reply = await answer(invocation, correlationId, seen);
    options.onHandled?.({
      correlationId,
      platform: invocation.platform,
      command: seen.command,
      kind: seen.limited ? 'rate_limited' : reply.kind,
      ms: performance.now() - started,
    });
    return reply;
  }

  async function answer(invocation: Invocation, correlationId: string, seen: { command: string; limited: boolean }): Promise<Reply> {
    const rawText = typeof invocation.args === 'string' ? invocation.args : '';
    const lang = chooseLang({ explicit: invocation.lang, text: rawText, locale: invocation.locale });
    try {
      if (rawText.length > MAX_INPUT_CHARS) {
        return usageReply(lang, undefined, [{ code: 'input_too_long', params: { length: rawText.length, max: MAX_INPUT_CHARS } }]);
      }
      const { name, argsText } = splitCommand(invocation.command, sanitize(rawText));
      if (!name) return usageReply(lang, undefined, [{ code: 'empty_input', params: {} }], ['/help']);
      const command = byName.get(name);
      if (!command) {
        const resolved = names.resolve(name);
        const didYouMean = resolved.found ? [`/${resolved.found.name}`] : (resolved.suggestions ?? []);
        return usageReply(lang, undefined, [{ code: 'unknown_command', params: { name } }], [...didYouMean, '/help']);
      }
      seen.command = command.name;
      const limited =
        options.sharedRateLimiter && invocation.platform !== 'shell'
          ? await takeShared(options.sharedRateLimiter, invocation, command.cost ?? 1)
          : takeTokens(invocation, command.cost ?? 1);
      if (limited) {
        seen.limited = true;
        return reply(lang, t(lang, 'slowDown'), {
          kind: 'usage',
          ephemeral: true,
          body: [describeError(lang, limited.code, limited.params)],
        });
      }
      return await runCommand(command, invocation, argsText, lang);
    } catch (err) {
      // The store refused a write (a file that no longer parses, read-only): nothing was changed,
      // and the one line saying why is what both the user and the operator need, not a stack.
      if (err instanceof StoreWriteError) {
        // In the shell and the CLI the person who reads the line is the operator: no second copy in the log.
        if (invocation.platform !== 'shell')
          logger.error(
            { correlationId, command: seen.command, platform: invocation.platform, store: err.message },
            'store refused a write',
          );
        return reply(lang, `/${seen.command}`, { kind: 'error', ephemeral: true, body: [storeFailureLine(lang, err.path, err.failure)] });
      }
      const id = correlationId;
      logger.error({ err, correlationId: id, command: invocation.command, platform: invocation.platform }, 'command failed');
      return reply(lang, t(lang, 'internalError'), { kind: 'error', ephemeral: true, body: [`${t(lang, 'internalError')} ${id}`] });
    }
  }

  async function takeShared(
    limiter: Pick<SharedRateLimiter, 'take'>,
    invocation: Invocation,
    cost: number,
  ): Promise<Problem<'rate_limited'> | undefined> {
    const verdict = await limiter.take(invocation.userId, invocation.channelId, cost);
    return verdict.ok ? undefined : { code: 'rate_limited', params: { seconds: verdict.retryAfterSeconds, scope: verdict.scope } };
  }

  /** Charges the user's and the channel's buckets; a refusal from either is returned as the problem. */
  function takeTokens(invocation: Invocation, cost: number): Problem<'rate_limited'> | undefined {
    if (invocation.platform === 'shell' || !userBuckets || !channelBuckets) return undefined;
    const user = userBuckets.take(invocation.userId, cost);
    if (!user.ok) return { code: 'rate_limited', params: { seconds: user.retryAfterSeconds, scope: 'user' } };
    const channel = channelBuckets.take(invocation.channelId, cost);
    if (!channel.ok) {
      userBuckets.refund(invocation.userId, cost);
      return { code: 'rate_limited', params: { seconds: channel.retryAfterSeconds, scope: 'channel' } };
    }
    return undefined;
  }

  // Deterministic replies, by command, language, chart wish and arguments: popular questions in a
  // busy workspace are answered without recomputing or re-rendering (adapters memoise by Reply).
  const cache = new ReplyCache(options.cacheSize ?? 500, options.cacheBytes);
  const env = { languageModel: Boolean(options.answerWriter) };
  const isPure = (command: Command, args: Record<string, unknown>) =>
    typeof command.pure === 'function' ? command.pure(env, args) : Boolean(command.pure);

  async function runCommand(command: Command, invocation: Invocation, argsText: string, lang: Lang): Promise<Reply> {
    // The same text always parses to the same arguments, so a reply kept for this key was pure.
    const key = command.pure && (options.cacheSize ?? 500) > 0 ? cacheKey(command.name, lang, invocation, argsText) : undefined;
    const cached = key === undefined ? undefined : cache.get(key);
    if (cached) return cached;
    const { reply, args } = await computeReply(command, invocation, argsText, lang);
    if (key !== undefined && args && reply.kind === 'answer' && isPure(command, args)) cache.set(key, reply);
    return reply;
  }

  /** The reply, and the validated arguments it was computed from (none when they were refused). */
  async function computeReply(
    command: Command,
    invocation: Invocation,
    argsText: string,
    lang: Lang,
  ): Promise<{ reply: Reply; args?: Record<string, unknown> }> {
    const parsed =
      typeof invocation.args === 'string'
        ? parseTextArgs(argsText, command.options, command.positionalSeparator)
        : { values: { ...invocation.args }, problems: [] };
    const validated = validateArgs(command.schema, command.options, parsed.values);
    const problems = [...parsed.problems, ...(validated.ok ? [] : validated.problems)];
    if (problems.length > 0 || !validated.ok) return { reply: usageReply(lang, command, problems) };
    const ctx: CommandContext = {
      lang,
      kb,
      platform: invocation.platform,
      registry,
      store: options.store,
      scope: invocation.channelId,
      userId: invocation.userId,
      charts: invocation.wantsChart ?? false,
      isAdmin: invocation.resolveAdmin ?? (async () => invocation.isAdmin),
      now: options.now ?? (() => new Date()),
      ...(invocation.history ? { history: invocation.history } : {}),
      ...(options.answerWriter ? { answerWriter: options.answerWriter } : {}),
    };
    const result = await command.run(validated.data, ctx);
    if (isUserError(result))
      return { reply: usageReply(lang, command, [{ code: result.code, params: result.params }], result.suggestions) };
    return { reply: result, args: validated.data };
  }

  function isSlow(commandName: string): boolean {
    const slow = byName.get(commandName.replace(/^\//, '').toLowerCase())?.slow;
    return typeof slow === 'function' ? slow({ languageModel: Boolean(options.answerWriter) }) : Boolean(slow);
  }

  const isPrivateByDefault = (commandName: string) => Boolean(byName.get(commandName.replace(/^\//, '').toLowerCase())?.privateByDefault);

  return { handle, isSlow, isPrivateByDefault, commands };
}

function cacheKey(name: string, lang: Lang, invocation: Invocation, argsText: string): string {
  const args = typeof invocation.args === 'string' ? argsText : JSON.stringify(invocation.args);
  // By platform too: a reply may say how to type a command there (/help on Slack).
  return `${name}\u0000${lang}\u0000${invocation.platform}\u0000${invocation.wantsChart ? 1 : 0}\u0000${args}`;
}

/**
 * "/genai moat nvidia" and the shell's "moat nvidia" carry the command in the text; Slack's
 * "/moat" with text "nvidia" carries it separately.
 */
export function splitCommand(command: string, text: string): { name: string; argsText: string } {
  const given = command.replace(/^\//, '').toLowerCase();
  if (given && given !== 'genai') return { name: given, argsText: text };
  const match = /^\/?(\S*)\s*(.*)$/su.exec(text);
  const name = (match?.[1] ?? '').toLowerCase();
  const rest = match?.[2] ?? '';
  // "genai" typed into the shell, as a Slack user would type it: the next word is the command.
  return name === 'genai' && given !== 'genai' ? splitCommand('genai', rest) : { name, argsText: rest };
}

/** A user error, worded in the user's language, with the command's usage and examples. */
function usageReply(lang: Lang, command: CommandInfo | undefined, problems: Problem[], suggestions: string[] = []): Reply {
  const body = problems.map((p) => describeError(lang, p.code, p.params));
  const examples = command ? command.examples.slice(0, 3) : ['/layer infra', '/moat nvidia', '/help'];
  if (command) body.push(`${t(lang, 'usage')}: ${usageLine(command)}`);
  body.push(`${t(lang, 'examples')}: ${examples.join('  ·  ')}`);
  return reply(lang, command ? `/${command.name}` : t(lang, 'usage'), {
    kind: 'usage',
    ephemeral: true,
    body,
    suggestions: [...new Set(suggestions)],
  });
}
