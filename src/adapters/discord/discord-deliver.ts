import { ChannelType, DiscordAPIError, MessageFlags, REST, Routes, type Client, type RepliableInteraction } from "discord.js";
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
 * Delivers an outcome on Discord. A question card gets a thread started on it (a post, in a
 * forum); the card's id is the thread's id, which is how replies find their question. A REST
 * failure becomes a private message to the member and a log line, never a crash.
 */
export const deliverDiscord = async (client: Client, app: PeerloopApp, outcome: Outcome, place: DiscordPlace, logger: Logger, stash: Stash): Promise<void> => {
  let answered = false;
  const tellActor = async (payload: ReturnType<typeof renderDiscord>) => {
    if (place.interaction) {
      if (answered) await place.interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral } as never);
      else await place.interaction.editReply(payload as never);
      answered = true;
    } else {
      await (await client.users.fetch(place.userId)).send(payload as never);
    }
  };
  let cardFailed = false;
  for (const out of outcome.messages) {
    // Follower notifications about a card that never appeared would point at nothing.
    if (cardFailed && out.to.kind !== "actor") continue;
    const payload = renderDiscord(out.message, { guildId: place.guildId, stash });
    try {
      switch (out.to.kind) {
        case "actor": await tellActor(payload); break;
        case "channel": {
          const channel = await client.channels.fetch(place.channelId);
          if (!channel) throw new Error("channel not found");
          if (channel.type === ChannelType.GuildForum || channel.type === ChannelType.GuildMedia) {
            const thread = await channel.threads.create({ name: threadName(out.message.quote ?? out.message.title ?? ""), message: payload as never });
            if (out.anchor) await app.posted(place.communityId, out.anchor, place.channelId, thread.id, thread.id);
          } else if (channel.isSendable()) {
            const message = await channel.send(payload as never);
            let threadRef = message.id;
            if (out.anchor?.kind === "thread" && "threads" in channel && channel.type === ChannelType.GuildText) {
              threadRef = (await message.startThread({ name: threadName(out.message.quote ?? "") })).id;
            }
            if (out.anchor) await app.posted(place.communityId, out.anchor, place.channelId, message.id, threadRef);
          }
          break;
        }
        case "thread": {
          const thread = await client.channels.fetch(out.to.threadRef);
          if (thread?.isSendable()) await thread.send(payload as never);
          break;
        }
        case "member": await (await client.users.fetch(out.to.externalId)).send(payload as never); break;
        case "post": {
          const channel = await client.channels.fetch(out.to.channelId);
          if (channel?.isSendable()) await channel.send(payload as never);
          break;
        }
      }
    } catch (error) {
      const reason = discordReason(error);
      logger.warn("discord delivery failed", { communityId: place.communityId, channelId: place.channelId, to: out.to.kind, error: reason });
      if (out.anchor) {
        cardFailed = true;
        await app.discard(place.communityId, out.anchor);
      }
      if (out.to.kind !== "actor") {
        await tellActor(renderDiscord({ text: out.anchor ? `Not posted: ${reason}, so nothing was saved.` : `I couldn't deliver a message: ${reason}.`, tone: "warning" })).catch(() => undefined);
      }
    }
  }
  if (place.interaction && !answered) {
    await place.interaction.editReply({ content: `Done: posted in <#${place.channelId}>.`, embeds: [], components: [], allowedMentions: { parse: [] } }).catch(() => undefined);
  }
};

/** The jobs' courier for Discord: REST only, no gateway, so the jobs CLI can post too. */
export const discordCourier = (rest: REST): Courier => ({
  async deliver(_community, to, message) {
    const body = renderDiscord(message);
    try {
      let channelId: string;
      if (to.kind === "thread") channelId = to.threadRef;
      else if (to.kind === "post") channelId = to.channelId;
      else if (to.kind === "member") channelId = ((await rest.post(Routes.userChannels(), { body: { recipient_id: to.externalId } })) as { id: string }).id;
      else throw new CourierError(`a job cannot reply to "${to.kind}"`, false);
      const sent = (await rest.post(Routes.channelMessages(channelId), { body: { ...body, nonce: undefined } })) as { id: string };
      return { ref: sent.id };
    } catch (error) {
      if (error instanceof CourierError) throw error;
      const status = (error as { status?: number }).status ?? 0;
      throw new CourierError(discordReason(error), !(status >= 400 && status < 500 && status !== 429));
    }
  },
});

export const discordRest = (token: string, api?: string) => new REST(api ? { api } : {}).setToken(token);
