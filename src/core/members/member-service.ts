import { describePhone } from "../sms/sms-service";
import type { Clock } from "../shared/clock";
import type { Actor, Platform } from "../shared/context";
import { fail } from "../shared/errors";
import { privately, reply, type Message, type Outcome } from "../shared/message";
import { hashtags, normalizeTag } from "../shared/tags";
import { formatClock, isValidTimeZone, parseClock } from "../shared/time-zone";
import type { Store } from "../store";
import { threadLabel } from "../threads/thread-cards";
import type { Member, NotifyFrequency } from "./member-types";

export interface ActorIdentity {
  platform: Platform;
  communityExternalId: string;
  communityName: string;
  memberExternalId: string;
  displayName: string;
  isAdmin: boolean;
}

const NOTIFY_TEXT: Record<NotifyFrequency, string> = {
  instant: "right away, by direct message",
  daily: "in a daily digest",
  weekly: "in a weekly digest",
  off: "not at all (you can still search and browse)",
};

const ACTOR_TTL = 60_000;
const ACTOR_CACHE = 10_000;

export class MemberService {
  /** Identities seen in the last minute: every event resolves its actor, and two upserts each time would dominate. */
  private readonly actors = new Map<string, { actor: Actor; at: number }>();

  constructor(private readonly store: Store, private readonly clock: Clock) {}

  /** Turns a platform identity into community and member rows, creating them on first contact. */
  async resolveActor(id: ActorIdentity): Promise<Actor> {
    const key = JSON.stringify([id.platform, id.communityExternalId, id.communityName, id.memberExternalId, id.displayName, id.isAdmin]);
    const now = this.clock.now().getTime();
    const hit = this.actors.get(key);
    if (hit && now - hit.at < ACTOR_TTL) return hit.actor;
    const community = await this.store.communities.upsert(id.platform, id.communityExternalId, id.communityName);
    const member = await this.store.members.upsert(community.id, id.memberExternalId, id.displayName, id.isAdmin);
    const actor = { communityId: community.id, memberId: member.id, externalId: member.externalId, displayName: member.displayName, isAdmin: member.isAdmin };
    if (this.actors.size >= ACTOR_CACHE) this.actors.delete(this.actors.keys().next().value!);
    this.actors.set(key, { actor, at: now });
    return actor;
  }

  /**
   * The author of a message another member acts on: found as they are, or added on first sight (as
   * a member who is not an admin; their own next action sets their real standing).
   */
  async authorOf(communityId: string, externalId: string, displayName: string): Promise<Actor> {
    const member = (await this.store.members.findByExternalId(communityId, externalId)) ?? (await this.store.members.upsert(communityId, externalId, displayName, false));
    return { communityId, memberId: member.id, externalId: member.externalId, displayName: member.displayName, isAdmin: member.isAdmin };
  }

  /** A community and a member as the platform names them, without creating either (for events about someone who may be unknown). */
  communityOf(platform: Platform, externalId: string): Promise<{ id: string } | null> {
    return this.store.communities.findByExternalId(platform, externalId);
  }

  find(communityId: string, externalId: string): Promise<Member | null> {
    return this.store.members.findByExternalId(communityId, externalId);
  }

  /** A member already in the community, found by their platform id (null when unknown): nobody is added. */
  async existingActor(communityId: string, externalId: string): Promise<Actor | null> {
    const member = await this.store.members.findByExternalId(communityId, externalId);
    return member ? { communityId, memberId: member.id, externalId: member.externalId, displayName: member.displayName, isAdmin: member.isAdmin } : null;
  }

  async follow(actor: Actor, rawTag: string): Promise<Outcome> {
    const tag = normalizeTag(rawTag);
    const added = await this.store.subscriptions.follow(actor.communityId, actor.memberId, tag, this.clock.now());
    if (!added) fail("ALREADY_FOLLOWING", `You already follow #${tag}.`);
    const me = await this.me(actor);
    return reply(privately({
      text: `You now follow #${tag}. New resources and questions tagged #${tag} reach you ${NOTIFY_TEXT[me.notify]}.` +
        (me.notify === "off" ? " Turn notifications on with /notify instant, daily or weekly." : ""),
      tone: "success",
    }));
  }

  async unfollow(actor: Actor, rawTag: string): Promise<Outcome> {
    const tag = normalizeTag(rawTag);
    const removed = await this.store.subscriptions.unfollow(actor.communityId, actor.memberId, tag);
    if (!removed) fail("NOT_FOLLOWING", `You don't follow #${tag}. See what you follow with /peerloop me.`);
    return reply(privately({ text: `You no longer follow #${tag}.`, tone: "success" }));
  }

  async setNotify(actor: Actor, frequency: NotifyFrequency): Promise<Outcome> {
    await this.store.members.update(actor.communityId, actor.memberId, { notify: frequency });
    return reply(privately({ text: `Got it: you'll hear about the tags you follow ${NOTIFY_TEXT[frequency]}.`, tone: "success" }));
  }

  /** "22:00-07:00" sets quiet hours in the member's time zone; "off" clears them. */
  async setQuietHours(actor: Actor, value: string): Promise<Outcome> {
    if (/^(off|none)$/i.test(value.trim())) {
      await this.store.members.update(actor.communityId, actor.memberId, { quietStart: null, quietEnd: null });
      return reply(privately({ text: "Quiet hours are off.", tone: "success" }));
    }
    const [a, b] = value.split(/\s*[-–to]+\s*/).map(parseClock);
    if (a == null || b == null || a === b) {
      fail("INVALID_OPTION", "Give quiet hours as start-end in 24-hour time, e.g. /peerloop quiet 21:00-07:30, or /peerloop quiet off.");
    }
    await this.store.members.update(actor.communityId, actor.memberId, { quietStart: a, quietEnd: b });
    return reply(privately({ text: `Quiet hours set: nothing reaches you between ${formatClock(a!)} and ${formatClock(b!)} your time; it waits for your digest.`, tone: "success" }));
  }

  async setTimeZone(actor: Actor, tz: string): Promise<Outcome> {
    const zone = tz.trim();
    if (!isValidTimeZone(zone)) fail("INVALID_OPTION", `"${zone.slice(0, 40)}" isn't a time zone I know. Use a name like America/New_York or Europe/Berlin.`);
    await this.store.members.update(actor.communityId, actor.memberId, { timeZone: zone });
    return reply(privately({ text: `Your time zone is now ${zone}.`, tone: "success" }));
  }

  /** The member's own view: follows, notification setting, open questions (App Home, /peerloop me). */
  async overview(actor: Actor): Promise<Message> {
    const me = await this.me(actor);
    const [tags, open, people, sources, phone] = await Promise.all([
      this.store.subscriptions.tagsOf(actor.communityId, actor.memberId),
      this.store.threads.openOf(actor.communityId, actor.memberId, 10),
      this.store.people?.following(actor.communityId, actor.memberId) ?? [],
      this.store.sources?.followedBy(actor.communityId, actor.memberId) ?? [],
      this.store.sms?.get(actor.communityId, actor.memberId) ?? null,
    ]);
    return {
      title: `Your Peerloop, ${me.displayName}`,
      text: "Follow tags to hear about new resources and questions; close your questions when they're answered.",
      fields: [
        { label: "Following", value: tags.length ? hashtags(tags) : "nothing yet: try /follow #ethics" },
        ...(people.length ? [{ label: "People you follow", value: people.join(", ") }] : []),
        ...(sources.length ? [{ label: "Sources you follow", value: sources.join(", ") }] : []),
        { label: "Notifications", value: NOTIFY_TEXT[me.notify] },
        ...(phone ? [{ label: "Texts", value: describePhone(phone) }] : []),
        { label: "Quiet hours", value: me.quietStart != null && me.quietEnd != null ? `${formatClock(me.quietStart)}-${formatClock(me.quietEnd)}` : "none" },
        { label: "Time zone", value: me.timeZone ?? "the community's" },
      ],
      items: open.map((t) => ({ title: threadLabel(t), detail: `asked ${t.createdAt.toISOString().slice(0, 10)} · ${t.replyCount} repl${t.replyCount === 1 ? "y" : "ies"}` })),
    };
  }

  async overviewReply(actor: Actor): Promise<Outcome> {
    return reply(privately(await this.overview(actor)));
  }

  private async me(actor: Actor): Promise<Member> {
    return (await this.store.members.get(actor.communityId, actor.memberId)) ?? fail("UNKNOWN_MEMBER", "I couldn't find your membership; try again.");
  }

  /**
   * `/peerloop forget-me`: first says what will go, then, with "confirm", deletes the member's follows,
   * settings and identity. What they posted stays, attributed to "a former member".
   */
  async forgetMe(actor: Actor, confirmation: string | undefined): Promise<Outcome> {
    if (confirmation?.trim().toLowerCase() !== "confirm") {
      if (confirmation?.trim()) fail("INVALID_OPTION", "To confirm, type exactly: /peerloop forget-me confirm");
      return reply(privately({
        title: "Forget me: please confirm",
        text: "This deletes what Peerloop keeps about you in this community: the tags you follow, your notification settings, time zone and quiet hours, your email address and phone number, and your name and platform id. " +
          "Resources you shared and questions and answers you posted stay in the library, shown as by \"a former member\". It can't be undone. " +
          "To go ahead, type: /peerloop forget-me confirm",
        tone: "warning",
      }));
    }
    await this.store.transaction((tx) => tx.members.forget(actor.communityId, actor.memberId, this.clock.now()));
    for (const [key, hit] of this.actors) if (hit.actor.memberId === actor.memberId) this.actors.delete(key);
    return reply(privately({
      text: "Done: Peerloop no longer keeps your follows, settings, email address, phone number or identity here. If you use a Peerloop command again, you start afresh as a new member.",
      tone: "success",
    }));
  }
}
