import type { Logger } from "../core/shared/logger";
import type { Message, Outcome, Outgoing } from "../core/shared/message";
import type { PeerloopApp } from "./peerloop-app";

/** What a door provides so an outcome can be delivered through it. */
export interface DoorOutlet {
  /** Sends one message; for a public card, says where it landed (the thread hangs off `threadRef`). */
  send(out: Outgoing): Promise<{ messageRef: string; threadRef: string } | void>;
  /** Tells the member who acted, privately. */
  tellActor(message: Message): Promise<void>;
  /** Why a send failed, in a member's words, and what they can do about it. */
  explain(error: unknown): { reason: string; hint?: string };
}

/**
 * The delivery policy both platform doors share. Messages go out in order; a failed one never
 * takes the others down. A card that could not be posted is discarded with what was queued about
 * it (so nothing half-posted stays in the library), the notifications after it are skipped, and
 * the member is told why; the admin gets a log line.
 */
export const deliverOutcome = async (
  app: PeerloopApp, outcome: Outcome, where: { door: string; communityId: string; channelId: string }, outlet: DoorOutlet, logger: Logger,
): Promise<void> => {
  let cardFailed = false;
  for (const out of outcome.messages) {
    // Follower notifications about a card that never appeared would point at nothing.
    if (cardFailed && out.to.kind !== "actor") continue;
    try {
      const landed = await outlet.send(out);
      if (out.anchor && out.attach) await app.posted(where.communityId, out.anchor, where.channelId, out.attach.messageRef, out.attach.threadRef);
      else if (out.anchor && landed) await app.posted(where.communityId, out.anchor, where.channelId, landed.messageRef, landed.threadRef);
    } catch (error) {
      const { reason, hint = "" } = outlet.explain(error);
      logger.warn(`${where.door} delivery failed`, { communityId: where.communityId, channelId: where.channelId, to: out.to.kind, error: reason });
      if (out.to.kind === "actor") continue;
      if (out.anchor) {
        cardFailed = true;
        await app.discard(where.communityId, out.anchor);
      }
      await outlet.tellActor({
        text: out.anchor ? `Not posted: ${reason}, so nothing was saved.${hint}` : `I couldn't deliver a message: ${reason}.${hint}`,
        tone: "warning",
      }).catch(() => undefined);
    }
  }
};
