import { RateLimitError } from "@discordjs/rest";
import { ChannelType, DiscordAPIError, MessageFlags, REST, Routes, type Client, type RepliableInteraction } from "discord.js";
import { deliverOutcome as deliverShared } from "../../app/deliver-outcome";
import type { PeerloopApp } from "../../app/peerloop-app";
import { CourierError, type Courier } from "../../core/jobs/courier";
import type { Logger } from "../../core/shared/logger";
import type { Outcome } from "../../core/shared/message";
import { renderDiscord, type Stash } from "./discord-render";

export interface DiscordPlace {
  communityId: string;
  guildId: string;
  channelId: string;
  userId: string;
  /** A deferred (ephemeral) interaction: private replies edit it or follow it up. */
  interaction?: RepliableInteraction;
  /** The interaction was answered already: private replies follow it up. */
  answered?: boolean;
}

const REASONS: Record<number, string> = {
  50001: "I can't see that channel",
  50013: "I'm missing a permission there (Send Messages, Embed Links, Create Public Threads)",
  10003: "that channel no longer exists",
  50007: "that member doesn't accept direct messages from server members",
  160004: "a thread was already started on that message",
};
export const discordReason = (e: unknown): string =>
  e instanceof DiscordAPIError ? (REASONS[Number(e.code)] ?? `${e.message} (${e.code})`) : e instanceof Error ? e.message : String(e);

const threadName = (text: string) => (text.replace(/\s+/g, " ").trim() || "Discussion").slice(0, 90);

/**
 * Delivers an outcome on Discord, with the policy every door shares. A question card gets a
 * thread started on it (a post, in a forum); the card's id is the thread's id, which is how replies
 * find their question. Private messages edit the deferred reply, then follow it up.
 */
export const deliverDiscord = async (client: Client, app: PeerloopApp, outcome: Outcome, place: DiscordPlace, logger: Logger, stash: { put: Stash; flush(): Promise<void> }): Promise<void> => {
  let answered = place.answered ?? false;
  const tellActor = async (payload: ReturnType<typeof renderDiscord>) => {
    if (place.interaction) {
      if (answered) await place.interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral } as never);
      else await place.interaction.editReply(payload as never);
      answered = true;
    } else {
      await (await client.users.fetch(place.userId)).send(payload as never);
    }
  };
  const sendable = async (id: string) => {
    const channel = await client.channels.fetch(id);
    if (!channel?.isSendable()) throw new Error("channel not found");
    return channel;
  };
  await deliverShared(app, outcome, { door: "discord", communityId: place.communityId, channelId: place.channelId }, {
    send: async (out) => {
      const payload = renderDiscord(out.message, { guildId: place.guildId, stash: stash.put }) as never;
      // A stashed button value must be stored before anyone can click the button.
      await stash.flush();
      switch (out.to.kind) {
        case "actor": return tellActor(payload);
        case "thread": return void (await (await sendable(out.to.threadRef)).send(payload));
        case "post": return void (await (await sendable(out.to.channelId)).send(payload));
        case "member": return void (await (await client.users.fetch(out.to.externalId)).send(payload));
        case "channel": {
          const channel = await client.channels.fetch(place.channelId);
          if (channel?.type === ChannelType.GuildForum || channel?.type === ChannelType.GuildMedia) {
            const thread = await channel.threads.create({ name: threadName(out.message.quote ?? out.message.title ?? ""), message: payload });
            return { messageRef: thread.id, threadRef: thread.id };
          }
          const message = await (await sendable(place.channelId)).send(payload);
          const threadRef = out.anchor?.kind === "thread" && channel?.type === ChannelType.GuildText
            ? (await message.startThread({ name: threadName(out.message.quote ?? "") })).id
            : message.id;
          return { messageRef: message.id, threadRef };
        }
      }
    },
    tellActor: (message) => tellActor(renderDiscord(message)),
    explain: (error) => ({ reason: discordReason(error) }),
  }, logger);
  if (place.interaction && !answered) {
    await place.interaction.editReply({ content: `Done: posted in <#${place.channelId}>.`, embeds: [], components: [], allowedMentions: { parse: [] } }).catch(() => undefined);
  }
};

/** The jobs' courier for Discord: REST only, no gateway, so the jobs CLI can post too. */
export const discordCourier = (rest: REST): Courier => ({
  async deliver(_community, to, message) {
    const body = renderDiscord(message);
    try {
      if (to.kind === "edit") {
        // A card in a forum is its thread's first message: the thread is its channel.
        const edited = await rest.patch(Routes.channelMessage(to.channelId, to.messageRef), { body })
          .catch((error) => (error as { status?: number }).status === 404 ? rest.patch(Routes.channelMessage(to.messageRef, to.messageRef), { body }) : Promise.reject(error)) as { id: string };
        return { ref: edited.id };
      }
      let channelId: string;
      if (to.kind === "thread") channelId = to.threadRef;
      else if (to.kind === "post") channelId = to.channelId;
      else if (to.kind === "member") channelId = ((await rest.post(Routes.userChannels(), { body: { recipient_id: to.externalId } })) as { id: string }).id;
      else throw new CourierError(`a job cannot reply to "${to.kind}"`, false);
      const sent = (await rest.post(Routes.channelMessages(channelId), { body: { ...body, nonce: undefined } })) as { id: string };
      return { ref: sent.id };
    } catch (error) {
      if (error instanceof CourierError) throw error;
      // A rate limit is the outbox's to wait out (it owns retrying, under its lease), not the SDK's.
      if (error instanceof RateLimitError) throw new CourierError(`rate limited on ${error.route}`, true, error.retryAfter);
      const status = (error as { status?: number }).status ?? 0;
      throw new CourierError(discordReason(error), !(status >= 400 && status < 500 && status !== 429));
    }
  },
});

/**
 * REST for jobs: one attempt of at most 10 s, rate limits thrown at once. The outbox leases a message
 * for 2 minutes; an SDK that retried or queued for longer would let another run post it twice.
 */
export const discordRest = (token: string, api?: string) =>
  new REST({ ...(api ? { api } : {}), timeout: 10_000, retries: 0, rejectOnRateLimit: () => true }).setToken(token);
