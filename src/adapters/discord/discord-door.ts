import { Client, Events, GatewayIntentBits, Options, Partials } from "discord.js";
import type { ButtonValues } from "../../app/door-ports";
import type { PeerloopApp } from "../../app/peerloop-app";
import { workLimiter } from "../../app/work-limiter";
import type { Logger } from "../../core/shared/logger";
import { discordReason } from "./discord-deliver";
import { handleInteraction, handleMessageCreate, handleMessageDelete, handleMessageUpdate, handleReactionAdd, type DiscordDeps } from "./discord-handlers";
import { registerCommands } from "./discord-register";
import { handleMemberAdd, handleMemberRemove } from "./discord-welcome";
import { ButtonStash } from "./discord-stash";

export interface DiscordOptions {
  token: string;
  /** REST base including /api (tests, proxies); the gateway URL then comes from GET /gateway/bot. */
  apiUrl?: string;
  guildId?: string;
  messageContent: boolean;
  /** The privileged Server Members intent (switched on in the developer portal): joins and leaves arrive. */
  serverMembers?: boolean;
  /** This replica's shards of `shardCount` (several replicas split a large bot); unset: one process, all shards. */
  shards?: { ids: number[]; count: number };
}

/**
 * The Discord door: only the intents it needs (the privileged message-content one on request),
 * small caches with sweepers so memory stays flat on large servers, and commands registered on start.
 */
export const createDiscordDoor = (opts: DiscordOptions, deps: { app: PeerloopApp; logger: Logger; buttons: ButtonValues }) => {
  const client = new Client({
    ...(opts.shards ? { shards: opts.shards.ids, shardCount: opts.shards.count } : {}),
    intents: [
      GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessages,
      ...(opts.messageContent ? [GatewayIntentBits.MessageContent] : []),
      ...(opts.serverMembers ? [GatewayIntentBits.GuildMembers] : []),
    ],
    // Reactions and deletions on messages older than the cache still arrive.
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    // Bounded: an interaction's work must finish well inside the shutdown drain and the outbox lease.
    rest: { ...(opts.apiUrl ? { api: opts.apiUrl } : {}), timeout: 10_000, retries: 1 },
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 25,
      ReactionManager: 0,
      ReactionUserManager: 0,
      PresenceManager: 0,
      ThreadMemberManager: 0,
      GuildMemberManager: { maxSize: 100, keepOverLimit: (m) => m.id === m.client.user.id },
      UserManager: { maxSize: 500, keepOverLimit: (u) => u.id === u.client.user.id },
      GuildEmojiManager: 0, GuildStickerManager: 0, VoiceStateManager: 0, StageInstanceManager: 0, GuildScheduledEventManager: 0,
      AutoModerationRuleManager: 0, GuildInviteManager: 0, GuildBanManager: 0, ApplicationCommandManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 300, lifetime: 900 },
      users: { interval: 600, filter: () => (u) => u.id !== u.client.user.id },
      guildMembers: { interval: 600, filter: () => (m) => m.id !== m.client.user.id },
      threads: { interval: 3600, lifetime: 6 * 3600 },
    },
  });
  const deps2: DiscordDeps = { app: deps.app, client, logger: deps.logger, stash: new ButtonStash(deps.buttons), readsContent: opts.messageContent, serverMembers: opts.serverMembers ?? false, limit: workLimiter(16) };
  if (opts.serverMembers) {
    client.on(Events.GuildMemberAdd, handleMemberAdd(deps2));
    client.on(Events.GuildMemberRemove, handleMemberRemove(deps2));
  }
  client.on(Events.InteractionCreate, handleInteraction(deps2));
  client.on(Events.MessageCreate, handleMessageCreate(deps2));
  client.on(Events.MessageUpdate, handleMessageUpdate(deps2));
  client.on(Events.MessageDelete, handleMessageDelete(deps2));
  client.on(Events.MessageReactionAdd, handleReactionAdd(deps2));
  client.on(Events.Error, (error) => deps.logger.error("discord client error", { error: error.message }));
  client.on(Events.ShardError, (error) => deps.logger.warn("discord gateway error", { error: error.message }));
  client.once(Events.ClientReady, async (ready) => {
    deps.logger.info("discord door ready", { user: ready.user.tag, guilds: ready.guilds.cache.size, shards: opts.shards?.ids ?? "all" });
    // One replica registers commands: the one running shard 0 (or the only one).
    if (opts.shards && !opts.shards.ids.includes(0)) return;
    try {
      const result = await registerCommands(client.rest, ready.application.id, opts.guildId);
      deps.logger.info("discord commands", { result, scope: opts.guildId ?? "global" });
    } catch (error) {
      deps.logger.error("could not register Discord commands", { error: discordReason(error) });
    }
  });

  return {
    client,
    /** Connected: logged in and the gateway says READY (and not shutting down). */
    ready: () => client.isReady() && !deps2.stopping,
    start: async () => {
      await client.login(opts.token);
    },
    /** Takes no new interactions, finishes (up to the deadline) what was taken, then leaves the gateway. */
    stop: async (deadlineMs = 10_000) => {
      deps2.stopping = true;
      const drained = await deps2.limit.drain(deadlineMs);
      deps.logger.info("discord door stopped", { drained, unfinished: deps2.limit.pending() });
      await client.destroy();
    },
  };
};
