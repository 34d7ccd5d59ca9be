import type { ActorIdentity } from "../core/members/member-service";
import type { Actor, Place, Platform } from "../core/shared/context";
import type { Logger } from "../core/shared/logger";
import type { Anchor, Message, Outcome } from "../core/shared/message";
import type { ResolveInput, IncomingReply } from "../core/threads/thread-service";
import { alreadyChosen, Dispatcher, type Invocation } from "./dispatcher";
import type { Services } from "./services";
import { translateFailure } from "./translate-failure";
import { cleanText, UUID } from "../core/shared/clean-text";
import { fail } from "../core/shared/errors";
import { privately, reply } from "../core/shared/message";
import { reuseThanks } from "../core/related/related-messages";
import { linksIn } from "../core/resources/links-in";
import { alreadyDone, BUTTON_ACTIONS, failed, memoryClaims, pressKey, type Press, type PressClaims } from "./button-presses";

/** Who wrote a message a member acts on (Save to library, Track as question). */
export interface MessageAuthor {
  externalId: string;
  displayName: string;
  isBot?: boolean;
}

const MAX_SAVED_LINKS = 3;

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

  constructor(readonly services: Services, private readonly logger: Logger, private readonly claims: PressClaims = memoryClaims()) {
    this.dispatcher = new Dispatcher(services, logger);
  }

  /**
   * Any button a door shows (BUTTON_ACTIONS): acts once per message and member. A second press, or a
   * press on a message whose choice is already made, gets a private "already done" and changes nothing.
   */
  press(actor: Actor, place: Place, press: Press): Promise<Outcome> {
    const button = Object.hasOwn(BUTTON_ACTIONS, press.action) ? BUTTON_ACTIONS[press.action as keyof typeof BUTTON_ACTIONS] : undefined;
    if (!button) return Promise.resolve(reply(privately({ text: "That button is out of date. Run the command again for a fresh one.", tone: "warning" })));
    if (button.changesNothing || button.ownRecord) return button.run(this, actor, place, press.value);
    return this.once(actor, press.card ?? `${press.action}:${press.value}`, () => button.run(this, actor, place, press.value));
  }

  /**
   * Runs `work` the first time `actor` acts on `card` (a message's reference), else answers "already
   * done". A press that failed (a private error) gives its claim back, so trying again is not refused.
   * For a door's own button that does not go through `press` (a form, a link-like button that acts).
   */
  async once(actor: Actor, card: string, work: () => Promise<Outcome>): Promise<Outcome> {
    const key = pressKey(actor, card);
    let claimed: boolean;
    try {
      claimed = await this.claims.claim(key, new Date());
    } catch (error) {
      return translateFailure(error, this.logger, { action: "press", communityId: actor.communityId, memberId: actor.memberId });
    }
    if (!claimed) return alreadyDone();
    const outcome = await work().catch((error: unknown) => translateFailure(error, this.logger, { action: "press", communityId: actor.communityId, memberId: actor.memberId }));
    if (failed(outcome)) await this.claims.release(key).catch((error: unknown) => this.logger.warn("could not release a button claim", { error: String(error) }));
    return outcome;
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
      const m = /^([tr]):([0-9a-f-]{36})(?::([0-9a-f-]{36}))?$/i.exec(typeof value === "string" ? value : "");
      if (!m || !UUID.test(m[2]!) || (m[3] && !UUID.test(m[3]))) return fail("STALE_BUTTON", "That button is out of date. Ask again, and pick from the answers shown then.");
      if (!this.services.related) return fail("STALE_BUTTON", "Related answers are not available here.");
      const ref = { kind: m[1] === "t" ? "thread" as const : "resource" as const, id: m[2]! };
      // The member's choice on the card, made once: after "Post my question" (or a second press) nothing changes.
      const chosen = m[3] ? await this.services.related.choose(actor.communityId, actor.memberId, m[3], "yes", ref) : undefined;
      if (chosen === "done") return reply(privately(alreadyChosen));
      if (chosen === null) return fail("NOT_ASKER", "Only the member these answers were offered to can say one answered it.");
      const found = await this.services.related.answered(actor.communityId, actor.memberId, ref);
      if (!found) return fail("UNKNOWN_THREAD", "That earlier answer isn't available any more. Ask your question again, and it goes out as usual.");
      // A resource that answered it gets the member's endorsement too (not their own share, not twice).
      const endorsed = ref.kind === "resource" && (await this.services.resources.endorse(actor, ref.id).then(() => true, () => false));
      return reply(privately(reuseThanks(found.doc, found.counted, endorsed, chosen?.tier === "thread")));
    });
  }

  /** A member joined (a platform event, or :join in the shell): their welcome, once (see WelcomeService.joined). */
  async memberJoined(actor: Actor, who: { isBot: boolean }): Promise<Outcome> {
    return this.guarded(actor, "welcome-join", async () => (await this.services.welcome.joined(actor, who)).outcome);
  }

  /** A member left, as the platform names them: remembered only for someone Peerloop already knows. */
  async memberLeftIn(platform: Platform, communityExternalId: string, memberExternalId: string): Promise<void> {
    try {
      const community = await this.services.members.communityOf(platform, communityExternalId);
      const member = community && (await this.services.members.find(community.id, memberExternalId));
      if (community && member) await this.services.welcome.left({ communityId: community.id, memberId: member.id } as Actor);
    } catch (error) {
      this.logger.error("could not record a member leaving", { platform, communityExternalId, error: String(error) });
    }
  }

  /** Where joins are not seen (Discord without the Server Members intent): the welcome at a new member's first command. */
  welcomeAtFirstCommand(actor: Actor, joinedAt: Date | null, who: { isBot: boolean }): Promise<Outcome> {
    return this.guarded(actor, "welcome-first-command", () => this.services.welcome.atFirstCommand(actor, joinedAt, who));
  }

  /** A welcome step's button (`ref` carries the choice) or select (`picked`). */
  welcomeAnswer(actor: Actor, ref: string, picked?: readonly string[]): Promise<Outcome> {
    return this.then(this.guarded(actor, "welcome-step", () =>
      this.services.welcome.answer(actor, cleanText(String(ref ?? "")), picked?.map((v) => cleanText(String(v))))));
  }

  /** "Open the thread" on an invitation to answer (issue 37). */
  openInvitation(actor: Actor, threadId: string): Promise<Outcome> {
    return this.then(this.guarded(actor, "route-open", () => this.services.routing.open(actor, threadId)));
  }

  /** "Not for me" on an invitation to answer: kept with the invitation, so a second press changes nothing. */
  declineInvitation(actor: Actor, threadId: string): Promise<Outcome> {
    return this.then(this.guarded(actor, "route-decline", () => this.services.routing.decline(actor, threadId)));
  }

  /**
   * An invitation's button pressed where the platform names no community (a Discord DM): the question
   * names it, and the member must already belong to it (nobody is created from a DM).
   */
  async invitationActorFromDm(platform: Platform, threadId: string, externalId: string): Promise<Actor | null> {
    const communityId = await this.services.routing.communityOf(platform, threadId);
    return communityId ? this.services.members.existingActor(communityId, externalId) : null;
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
  async prepareResolve(actor: Actor, key: string): Promise<{ ok: true; threadId: string; text: string; ref: string } | { ok: false; outcome: Outcome }> {
    try {
      const t = await this.services.threads.resolvable(actor, platformRef(key));
      // The short id members see on the card (the shell's `:resolve 2d47da`), the UUID only if it has none.
      return { ok: true, threadId: t.id, text: t.text, ref: t.threadRef ?? t.messageRef ?? t.id };
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

  /**
   * "Save to library" on a message already posted (issue 27): its links go through the same share
   * path as /share (dedupe, guard, tone, followers), credited to the message's author and saved by
   * `saver`. Past the guard or the tone check no "post anyway" is offered: the words are the author's.
   */
  saveToLibrary(saver: Actor, place: Place, author: MessageAuthor, input: { text: string; tags: readonly string[]; note?: string }): Promise<Outcome> {
    return this.then(this.guarded(saver, "save-to-library", async () => {
      const links = linksIn(cleanText(input.text)).slice(0, MAX_SAVED_LINKS);
      if (!links.length) fail("INVALID_URL", "That message has no link to save. Save to library takes the links in a message; to share something else, use /share <link> #tags.");
      const by = await this.authorOf(saver, author);
      const savedBy = by.memberId === saver.memberId ? undefined : saver.displayName;
      const note = input.note === undefined ? undefined : cleanText(input.note).slice(0, 1_000) || undefined;
      const all: Outcome["messages"] = [];
      for (const url of links) all.push(...(await this.services.resources.share(by, place, { url, tags: [...input.tags], note, savedBy })).messages);
      return reply(...all);
    }));
  }

  /** "Track as question" on a message already posted: it becomes a question in place (its thread is the discussion). */
  trackAsQuestion(tracker: Actor, author: MessageAuthor, message: { text: string; channelId: string; messageRef: string; threadRef: string }): Promise<Outcome> {
    return this.then(this.guarded(tracker, "track-as-question", async () =>
      this.services.threads.track(await this.authorOf(tracker, author), tracker, { ...message, text: cleanText(message.text ?? "") })));
  }

  /** The tags a picker offers (the community's most used and followed). */
  async popularTags(actor: Actor, limit = 25): Promise<string[]> {
    return (await this.services.resources.popularTags(actor.communityId, limit).catch(() => [])) ?? [];
  }

  /** A Peerloop web link pasted in chat, described for an unfurl; null for anything not this community's. */
  describeLink(actor: Actor, url: string): Promise<Message | null> {
    return this.services.web.describeLink(actor.communityId, url).catch((error: unknown) => {
      this.logger.warn("could not describe a link", { error: error instanceof Error ? error.message : String(error) });
      return null;
    });
  }

  /**
   * The Workflow Builder step "Share to Peerloop library": the same share path, answered with the
   * resource's web address, or the reason it was not shared (the step then fails with it).
   */
  async shareFromWorkflow(actor: Actor, place: Place | null, input: { url: string; tags: readonly string[]; note?: string }): Promise<{ ok: true; outcome: Outcome; url: string | null } | { ok: false; error: string }> {
    const outcome = await this.guarded(actor, "workflow-share", () => this.services.resources.share(actor, place ?? { channelId: "" }, { url: input.url, tags: [...input.tags], note: input.note }));
    const failed = outcome.messages.find((m) => m.message.tone === "error" || m.message.tone === "warning");
    if (failed) return { ok: false, error: [failed.message.title, failed.message.text].filter(Boolean).join(": ").slice(0, 500) };
    const stored = await this.services.resources.findByLink(actor.communityId, input.url);
    return { ok: true, outcome: place ? outcome : reply(...outcome.messages.filter((m) => m.to.kind !== "channel")), url: stored ? this.services.web.resourceUrl(actor.communityId, stored.id) : null };
  }

  private async authorOf(actor: Actor, author: MessageAuthor): Promise<Actor> {
    if (author.externalId === actor.externalId) return actor;
    if (author.isBot) fail("NOT_ALLOWED", "That message is from a bot or app; Peerloop saves and tracks members' messages only.");
    return this.services.members.authorOf(actor.communityId, author.externalId, author.displayName);
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
