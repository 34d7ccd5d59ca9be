import type { Member, Community } from "../members/member-types";
import type { Repositories } from "../store";
import type { Message, Outgoing } from "../shared/message";
import { inQuietWindow } from "../shared/time-zone";
import type { DigestKind } from "./notification-types";
import type { SmsRepository } from "../sms/sms-types";
import { alertText } from "../sms/sms-text";
import { localDateKey } from "../jobs/periods";

/** What texts need from the composition root: the daily cap, and the web link a text carries. */
export interface TextSettings {
  dailyMax: number;
  /** The web page of a resource or question (or the library), for a text's one link. */
  link(communityId: string, of?: { resource?: string; question?: string }): string | undefined;
}

export interface Announcement {
  kind: DigestKind;
  refId: string;
  tags: readonly string[];
  /** One line for digests. */
  summary: string;
  /** The direct message instant followers get. */
  message: Message;
  /** Who caused it: never notified of their own post. */
  authorId: string;
  /** Posted past the guard by its author's choice: shown in chat, never emailed or texted (they carry only what passed). */
  guardOverride?: boolean;
  /** Posted "as is" after the tone nudge: shown in chat, never texted. */
  toneOverride?: boolean;
  /** A resource's title, the one piece of a post a text may carry. */
  title?: string;
  /** Also reaches the members who follow the author (a member's share or answer). */
  toAuthorsFollowers?: boolean;
  /** Also reaches the members who follow this publisher. */
  sourceId?: string;
}

/**
 * Fans an announcement out to the followers of its tags: instant followers outside their quiet
 * hours get a direct message now; everyone else who wants notifications gets it in a digest.
 */
export class NotificationService {
  constructor(private readonly texts?: TextSettings) {}

  /** `repos` is the caller's transaction, so queued digest items commit or roll back with the post. */
  async announce(repos: Pick<Repositories, "subscriptions" | "digests" | "jobs" | "emails" | "people" | "sources" | "sms">, community: Community, a: Announcement, now: Date): Promise<Outgoing[]> {
    const followers = (await this.followers(repos, community, a)).filter((m) => m.id !== a.authorId);
    if (followers.length === 0) return [];
    const direct: Outgoing[] = [];
    const queued: Member[] = [];
    for (const m of followers) {
      if (m.notify === "off") continue;
      if (m.notify === "instant" && !inQuietWindow(now, m.timeZone ?? community.timeZone, m.quietStart, m.quietEnd)) {
        direct.push({ to: { kind: "member", memberId: m.id, externalId: m.externalId }, message: a.message });
      } else {
        queued.push(m);
      }
    }
    await repos.digests.add(queued.map((m) => ({
      communityId: community.id, memberId: m.id, kind: a.kind, refId: a.refId, summary: a.summary, createdAt: now,
    })));
    if (repos.emails && !a.guardOverride) await this.email(repos as Pick<Repositories, "jobs"> & { emails: NonNullable<Repositories["emails"]> }, community, a, followers, now);
    if (repos.sms && this.texts && !a.guardOverride && !a.toneOverride) await this.text(repos.jobs, repos.sms, community, a, followers, now, this.texts);
    return direct;
  }

  /** Followers of the tags, of the author and of the publisher, each member once. */
  private async followers(repos: Pick<Repositories, "subscriptions" | "people" | "sources">, community: Community, a: Announcement): Promise<Member[]> {
    const lists = await Promise.all([
      a.tags.length ? repos.subscriptions.followersOf(community.id, a.tags) : [],
      a.toAuthorsFollowers && repos.people ? repos.people.followersOf(community.id, a.authorId) : [],
      a.sourceId && repos.sources ? repos.sources.followersOf(community.id, a.sourceId) : [],
    ]);
    const byId = new Map<string, Member>();
    for (const m of lists.flat()) if (!byId.has(m.id)) byId.set(m.id, m);
    return [...byId.values()];
  }

  /**
   * Texts, by each member's own text setting: an instant text now (outside quiet hours, within the
   * day's cap), else the item waits for the member's next summary text.
   */
  private async text(jobs: Repositories["jobs"], sms: SmsRepository, community: Community, a: Announcement, followers: Member[], now: Date, t: TextSettings) {
    const byId = new Map(followers.map((m) => [m.id, m]));
    const phones = (await sms.confirmedFor(community.id, [...byId.keys()])).filter((p) => p.frequency !== "off");
    const later: typeof phones = [];
    for (const p of phones) {
      const m = byId.get(p.memberId)!;
      const tz = m.timeZone ?? community.timeZone;
      if (p.frequency !== "instant" || inQuietWindow(now, tz, m.quietStart, m.quietEnd) || !(await sms.takeSlot(community.id, m.id, localDateKey(now, tz), t.dailyMax))) {
        later.push(p);
        continue;
      }
      const link = community.webAccess === "off" ? undefined : t.link(community.id, a.kind === "resource" ? { resource: a.refId } : { question: a.refId });
      await jobs.enqueue([{
        communityId: community.id, dedupeKey: `sms:${p.memberId}:${a.kind}:${a.refId}`,
        audience: { kind: "sms", memberId: p.memberId, to: p.e164, purpose: "alert" }, message: { text: alertText(a.kind, a.title ?? "", a.tags, link) }, at: now,
      }]);
    }
    await sms.addItems(later.map((p) => ({ communityId: community.id, memberId: p.memberId, kind: a.kind, refId: a.refId, tags: a.tags, createdAt: now })));
  }

  /**
   * Email, by each member's own email setting: instant ones through the outbox now (outside quiet
   * hours, once per member and post), the rest kept for their email digest.
   */
  private async email(repos: Pick<Repositories, "jobs"> & { emails: NonNullable<Repositories["emails"]> }, community: Community, a: Announcement, followers: Member[], now: Date) {
    const byId = new Map(followers.map((m) => [m.id, m]));
    const addresses = (await repos.emails.confirmedFor(community.id, [...byId.keys()])).filter((e) => e.frequency !== "off");
    const instant = addresses.filter((e) => {
      const m = byId.get(e.memberId)!;
      return e.frequency === "instant" && !inQuietWindow(now, m.timeZone ?? community.timeZone, m.quietStart, m.quietEnd);
    });
    await repos.jobs.enqueue(instant.map((e) => ({
      communityId: community.id, dedupeKey: `email:${e.memberId}:${a.kind}:${a.refId}`,
      audience: { kind: "email" as const, memberId: e.memberId, address: e.address, purpose: "notification" as const }, message: a.message, at: now,
    })));
    await repos.emails.addItems(addresses.filter((e) => !instant.includes(e)).map((e) => ({
      communityId: community.id, memberId: e.memberId, kind: a.kind, refId: a.refId, summary: a.summary, createdAt: now,
    })));
  }
}
