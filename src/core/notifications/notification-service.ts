import type { Member, Community } from "../members/member-types";
import type { Repositories } from "../store";
import type { Message, Outgoing } from "../shared/message";
import { inQuietWindow } from "../shared/time-zone";
import type { DigestKind } from "./notification-types";

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
  /** Posted past the guard by its author's choice: shown in chat, never emailed (email only carries what passed). */
  guardOverride?: boolean;
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
  /** `repos` is the caller's transaction, so queued digest items commit or roll back with the post. */
  async announce(repos: Pick<Repositories, "subscriptions" | "digests" | "jobs" | "emails" | "people" | "sources">, community: Community, a: Announcement, now: Date): Promise<Outgoing[]> {
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
