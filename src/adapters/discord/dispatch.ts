// One behaviour for both transports: an interaction (from HTTP or the gateway) -> the router ->
// rendered messages, answered through a responder that each transport implements. The answer's
// text goes out first; a chart, rasterised off the event loop, follows as an edit that adds it.
import type { ChartRenderer } from '../../core/chart/chart-renderer.js';
import { type AnswerThenChart, startChart } from '../../core/chart/reply-chart.js';
import type { ChannelHistory } from '../../core/digest/message.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Reply } from '../../core/reply.js';
import type { Router } from '../../router/router.js';
import { InteractionType, type AutocompleteChoice, type Interaction, type InteractionOption, type OutgoingMessage } from './api-types.js';
import { companyChoices } from './autocomplete.js';
import { isEphemeral, renderReply, withChart } from './render.js';
import { describeRestError } from './rest.js';
import { toInvocation } from './to-invocation.js';

/** The ways to answer one interaction. The first three are the initial response: exactly one is used. */
export interface InteractionResponder {
  /** Type 4: the answer itself. */
  reply(message: OutgoingMessage): Promise<void>;
  /** Type 5: "thinking…"; the answer comes later through editOriginal or followUp. */
  defer(ephemeral: boolean): Promise<void>;
  /** Type 8: autocomplete choices. */
  suggest(choices: AutocompleteChoice[]): Promise<void>;
  editOriginal(message: OutgoingMessage): Promise<void>;
  deleteOriginal(): Promise<void>;
  followUp(message: OutgoingMessage): Promise<void>;
}

export interface DispatchLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface DispatchOptions {
  router: Router;
  kb: KnowledgeBase;
  logger: DispatchLogger;
  /**
   * A command not declared slow that has not answered after this long is deferred anyway:
   * Discord fails an interaction with no response after 3 s, whatever the reason for the delay.
   */
  deferAfterMs?: number;
  /** A channel's recent messages for /digest, by scope ("discord:123"), when the bot token allows reading them. */
  history?: (scope: string) => ChannelHistory | undefined;
  /** Rasterises charts off the event loop, a few at a time (the process's shared renderer in the server). */
  charts: ChartRenderer;
}

export const DEFAULT_DEFER_AFTER_MS = 2_000;

export async function dispatchInteraction(
  interaction: Interaction,
  responder: InteractionResponder,
  options: DispatchOptions,
): Promise<void> {
  try {
    if (interaction.type === InteractionType.Autocomplete) await responder.suggest(autocomplete(interaction, options));
    else if (interaction.type === InteractionType.ApplicationCommand) await runCommand(interaction, responder, options);
    else options.logger.warn({ type: interaction.type, interactionId: interaction.id }, 'discord: interaction type not handled');
  } catch (err) {
    options.logger.error(
      { error: describeRestError(err), interactionId: interaction.id, command: interaction.data?.name },
      'discord: answering an interaction failed',
    );
  }
}

/**
 * Answers are public: a market fact is as useful to the channel as to the asker, and Discord's
 * best reference bots answer in the open. What a command marks private (a channel's saved
 * scenarios) and every usage or error message is ephemeral: a typo is nobody else's business.
 * A deferred answer is deferred publicly, since most are public; if it turns out private, the
 * public "thinking…" message is deleted and the answer follows up ephemerally.
 */
async function runCommand(interaction: Interaction, responder: InteractionResponder, options: DispatchOptions): Promise<void> {
  const { router } = options;
  const name = interaction.data?.name ?? '';
  const base = toInvocation(interaction);
  const history = options.history?.(base.channelId);
  const invocation = history ? { ...base, history } : base;
  if (router.isSlow(name)) {
    // A private-by-default command (a digest) says "thinking…" privately, unless asked to post publicly.
    const publicRequested = interaction.data?.options?.some((o) => o.name === 'public' && o.value === true) ?? false;
    const privately = router.isPrivateByDefault(name) && !publicRequested;
    await responder.defer(privately);
    return finishDeferred(answerThenChart(await router.handle(invocation), options), responder, privately);
  }
  const work = router.handle(invocation);
  const early = await within(work, options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS);
  if (!early) {
    await responder.defer(false);
    return finishDeferred(answerThenChart(await work, options), responder);
  }
  const { reply, png } = answerThenChart(early.reply, options);
  const [first, ...rest] = renderReply(reply);
  await responder.reply(first!);
  for (const message of rest) await responder.followUp(message);
  await addChart(reply, png, (withIt) => responder.editOriginal(withIt));
}

async function finishDeferred({ reply, png }: AnswerThenChart, responder: InteractionResponder, deferredPrivately = false): Promise<void> {
  const messages = renderReply(reply);
  // A private "thinking…" can simply become the private answer; a public one must not.
  if (isEphemeral(reply) && !deferredPrivately) {
    await responder.deleteOriginal();
    for (const message of messages) await responder.followUp(message);
    // A follow-up cannot be edited without its id: the chart comes as a follow-up of its own.
    return addChart(reply, png, (withIt) => responder.followUp({ body: { ...withIt.body, embeds: [] }, files: withIt.files }));
  }
  const [first, ...rest] = messages;
  await responder.editOriginal(first!);
  for (const message of rest) await responder.followUp(message);
  await addChart(reply, png, (withIt) => responder.editOriginal(withIt));
}

/** Starts the reply's chart rendering, or notes that it was skipped. */
function answerThenChart(reply: Reply, options: DispatchOptions): AnswerThenChart {
  return startChart(reply, options.charts, options.logger);
}

/** Once drawn, the chart goes out with the answer's first message (a failed render was logged: nothing to add). */
async function addChart(reply: Reply, png: AnswerThenChart['png'], send: (message: OutgoingMessage) => Promise<void>): Promise<void> {
  const bytes = await png;
  if (!bytes) return;
  await send(withChart(renderReply(reply)[0]!, reply.chart!, bytes));
}

/** The reply if it is ready within `ms`, else undefined (the work goes on). */
function within(work: Promise<Reply>, ms: number): Promise<{ reply: Reply } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work.then((reply) => ({ reply })), late]).finally(() => clearTimeout(timer));
}

function focused(options: readonly InteractionOption[] | undefined): InteractionOption | undefined {
  for (const option of options ?? []) {
    if (option.focused) return option;
    const nested = focused(option.options);
    if (nested) return nested;
  }
  return undefined;
}

/** Choices for the option being typed, by what the registry says it holds. */
export function autocomplete(interaction: Interaction, options: Pick<DispatchOptions, 'router' | 'kb'>): AutocompleteChoice[] {
  const option = focused(interaction.data?.options);
  if (!option) return [];
  const spec = options.router.commands.find((c) => c.name === interaction.data?.name)?.options.find((o) => o.name === option.name);
  return spec?.autocomplete === 'company' ? companyChoices(options.kb, String(option.value ?? '')) : [];
}
