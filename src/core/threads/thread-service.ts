import { DEIDENTIFY_TIPS, type ConfidentialityGate } from "../guard/confidentiality-gate";
import type { ToneGate } from "../tone/tone-gate";
import type { Finding } from "../guard/guard-types";
import { findingField } from "../guard/suggest-rewrite";
import type { Member } from "../members/member-types";
import type { NotificationService } from "../notifications/notification-service";
import type { Clock } from "../shared/clock";
import type { Actor, Place, Platform } from "../shared/context";
import { fail, isPeerloopError } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import { normalizeTags } from "../shared/tags";
import { boundedText, LIMITS } from "../shared/text-limits";
import type { Store } from "../store";
import { followerThreadMessage, questionCard, resolvedMessage, threadLabel, trackedNotice } from "./thread-cards";
import type { Thread, ThreadKind, ThreadOutcome } from "./thread-types";
import type { RelatedService } from "../related/related-service";
import { maybeRelatedOnCard, relatedIntro, relatedItem } from "../related/related-messages";

export interface AskInput {
  text: string;
  tags?: string[];
  confirmed?: boolean;
  /** The author chose "Post as is" after the tone nudge. */
  toneConfirmed?: boolean;
  /** The author saw related earlier answers and chose "Post my question". */
  relatedSeen?: boolean;
}

export interface ResolveInput {
  outcome: ThreadOutcome;
  /** Platform ids (or shell names) of the members to credit. */
  helpers?: string[];
  note?: string;
  confirmed?: boolean;
}

export interface IncomingReply {
  threadRef: string;
  platformMessageId: string;
  channelId?: string;
  /** null when the platform did not give the bot the text (no message-content intent). */
  text: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECK_MARKS = new Set(["✅", "✔️", "☑️", "white_check_mark", "heavy_check_mark", "ballot_box_with_check"]);

export class ThreadService {
  constructor(
    private readonly store: Store,
    private readonly notifications: NotificationService,
    private readonly gate: ConfidentialityGate,
    private readonly clock: Clock,
    private readonly tone?: ToneGate,
    private readonly related?: RelatedService,
  ) {}

  async open(actor: Actor, place: Place, kind: ThreadKind, input: AskInput): Promise<Outcome> {
    const what = kind === "question" ? "question" : "feedback request";
    const text = boundedText(input.text ?? "", LIMITS.question, what, "TEXT_TOO_LONG");
    if (!text) {
      fail("EMPTY_QUESTION", kind === "question"
        ? "Your question is empty. Write it after the command, e.g. /ask How do you document a safety plan? #safety"
        : "Say what you want feedback on, e.g. /feedback My intake checklist for new foster families #fostercare");
    }
    const tags = normalizeTags(input.tags);
    const community = await this.community(actor.communityId);
    const guardOverride = this.gate.check(community, actor.memberId, what, [text], input.confirmed ?? false);
    this.tone?.before(community, what, [text], input.toneConfirmed ?? false);
    // Answers that are already there: shown privately before the question goes out when the model is
    // confident; otherwise the question goes out at once, with what may be related linked on its card.
    const found = this.related ? await this.related.suggest(actor.communityId, text) : { before: [], thread: [] };
    if (this.related && !input.relatedSeen && found.before.length) {
      // Earlier answers, and the library's best resource on it when none of them is one.
      const offered = found.library ? [...found.before, found.library] : found.before;
      const suggestion = await this.related.shown(actor.communityId, actor.memberId, "before", offered);
      fail("RELATED", relatedIntro(what, found.before.length, Boolean(found.library)), { items: offered.map((m) => relatedItem(m.doc)), refs: offered.map((m) => ({ kind: m.doc.kind, id: m.doc.id })), suggestion });
    }
    const now = this.clock.now();
    const posted = await this.store.transaction(async (tx) => {
      const thread = await tx.threads.create({ communityId: actor.communityId, kind, text, tags, askerId: actor.memberId, channelId: place.channelId, createdAt: now, guardOverride });
      await tx.tags.touch(actor.communityId, tags, now);
      const dms = await this.notifications.announce(tx, community, {
        kind: "thread", refId: thread.id, tags, authorId: actor.memberId,
        summary: `${actor.displayName} asked: ${threadLabel(thread)}`,
        message: followerThreadMessage(thread, actor.displayName), guardOverride, toneOverride: input.toneConfirmed === true,
      }, now);
      return { thread, dms };
    });
    // "Maybe related": on the card, for the asker and the helpers, with no click needed; recorded so
    // the asker's credit (or the question resolved without it) teaches the community's thresholds.
    const links = found.thread;
    const suggestion = this.related && links.length ? await this.related.shown(actor.communityId, actor.memberId, "thread", links, posted.thread.id) : null;
    const card = questionCard(posted.thread, actor.displayName);
    const message = suggestion ? maybeRelatedOnCard(card, links.map((m) => m.doc), suggestion) : card;
    return reply({ to: { kind: "channel" }, message, anchor: { kind: "thread", id: posted.thread.id } }, ...posted.dms);
  }

  /**
   * "Track as question" (issue 27): a message already posted becomes a Peerloop question in place;
   * its platform thread is the discussion. The guard and the tone check read it first: if either
   * stops it, only its author hears why (privately); whoever tracked it learns only that it was not.
   */
  async track(author: Actor, tracker: Actor, message: { text: string; channelId: string; messageRef: string; threadRef: string }): Promise<Outcome> {
    const text = (message.text ?? "").trim().slice(0, LIMITS.question);
    if (!text) fail("EMPTY_QUESTION", "Peerloop can't read that message's text (it may be only an image, or in a channel the bot can't read), so it can't track it.");
    if (await this.store.threads.findByRef(author.communityId, message.threadRef) ?? await this.store.threads.findByRef(author.communityId, message.messageRef)) {
      fail("ALREADY_TRACKED", "That message is already a Peerloop question: reply in its thread.");
    }
    const community = await this.community(author.communityId);
    const tags = normalizeTags([...text.matchAll(/(?:^|\s)#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu)].map((m) => m[1]!));
    const own = author.memberId === tracker.memberId;
    try {
      this.gate.check(community, author.memberId, "question", [text], false);
      this.tone?.before(community, "question", [text], false);
    } catch (error) {
      if (!isPeerloopError(error) || (error.code !== "CONFIDENTIAL" && error.code !== "TONE")) throw error;
      const found = ((error.detail?.findings as Finding[] | undefined) ?? []).map((f) => findingField(f).value);
      const why = error.code === "CONFIDENTIAL"
        ? `Peerloop didn't make your message a question: it may identify a client${found.length ? ` (${found.slice(0, 3).join("; ")})` : ""}. Please edit or delete it in the channel, and ask again with /ask without client details. ${DEIDENTIFY_TIPS}`
        : "Peerloop didn't make your message a question: it reads as disparaging to clients or colleagues. Rephrase it and ask with /ask if you'd like peers' feedback.";
      const toAuthor = { text: why, tone: "warning" as const };
      return own
        ? reply(privately(toAuthor))
        : reply({ to: { kind: "member", memberId: author.memberId, externalId: author.externalId }, message: { title: "About your message", ...toAuthor } },
          privately({ text: "Peerloop didn't track that message as a question; its author has been told why, privately.", tone: "info" }));
    }
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      // Recorded on the message once the notice is in its thread; if the notice can't be posted there
      // (a channel the bot can't read or write), the question is discarded and the member told why.
      const thread = await tx.threads.create({ communityId: author.communityId, kind: "question", text, tags, askerId: author.memberId, channelId: message.channelId, createdAt: now, guardOverride: false });
      await tx.tags.touch(author.communityId, tags, now);
      const dms = await this.notifications.announce(tx, community, {
        kind: "thread", refId: thread.id, tags, authorId: author.memberId,
        summary: `${author.displayName} asked: ${threadLabel(thread)}`, message: followerThreadMessage(thread, author.displayName),
      }, now);
      return reply(
        { to: { kind: "thread", threadRef: message.threadRef, channelId: message.channelId }, message: trackedNotice(thread, author.displayName, own ? null : tracker.displayName),
          anchor: { kind: "thread", id: thread.id }, attach: { messageRef: message.messageRef, threadRef: message.threadRef } },
        ...dms,
      );
    });
  }

  /** The card could not be posted: the question goes again, with what was queued about it. */
  async discardUnposted(communityId: string, id: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      if (await tx.threads.removeUnposted(communityId, id)) await tx.digests.removeFor(communityId, id);
    });
  }

  async attachPost(communityId: string, id: string, channelId: string, messageRef: string, threadRef: string): Promise<void> {
    await this.store.threads.attachPost(communityId, id, channelId, messageRef, threadRef);
  }

  /**
   * Records a message posted in a question's platform thread. Messages in threads that are not
   * ours are ignored (empty outcome). The author's private note comes back only when there is
   * something to tell them (a flagged text).
   */
  async recordReply(actor: Actor, incoming: IncomingReply): Promise<Outcome> {
    const thread = await this.store.threads.findByRef(actor.communityId, incoming.threadRef);
    if (!thread) return reply();
    // Too long to keep: refused with /ask's message, nothing stored (the platform may show it; Peerloop does not record it).
    if (incoming.text) boundedText(incoming.text, LIMITS.reply, "reply", "TEXT_TOO_LONG");
    const findings = incoming.text ? this.gate.inspect(incoming.text) : [];
    const created = await this.store.threads.addReply({
      communityId: actor.communityId, threadId: thread.id, authorId: actor.memberId, platformMessageId: incoming.platformMessageId,
      channelId: incoming.channelId ?? thread.channelId, text: findings.length ? null : incoming.text,
      isFollowUp: actor.memberId === thread.askerId, createdAt: this.clock.now(),
    });
    if (!created) return reply();
    if (findings.length) return this.flaggedReply(actor, thread, findings);
    const heard = actor.memberId === thread.askerId || thread.guardOverride ? [] : await this.tellFollowersOfHelper(actor, thread);
    const toned = await this.toneAfter(actor, "reply", incoming.text);
    return reply(...heard, ...toned.messages);
  }

  /** Members who follow the one answering hear of it, once per question (same delivery as tags). */
  private async tellFollowersOfHelper(actor: Actor, thread: Thread) {
    if (!this.store.people) return [];
    // Their first reply in this thread only: a conversation is one notice, not one per message.
    if (!(await this.store.jobs.claim("answer-heard", actor.communityId, `${thread.id}:${actor.memberId}`, this.clock.now()))) return [];
    const community = await this.community(actor.communityId);
    return this.notifications.announce(this.store, community, {
      kind: "answer", refId: thread.id, tags: [], authorId: actor.memberId, toAuthorsFollowers: true,
      summary: `${actor.displayName} answered ${threadLabel(thread)}`,
      message: {
        title: `${actor.displayName} answered a question`,
        text: `${actor.displayName}, whom you follow, replied to ${threadLabel(thread)}`,
        items: thread.channelId ? [{ title: "Read the thread", place: { channelId: thread.channelId, messageRef: thread.messageRef ?? undefined } }] : undefined,
      },
    }, this.clock.now());
  }

  /** A post already out (a thread reply, a resolution note) that reads as disparaging: a private note after the fact. */
  private async toneAfter(actor: Actor, what: string, text: string | null | undefined): Promise<Outcome> {
    if (!this.tone || !text) return reply();
    return reply(...this.tone.after(await this.community(actor.communityId), what, text, actor.displayName));
  }

  async editReply(actor: Actor, platformMessageId: string, text: string | null): Promise<Outcome> {
    // An edit past the limit is not taken in: the reply keeps its earlier text.
    if (text) boundedText(text, LIMITS.reply, "reply", "TEXT_TOO_LONG");
    const findings = text ? this.gate.inspect(text) : [];
    const edited = await this.store.threads.editReply(actor.communityId, platformMessageId, findings.length ? null : text, this.clock.now());
    if (!edited || findings.length === 0) return reply();
    const thread = await this.store.threads.get(actor.communityId, edited.threadId);
    return thread ? this.flaggedReply(actor, thread, findings) : reply();
  }

  /**
   * A reply already on the platform that may identify a client: its author is asked privately to
   * edit or delete it, and moderators (when the community wants it) are told where, without a quote.
   */
  private async flaggedReply(actor: Actor, thread: Thread, findings: Finding[]): Promise<Outcome> {
    const out = [privately({
      title: "Please edit or delete your reply",
      text: `Your reply may identify a client, so Peerloop did not keep its text. Please edit it to remove these details, or delete it. ${DEIDENTIFY_TIPS}`,
      fields: findings.map(findingField),
      tone: "warning",
    })];
    const community = await this.community(actor.communityId);
    if (community.notifyModerators && community.moderatorChannel) {
      out.push({
        to: { kind: "post", channelId: community.moderatorChannel },
        message: {
          title: "A reply needs attention",
          text: `A reply by ${actor.displayName} in a thread about "${threadLabel(thread)}" may identify a client. Its author has been asked to edit it.`,
          items: thread.channelId ? [{ title: "Open the thread", place: { channelId: thread.channelId, messageRef: thread.messageRef ?? undefined } }] : [],
          tone: "warning",
        },
      });
    }
    return reply(...out);
  }

  /**
   * Whether a platform thread is a Peerloop question's. Doors ask before identifying anyone, so
   * chatter in other threads costs one lookup, not a member record and a platform API call.
   */
  async isQuestionThread(platform: Platform, communityExternalId: string, threadRef: string): Promise<boolean> {
    const community = await this.store.communities.findByExternalId(platform, communityExternalId);
    return Boolean(community && (await this.store.threads.findByRef(community.id, threadRef)));
  }

  /** A reply deleted on the platform: the community and the message are all it takes (the author may be unknown). */
  async deleteReplyIn(platform: Platform, communityExternalId: string, platformMessageId: string): Promise<void> {
    const community = await this.store.communities.findByExternalId(platform, communityExternalId);
    if (community) await this.store.threads.deleteReply(community.id, platformMessageId, this.clock.now());
  }

  /** Checks that `actor` may resolve the thread now (before a door opens a resolve form); returns it. */
  async resolvable(actor: Actor, key: string): Promise<Thread> {
    return this.askersThread(actor, await this.find(actor.communityId, key));
  }

  /** The asker's resolve action, with an outcome and the helpers to credit. `key` is the thread's id or platform reference. */
  async resolve(actor: Actor, key: string, input: ResolveInput): Promise<Outcome> {
    const thread = await this.askersThread(actor, await this.find(actor.communityId, key));
    const note = boundedText(input.note ?? "", LIMITS.outcomeNote, "note", "NOTE_TOO_LONG") || null;
    const community = await this.community(actor.communityId);
    const guardOverride = this.gate.check(community, actor.memberId, "resolution note", [note], input.confirmed ?? false);
    const helpers: Member[] = [];
    for (const ext of new Set(input.helpers ?? [])) {
      const m = (await this.store.members.findByExternalId(actor.communityId, ext)) ?? (await this.store.members.findByDisplayName(actor.communityId, ext));
      if (!m) fail("UNKNOWN_MEMBER", `I don't know ${ext} in this community yet; credit members who have used Peerloop.`);
      else if (m.id !== actor.memberId) helpers.push(m);
    }
    const closed = await this.close(actor, thread, input.outcome, helpers, note, guardOverride);
    return reply(...closed.messages, ...(await this.toneAfter(actor, "resolution note", note)).messages);
  }

  /** The asker's check-mark reaction on the question resolves it, crediting everyone who replied. */
  async react(actor: Actor, threadRef: string, emoji: string): Promise<Outcome> {
    if (!CHECK_MARKS.has(emoji)) return reply();
    const thread = await this.store.threads.findByRef(actor.communityId, threadRef);
    if (!thread || thread.askerId !== actor.memberId || thread.status === "resolved") return reply();
    const helperIds = await this.store.threads.helpersOf(actor.communityId, thread.id);
    const helpers = (await Promise.all(helperIds.map((id) => this.store.members.get(actor.communityId, id)))).filter((m): m is Member => !!m);
    return this.close(actor, thread, "resolved", helpers, null);
  }

  /** "Mark as answer" on a reply: credits its author and resolves the question. */
  async markAnswer(actor: Actor, replyMessageId: string): Promise<Outcome> {
    const r = await this.store.threads.findReply(actor.communityId, replyMessageId);
    if (!r || r.deletedAt) return fail("UNKNOWN_THREAD", "That message isn't a recorded reply to a Peerloop question.");
    const thread = await this.askersThread(actor, await this.store.threads.get(actor.communityId, r.threadId));
    const author = await this.store.members.get(actor.communityId, r.authorId);
    return this.close(actor, thread, "resolved", author && author.id !== actor.memberId ? [author] : [], null);
  }

  private async find(communityId: string, key: string): Promise<Thread | null> {
    const byRef = await this.store.threads.findByRef(communityId, key);
    return byRef ?? (UUID.test(key) ? this.store.threads.get(communityId, key) : null);
  }

  private async askersThread(actor: Actor, thread: Thread | null): Promise<Thread> {
    if (!thread) return fail("UNKNOWN_THREAD", "I can't find that question in this community.");
    if (thread.askerId !== actor.memberId) fail("NOT_ASKER", "Only the person who asked can resolve this.");
    if (thread.status === "resolved") fail("ALREADY_RESOLVED", "This one is already resolved. Thanks for closing the loop!");
    return thread;
  }

  private async close(actor: Actor, thread: Thread, outcome: ThreadOutcome, helpers: Member[], note: string | null, guardOverride = false): Promise<Outcome> {
    const done = await this.store.threads.resolve(actor.communityId, thread.id, {
      outcome, note, helperIds: helpers.map((h) => h.id), at: this.clock.now(), guardOverride,
    });
    if (!done) fail("ALREADY_RESOLVED", "This one is already resolved. Thanks for closing the loop!");
    await this.related?.changed(actor.communityId, { kind: "thread", id: thread.id });
    const names = helpers.map((h) => h.displayName);
    await this.related?.settle(actor.communityId, thread.id, actor.memberId, { helperNames: names, note });
    const threadRef = thread.threadRef ?? thread.messageRef;
    return reply(
      threadRef
        ? { to: { kind: "thread", threadRef, channelId: thread.channelId ?? undefined }, message: resolvedMessage(thread, outcome, names, note) }
        : privately(resolvedMessage(thread, outcome, names, note)),
      ...(threadRef ? [privately({ text: "Thanks for closing the loop.", tone: "success" as const })] : []),
    );
  }

  private async community(id: string) {
    return (await this.store.communities.get(id)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet; try again in a moment.");
  }
}
