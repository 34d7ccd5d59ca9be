import type { ActorIdentity } from "../core/members/member-service";
import type { Actor, Place, Platform } from "../core/shared/context";
import type { Logger } from "../core/shared/logger";
import type { Anchor, Message, Outcome } from "../core/shared/message";
import type { ResolveInput, IncomingReply } from "../core/threads/thread-service";
import { Dispatcher, type Invocation } from "./dispatcher";
import type { Services } from "./services";
import { translateFailure } from "./translate-failure";
import { cleanText, UUID } from "../core/shared/clean-text";
import { fail } from "../core/shared/errors";
import { privately, reply } from "../core/shared/message";
import { reuseThanks } from "../core/related/related-messages";

/**
 * Ids a door hands over (message timestamps, snowflakes, thread ids): a platform never sends anything
 * else, so a value that is not one is a tampered or stale payload, refused as such.
 */
const platformRef = (value: string): string => {
  if (typeof value !== "string" || !/^[\w.:-]{1,100}$/.test(value)) fail("STALE_BUTTON", "That button or message is out of date or malformed. Please try again from a fresh message.");
  return value;
};

/** Waits between attempts to record where a card was posted. */
const POSTED_RETRY_MS = [100, 400, 1_000, 2_000, 3_000, 3_500];

/** Command text and typed options, cleaned of control characters before anything parses them. */
const cleanInvocation = (inv: Invocation): Invocation => {
  const clean = (v: unknown): unknown => (typeof v === "string" ? cleanText(v) : Array.isArray(v) ? v.map(clean) : v);
  if ("text" in inv.input) return { command: cleanText(inv.command), input: { text: cleanText(String(inv.input.text ?? "")) } };
  return { command: cleanText(inv.command), input: { ...inv.input, options: Object.fromEntries(Object.entries(inv.input.options ?? {}).map(([k, v]) => [k, clean(v)])) } };
};

/**
 * Everything a door can ask of Peerloop. Every method answers with an Outcome, never throws:
 * a member's mistake becomes a private message, anything else a logged apology.
 */
export class PeerloopApp {
  private readonly dispatcher: Dispatcher;
  /** Told when a resource's card is on the platform (link previews start from here). */
  onResourcePosted?: (communityId: string, resourceId: string) => void;
  /** Told after a member's command or button ran (it may have queued a text or an email to send). */
  onWorkDone?: () => void;

  constructor(readonly services: Services, private readonly logger: Logger) {
    this.dispatcher = new Dispatcher(services, logger);
  }

  private then(work: Promise<Outcome>): Promise<Outcome> {
    return work.finally(() => this.onWorkDone?.());
  }

  resolveActor(identity: ActorIdentity): Promise<Actor> {
    return this.services.members.resolveActor(identity);
  }

  command(actor: Actor, place: Place, invocation: Invocation): Promise<Outcome> {
    return this.then(this.dispatcher.run(actor, place, cleanInvocation(invocation)));
  }

  postAnyway(actor: Actor, place: Place, value: string): Promise<Outcome> {
    return this.then(this.dispatcher.postAnyway(actor, place, value));
  }

  /** "Post as is" on a tone nudge. */
  postAsIs(actor: Actor, place: Place, value: string): Promise<Outcome> {
    return this.then(this.dispatcher.postAsIs(actor, place, value));
  }

  /** "Post my question" after related answers were shown. */
  postQuestion(actor: Actor, place: Place, value: string): Promise<Outcome> {
    return this.then(this.dispatcher.postQuestion(actor, place, value));
  }

  /** "This answers it": an earlier question's helpers (or a resource) get the credit; nothing is posted. */
  answersIt(actor: Actor, value: string): Promise<Outcome> {
    return this.guarded(actor, "answers-it", async () => {
      const m = /^([tr]):([0-9a-f-]{36})$/i.exec(typeof value === "string" ? value : "");
      if (!m || !UUID.test(m[2]!)) return fail("STALE_BUTTON", "That button is out of date. Ask again, and pick from the answers shown then.");
      if (!this.services.related) return fail("STALE_BUTTON", "Related answers are not available here.");
      const ref = { kind: m[1] === "t" ? "thread" as const : "resource" as const, id: m[2]! };
      const found = await this.services.related.answered(actor.communityId, actor.memberId, ref);
      if (!found) return fail("UNKNOWN_THREAD", "That earlier answer isn't available any more. Ask your question again, and it goes out as usual.");
      // A resource that answered it gets the member's endorsement too (not their own share, not twice).
      const endorsed = ref.kind === "resource" && (await this.services.resources.endorse(actor, ref.id).then(() => true, () => false));
      return reply(privately(reuseThanks(found.doc, found.counted, endorsed)));
    });
  }

  /** The link in a confirmation email: the same as /notify email confirm <code>. */
  confirmEmail(communityId: string, memberId: string, code: string): Promise<Outcome> {
    return this.guarded({ communityId, memberId } as Actor, "confirm-email", () => this.services.email.confirm({ communityId, memberId }, code));
  }

  /** "Edit" on a tone nudge: nothing is posted. */
  async editDraft(): Promise<Outcome> {
    return { messages: [{ to: { kind: "actor" }, message: { text: "Nothing was posted. Edit your words and send the command again whenever you're ready.", tone: "info" } }] };
  }

  endorse(actor: Actor, resourceId: string): Promise<Outcome> {
    return this.guarded(actor, "endorse", async () => {
      if (!UUID.test(resourceId)) return fail("STALE_BUTTON", "That button is out of date. Search the library with /resources and endorse from there.");
      return this.services.resources.endorse(actor, resourceId);
    });
  }

  resolve(actor: Actor, threadId: string, input: ResolveInput): Promise<Outcome> {
    return this.guarded(actor, "resolve", () => this.services.threads.resolve(actor, platformRef(threadId), { ...input, note: input.note === undefined || input.note === null ? input.note : cleanText(input.note) }));
  }

  /** Before a door shows a resolve form: the question's text, or the reason this member can't resolve it. */
  async prepareResolve(actor: Actor, key: string): Promise<{ ok: true; threadId: string; text: string } | { ok: false; outcome: Outcome }> {
    try {
      const t = await this.services.threads.resolvable(actor, platformRef(key));
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
    return this.guarded(actor, "react", () => this.services.threads.react(actor, platformRef(threadRef), cleanText(emoji)));
  }

  markAnswer(actor: Actor, replyMessageId: string): Promise<Outcome> {
    return this.guarded(actor, "mark-answer", () => this.services.threads.markAnswer(actor, platformRef(replyMessageId)));
  }

  threadReply(actor: Actor, incoming: IncomingReply): Promise<Outcome> {
    return this.guarded(actor, "reply", () => this.services.threads.recordReply(actor, {
      ...incoming, threadRef: platformRef(incoming.threadRef), platformMessageId: platformRef(incoming.platformMessageId),
      text: incoming.text === null || incoming.text === undefined ? incoming.text : cleanText(incoming.text),
    }));
  }

  replyEdited(actor: Actor, platformMessageId: string, text: string | null): Promise<Outcome> {
    return this.guarded(actor, "reply-edit", () => this.services.threads.editReply(actor, platformRef(platformMessageId), text === null ? null : cleanText(text)));
  }

  /**
   * Whether a platform thread belongs to a Peerloop question (false on any doubt; logged). A thread
   * whose parent message is seconds old may be a card whose reference is still being recorded (the
   * platform accepted it, `posted` has not written it yet): it is looked up again for a moment
   * rather than its first replies being dropped.
   */
  async isQuestionThread(platform: Platform, communityExternalId: string, threadRef: string, parentAgeMs?: number): Promise<boolean> {
    try {
      const recent = parentAgeMs !== undefined && parentAgeMs >= 0 && parentAgeMs < 30_000;
      for (const wait of recent ? [150, 300, 450, 600, 0] : [0]) {
        if (await this.services.threads.isQuestionThread(platform, communityExternalId, threadRef)) return true;
        if (wait) await new Promise((r) => setTimeout(r, wait));
      }
      return false;
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
    // The card is on the platform already: without this record its thread's replies are lost, so a
    // database blip is waited out (about 10 s in all) rather than logged and forgotten.
    for (let attempt = 0; ; attempt++) {
      try {
        if (anchor.kind === "resource") await this.services.resources.attachPost(communityId, anchor.id, channelId, messageRef);
        else await this.services.threads.attachPost(communityId, anchor.id, channelId, messageRef, threadRef);
        if (attempt > 0) this.logger.info("recorded where a card was posted after retrying", { communityId, anchor, attempts: attempt + 1 });
        if (anchor.kind === "resource") this.onResourcePosted?.(communityId, anchor.id);
        return;
      } catch (error) {
        if (attempt >= POSTED_RETRY_MS.length) {
          this.logger.error("could not record where a card was posted", { communityId, anchor, channelId, messageRef, attempts: attempt + 1, error: String(error) });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POSTED_RETRY_MS[attempt]));
      }
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
