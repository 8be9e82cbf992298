// The gateway transport (DISCORD_TOKEN): slash commands and autocomplete through discord.js's
// interaction methods, and @-mentions answered as replies. Loaded with a dynamic import only when
// a token is configured: discord.js costs ~0.74 s to import.
import type { AutocompleteInteraction, ChatInputCommandInteraction, Client, Message } from 'discord.js';
import type { ChartRenderer } from '../../core/chart/chart-renderer.js';
import { startChart } from '../../core/chart/reply-chart.js';
import type { ChannelHistory } from '../../core/digest/message.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge-base.js';
import type { Invocation } from '../../router/invocation.js';
import type { Router } from '../../router/router.js';
import { withBackoff } from '../../server/backoff.js';
import { FollowUps } from '../../server/follow-ups.js';
import { ConnectionStatus } from '../../server/readiness.js';
import type { StopDeadline } from '../../server/stop-deadline.js';
import { dispatchInteraction, type DispatchLogger, type InteractionResponder } from './dispatch.js';
import { fromGatewayInteraction, toSendOptions } from './gateway-payload.js';
import { mentionRequest } from './mention.js';
import { renderReply, withChart } from './render.js';
import { describeRestError, MAX_RATE_LIMIT_WAIT_MS, MAX_RETRIES } from './rest.js';
import { isAdminPermissions } from './to-invocation.js';

export interface GatewayLogger extends DispatchLogger {
  info(obj: object, msg: string): void;
}

export interface GatewayOptions {
  token: string;
  router: Router;
  kb: KnowledgeBase;
  logger: GatewayLogger;
  fetch?: typeof fetch | undefined;
  /** A channel's recent messages for /digest, by scope. */
  history?: (scope: string) => ChannelHistory | undefined;
  /** Discord's API base (DISCORD_API_URL): the gateway's address is asked of it. */
  api: string;
  /** The first wait before logging in again (default 1 s; tests shorten it). */
  retryMinMs?: number | undefined;
  /** Where answers still being sent are tracked (default: the gateway's own). */
  followUps?: FollowUps;
  /** Rasterises charts off the event loop. */
  charts: ChartRenderer;
}

export interface Gateway {
  /** Connected, connecting, or why not: /readyz reports it. */
  status: ConnectionStatus;
  /** Stops logging in, lets answers under way finish (until the deadline, when there is one), then disconnects. */
  stop(deadline?: StopDeadline): Promise<void>;
}

/**
 * Connects in the background and keeps trying with backoff until it is connected (a refused token
 * is not retried); once connected, discord.js resumes and reconnects by itself. Start-up never
 * waits on Discord: the HTTP endpoint and everything else serve meanwhile.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const discord = await import('discord.js');
  const status = new ConnectionStatus('connecting');
  const followUps = options.followUps ?? new FollowUps();
  const stopping = new AbortController();
  let client: Client | undefined;
  const connected = withBackoff(
    async () => {
      client = createClient(discord, options, status, followUps);
      // discord.js destroys the client when login fails: the next attempt makes a new one.
      await client.login(options.token);
    },
    {
      signal: stopping.signal,
      ...(options.retryMinMs ? { minMs: options.retryMinMs } : {}),
      permanent: (err) => (err as { code?: string }).code === 'TokenInvalid',
      onFailure: (err, attempt, waitMs) => {
        const retry = Number.isFinite(waitMs) ? `retrying in ${Math.round(waitMs / 1000)} s` : 'not retrying: fix DISCORD_TOKEN';
        status.down(`login failed: ${(err as Error).message} (attempt ${attempt}, ${retry})`);
        options.logger.warn(
          { error: describeRestError(err), attempt, waitMs },
          'discord gateway: login failed; slash commands over the gateway and @-mentions are off until it connects',
        );
      },
    },
  );
  return {
    status,
    async stop(deadline) {
      stopping.abort();
      const bounded = (work: Promise<unknown>) => (deadline ? deadline.within(work) : work);
      await bounded(connected);
      await followUps.settled(deadline?.remainingMs());
      await bounded(client?.destroy() ?? Promise.resolve());
    },
  };
}

function createClient(
  discord: typeof import('discord.js'),
  options: GatewayOptions,
  status: ConnectionStatus,
  followUps: FollowUps,
): Client {
  const { Client, Events, GatewayIntentBits } = discord;
  const { logger, router } = options;
  const client = new Client({
    // Guilds for interactions' context, GuildMessages for messageCreate. Not MessageContent: it is
    // privileged, and not needed here, since Discord sends the content of any message that
    // mentions the bot without it. Asking for it unapproved is worse than useless: the gateway
    // closes with 4014 (disallowed intents), which discord.js does not retry, and no mention or
    // gateway interaction would ever arrive. /digest, reading others' messages, will need it.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      api: options.api,
      retries: MAX_RETRIES,
      rejectOnRateLimit: (limit) => limit.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
      makeRequest: (url, init) => (options.fetch ?? globalThis.fetch)(url, init as RequestInit),
    },
  });
  const commandNames = new Set(router.commands.map((c) => c.name));

  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return;
    followUps.track(
      dispatchInteraction(fromGatewayInteraction(interaction), gatewayResponder(interaction), options),
      'discord interaction',
    );
  });

  client.on(Events.MessageCreate, (message) => {
    const me = client.user;
    if (!me) return;
    const roleIds = message.guild?.members.me?.roles.botRole ? [message.guild.members.me.roles.botRole.id] : [];
    const request = mentionRequest(
      { content: message.content, author: { id: message.author.id, bot: message.author.bot } },
      { userId: me.id, roleIds },
      commandNames,
    );
    if (!request) return;
    const history = options.history?.(`discord:${message.channelId}`);
    const invocation: Invocation = {
      ...(history ? { history } : {}),
      platform: 'discord',
      command: request.command,
      args: request.text,
      userId: `discord:${message.author.id}`,
      channelId: `discord:${message.channelId}`,
      ...(message.guild ? { locale: message.guild.preferredLocale } : {}),
      isAdmin: isAdminPermissions(message.member?.permissions.bitfield.toString()),
      wantsChart: true,
      raw: { messageId: message.id },
    };
    followUps.track(answerMention(message, invocation, options), 'discord mention');
  });

  client.on(Events.Error, (err) => logger.warn({ error: describeRestError(err) }, 'discord gateway: client error'));
  client.once(Events.ClientReady, (ready) => {
    status.up('connected');
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'discord gateway: connected');
  });
  client.on(Events.ShardReady, () => status.up('connected'));
  client.on(Events.ShardResume, () => status.up('connected'));
  client.on(Events.ShardReconnecting, () => status.down('reconnecting'));
  client.on(Events.ShardDisconnect, (event) => status.down(`disconnected (close code ${event.code})`));
  client.on(Events.Invalidated, () => status.down('session invalidated'));
  return client;
}

export function gatewayResponder(interaction: ChatInputCommandInteraction | AutocompleteInteraction): InteractionResponder {
  const command = () => {
    if (interaction.isAutocomplete()) throw new Error('an autocomplete interaction takes choices only');
    return interaction;
  };
  return {
    async reply(message) {
      await command().reply(toSendOptions(message));
    },
    async defer(ephemeral) {
      await command().deferReply(ephemeral ? { flags: 64 } : {});
    },
    async suggest(choices) {
      if (!interaction.isAutocomplete()) throw new Error('only an autocomplete interaction takes choices');
      await interaction.respond(choices);
    },
    async editOriginal(message) {
      await command().editReply(toSendOptions(message, { flags: false }));
    },
    async deleteOriginal() {
      await command().deleteReply();
    },
    async followUp(message) {
      await command().followUp(toSendOptions(message));
    },
  };
}

/** A mention is answered as a reply to the message, without pinging its author; a chart follows as an edit. */
async function answerMention(message: Message, invocation: Invocation, options: GatewayOptions): Promise<void> {
  try {
    if (options.router.isSlow(invocation.command || 'ask') && 'sendTyping' in message.channel) await message.channel.sendTyping();
    const { reply, png } = startChart(await options.router.handle(invocation), options.charts, options.logger);
    const messages = renderReply(reply);
    // A channel message cannot be ephemeral: the flag is for interactions only.
    const [first, ...rest] = messages.map((m) => toSendOptions(m, { flags: false }));
    const sent = await message.reply(first!);
    for (const more of rest) if ('send' in message.channel) await message.channel.send(more);
    const bytes = await png;
    if (bytes) await sent.edit(toSendOptions(withChart(messages[0]!, reply.chart!, bytes), { flags: false }));
  } catch (err) {
    options.logger.error({ error: describeRestError(err), messageId: message.id }, 'discord gateway: answering a mention failed');
  }
}
