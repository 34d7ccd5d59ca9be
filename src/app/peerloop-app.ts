import type { ActorIdentity } from "../core/members/member-service";
import type { Actor, Place, Platform } from "../core/shared/context";
import type { Logger } from "../core/shared/logger";
import type { Anchor, Message, Outcome } from "../core/shared/message";
import type { ResolveInput, IncomingReply } from "../core/threads/thread-service";
import { Dispatcher, type Invocation } from "./dispatcher";
import type { Services } from "./services";
import { translateFailure } from "./translate-failure";

/**
 * Everything a door can ask of Peerloop. Every method answers with an Outcome, never throws:
 * a member's mistake becomes a private message, anything else a logged apology.
 */
export class PeerloopApp {
  private readonly dispatcher: Dispatcher;

  constructor(readonly services: Services, private readonly logger: Logger) {
    this.dispatcher = new Dispatcher(services, logger);
  }

  resolveActor(identity: ActorIdentity): Promise<Actor> {
    return this.services.members.resolveActor(identity);
  }

  command(actor: Actor, place: Place, invocation: Invocation): Promise<Outcome> {
    return this.dispatcher.run(actor, place, invocation);
  }

  postAnyway(actor: Actor, place: Place, value: string): Promise<Outcome> {
    return this.dispatcher.postAnyway(actor, place, value);
  }

  endorse(actor: Actor, resourceId: string): Promise<Outcome> {
    return this.guarded(actor, "endorse", () => this.services.resources.endorse(actor, resourceId));
  }

  resolve(actor: Actor, threadId: string, input: ResolveInput): Promise<Outcome> {
    return this.guarded(actor, "resolve", () => this.services.threads.resolve(actor, threadId, input));
  }

  /** Before a door shows a resolve form: the question's text, or the reason this member can't resolve it. */
  async prepareResolve(actor: Actor, key: string): Promise<{ ok: true; threadId: string; text: string } | { ok: false; outcome: Outcome }> {
    try {
      const t = await this.services.threads.resolvable(actor, key);
      return { ok: true, threadId: t.id, text: t.text };
    } catch (error) {
      return { ok: false, outcome: translateFailure(error, this.logger, { action: "resolve", communityId: actor.communityId, memberId: actor.memberId }) };
    }
  }

  /** The member's own overview (App Home, /peerloop me). */
  async home(actor: Actor): Promise<Message> {
    return this.services.members.overview(actor);
  }

  react(actor: Actor, threadRef: string, emoji: string): Promise<Outcome> {
    return this.guarded(actor, "react", () => this.services.threads.react(actor, threadRef, emoji));
  }

  markAnswer(actor: Actor, replyMessageId: string): Promise<Outcome> {
    return this.guarded(actor, "mark-answer", () => this.services.threads.markAnswer(actor, replyMessageId));
  }

  threadReply(actor: Actor, incoming: IncomingReply): Promise<Outcome> {
    return this.guarded(actor, "reply", () => this.services.threads.recordReply(actor, incoming));
  }

  replyEdited(actor: Actor, platformMessageId: string, text: string | null): Promise<Outcome> {
    return this.guarded(actor, "reply-edit", () => this.services.threads.editReply(actor, platformMessageId, text));
  }

  /** Whether a platform thread belongs to a Peerloop question (false on any doubt; logged). */
  async isQuestionThread(platform: Platform, communityExternalId: string, threadRef: string): Promise<boolean> {
    try {
      return await this.services.threads.isQuestionThread(platform, communityExternalId, threadRef);
    } catch (error) {
      this.logger.error("could not look up a thread", { platform, communityExternalId, threadRef, error: String(error) });
      return false;
    }
  }

  /**
   * A door could not post an anchored card (no permission in the channel, say): the record it was
   * for is removed again with anything queued about it, so nothing half-posted stays in the library.
   */
  async discard(communityId: string, anchor: Anchor): Promise<void> {
    try {
      if (anchor.kind === "resource") await this.services.resources.discardUnposted(communityId, anchor.id);
      else await this.services.threads.discardUnposted(communityId, anchor.id);
    } catch (error) {
      this.logger.error("could not discard an unposted card", { communityId, anchor, error: String(error) });
    }
  }

  /** A reply deleted on the platform; its author does not matter (and may be unknown). */
  async replyDeletedIn(platform: Platform, communityExternalId: string, platformMessageId: string): Promise<void> {
    try {
      await this.services.threads.deleteReplyIn(platform, communityExternalId, platformMessageId);
    } catch (error) {
      this.logger.error("could not record a deleted reply", { platform, communityExternalId, platformMessageId, error: String(error) });
    }
  }

  /** A door posted an anchored public message: remember where, so thread replies find their way back. */
  async posted(communityId: string, anchor: Anchor, channelId: string, messageRef: string, threadRef = messageRef): Promise<void> {
    try {
      if (anchor.kind === "resource") await this.services.resources.attachPost(communityId, anchor.id, channelId, messageRef);
      else await this.services.threads.attachPost(communityId, anchor.id, channelId, messageRef, threadRef);
    } catch (error) {
      this.logger.error("could not record where a card was posted", { communityId, anchor, channelId, messageRef, error: String(error) });
    }
  }

  private async guarded(actor: Actor, what: string, work: () => Promise<Outcome>): Promise<Outcome> {
    try {
      return await work();
    } catch (error) {
      return translateFailure(error, this.logger, { action: what, communityId: actor.communityId, memberId: actor.memberId });
    }
  }
}
