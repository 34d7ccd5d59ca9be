import type { webApi } from "@slack/bolt";

type WebClient = webApi.WebClient;
import { deliverOutcome as deliverShared } from "../../app/deliver-outcome";
import type { PeerloopApp } from "../../app/peerloop-app";
import type { Courier } from "../../core/jobs/courier";
import { CourierError } from "../../core/jobs/courier";
import type { Logger } from "../../core/shared/logger";
import type { Audience, Message, Outcome } from "../../core/shared/message";
import { renderSlack } from "./slack-render";

export type Respond = (message: Record<string, unknown>) => Promise<unknown>;

/** Where a Slack interaction happened, so replies go back to the right place. */
export interface SlackPlace {
  communityId: string;
  channelId: string;
  userId: string;
  threadTs?: string;
  /** The response_url of a command or action: how private replies are sent. */
  respond?: Respond;
}

/** Posts one neutral message where `to` says; returns the message's ts. */
export const postSlack = async (client: WebClient, to: Audience, message: Message, place?: SlackPlace): Promise<string> => {
  const { text, blocks } = renderSlack(message);
  const base = { text, blocks, unfurl_links: false, unfurl_media: false };
  switch (to.kind) {
    case "actor": {
      if (!place) throw new Error("a private reply needs the place it answers");
      if (place.respond) {
        await place.respond({ response_type: "ephemeral", replace_original: false, ...base });
        return "";
      }
      const r = await client.chat.postEphemeral({ channel: place.channelId, user: place.userId, thread_ts: place.threadTs, ...base });
      return r.message_ts ?? "";
    }
    case "channel": return (await client.chat.postMessage({ channel: place!.channelId, ...base })).ts ?? "";
    case "thread": return (await client.chat.postMessage({ channel: to.channelId ?? place!.channelId, thread_ts: to.threadRef, ...base })).ts ?? "";
    case "member": return (await client.chat.postMessage({ channel: to.externalId, ...base })).ts ?? "";
    case "post": return (await client.chat.postMessage({ channel: to.channelId, ...base })).ts ?? "";
    case "edit": return (await client.chat.update({ channel: to.channelId, ts: to.messageRef, ...base })).ts ?? to.messageRef;
    case "email": throw new Error("email goes out through the outbox's email courier, not the Slack door");
    case "sms": throw new Error("texts go out through the outbox's SMS courier, not the Slack door");
  }
};

const slackError = (e: unknown): string => (e as { data?: { error?: string } })?.data?.error ?? (e instanceof Error ? e.message : String(e));

const CHANNEL_ACCESS = /not_in_channel|channel_not_found|is_archived|restricted_action/;

/** Delivers a command's or event's outcome on Slack, with the policy every door shares. */
export const deliverOutcome = (client: WebClient, app: PeerloopApp, outcome: Outcome, place: SlackPlace, logger: Logger): Promise<void> =>
  deliverShared(app, outcome, { door: "slack", communityId: place.communityId, channelId: place.channelId }, {
    send: async (out) => {
      const ts = await postSlack(client, out.to, out.message, place);
      return ts ? { messageRef: ts, threadRef: ts } : undefined;
    },
    tellActor: async (message) => void (await postSlack(client, { kind: "actor" }, message, place)),
    explain: (error) => {
      const code = slackError(error);
      return CHANNEL_ACCESS.test(code)
        ? { reason: `I can't post in this channel (${code})`, hint: " Invite Peerloop to it (/invite @Peerloop) and try again." }
        : { reason: code, hint: " Please try again in a minute." };
    },
  }, logger);

/** The jobs' courier for Slack: posts with the workspace's client; rate limits and outages are retried. */
export const slackCourier = (clientFor: (teamId: string) => Promise<WebClient | null>): Courier => ({
  async deliver(community, to, message) {
    const client = await clientFor(community.externalId);
    if (!client) throw new CourierError(`Peerloop is not installed in Slack workspace ${community.externalId}`, false);
    try {
      return { ref: await postSlack(client, to, message) };
    } catch (error) {
      const reason = slackError(error);
      const retryAfter = (error as { retryAfter?: number }).retryAfter;
      const permanent = /channel_not_found|not_in_channel|is_archived|user_not_found|account_inactive|invalid_auth|token_revoked|msg_too_long|invalid_blocks/.test(reason);
      throw new CourierError(reason, !permanent, retryAfter ? retryAfter * 1000 : undefined);
    }
  },
});
