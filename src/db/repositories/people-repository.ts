import type { Member } from "../../core/members/member-types";
import type { Helper, PeopleRepository, Privacy } from "../../core/people/people-types";
import { Prisma } from "../generated/client.ts";
import type { Db } from "../db-types";

const PEOPLE = { sourceId: null, forgottenAt: null } as const;

export class PrismaPeopleRepository implements PeopleRepository {
  constructor(private readonly db: Db) {}

  findMembers(communityId: string, ref: { externalId?: string; name?: string }): Promise<Member[]> {
    if (ref.externalId) return this.db.member.findMany({ where: { communityId, externalId: ref.externalId, ...PEOPLE }, take: 5 });
    return this.db.member.findMany({ where: { communityId, displayName: { equals: ref.name ?? "", mode: "insensitive" }, ...PEOPLE }, take: 5 });
  }

  async follow(communityId: string, followerId: string, followeeId: string, at: Date): Promise<boolean> {
    return (await this.db.$executeRaw`
      INSERT INTO member_follows (community_id, follower_id, followee_id, created_at) VALUES (${communityId}::uuid, ${followerId}::uuid, ${followeeId}::uuid, ${at})
      ON CONFLICT DO NOTHING`) === 1;
  }

  async unfollow(communityId: string, followerId: string, followeeId: string): Promise<boolean> {
    return (await this.db.$executeRaw`
      DELETE FROM member_follows WHERE community_id = ${communityId}::uuid AND follower_id = ${followerId}::uuid AND followee_id = ${followeeId}::uuid`) === 1;
  }

  async followersOf(communityId: string, memberId: string): Promise<Member[]> {
    // Most members have no followers: one indexed look, and the members themselves only when there are some.
    const rows = await this.db.$queryRaw<{ follower_id: string }[]>`
      SELECT f.follower_id FROM member_follows f JOIN members e ON e.id = f.followee_id
      WHERE f.community_id = ${communityId}::uuid AND f.followee_id = ${memberId}::uuid AND e.followable`;
    if (!rows.length) return [];
    return this.db.member.findMany({ where: { communityId, forgottenAt: null, id: { in: rows.map((r) => r.follower_id) } }, orderBy: { createdAt: "asc" } });
  }

  async following(communityId: string, memberId: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ display_name: string }[]>`
      SELECT e.display_name FROM member_follows f JOIN members e ON e.id = f.followee_id
      WHERE f.community_id = ${communityId}::uuid AND f.follower_id = ${memberId}::uuid`;
    return rows.map((r) => r.display_name).sort((a, b) => a.localeCompare(b));
  }

  async privacy(communityId: string, memberId: string): Promise<Privacy> {
    const m = await this.db.member.findFirst({ where: { communityId, id: memberId }, select: { followable: true, listed: true } });
    return m ?? { followable: true, listed: true };
  }

  async setPrivacy(communityId: string, memberId: string, patch: Partial<Privacy>): Promise<Privacy> {
    const m = await this.db.member.update({ where: { communityId_id: { communityId, id: memberId } }, data: patch, select: { followable: true, listed: true } });
    if (patch.followable === false) await this.db.$executeRaw`DELETE FROM member_follows WHERE community_id = ${communityId}::uuid AND followee_id = ${memberId}::uuid`;
    return m;
  }

  /**
   * Credited answers (the asker named them when resolving) on threads resolved since `since`, and
   * endorsements given since `since` to resources they shared, on `tag` when given; listed members only.
   */
  async helpers(communityId: string, since: Date, tag: string | null, limit: number): Promise<Helper[]> {
    const threadTag = tag ? Prisma.sql`AND t.tags @> ARRAY[${tag}]::text[]` : Prisma.empty;
    const resourceTag = tag ? Prisma.sql`AND r.tags @> ARRAY[${tag}]::text[]` : Prisma.empty;
    const rows = await this.db.$queryRaw<{ member_id: string; display_name: string; answers: bigint; endorsements: bigint }[]>`
      WITH answers AS (
        SELECT h.member_id, count(*) AS n FROM thread_helpers h JOIN threads t ON t.id = h.thread_id
        WHERE t.community_id = ${communityId}::uuid AND t.resolved_at >= ${since} AND h.member_id <> t.asker_id ${threadTag}
        GROUP BY h.member_id),
      endorsed AS (
        SELECT r.sharer_id AS member_id, count(*) AS n FROM endorsements e JOIN resources r ON r.id = e.resource_id
        WHERE r.community_id = ${communityId}::uuid AND e.created_at >= ${since} ${resourceTag}
        GROUP BY r.sharer_id)
      SELECT m.id AS member_id, m.display_name, coalesce(a.n, 0) AS answers, coalesce(d.n, 0) AS endorsements
      FROM members m LEFT JOIN answers a ON a.member_id = m.id LEFT JOIN endorsed d ON d.member_id = m.id
      WHERE m.community_id = ${communityId}::uuid AND m.listed AND m.source_id IS NULL AND m.forgotten_at IS NULL
        AND (a.n IS NOT NULL OR d.n IS NOT NULL)
      ORDER BY coalesce(a.n, 0) * 2 + coalesce(d.n, 0) DESC, m.display_name
      LIMIT ${limit}`;
    return rows.map((r) => ({ memberId: r.member_id, displayName: r.display_name, answers: Number(r.answers), endorsements: Number(r.endorsements) }));
  }
}
