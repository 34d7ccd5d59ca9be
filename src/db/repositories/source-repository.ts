import type { Member } from "../../core/members/member-types";
import type { NewSource, PollPatch, Source, SourceRepository } from "../../core/sources/source-types";
import { isUniqueViolation, type Db } from "../db-types";

export class PrismaSourceRepository implements SourceRepository {
  constructor(private readonly db: Db) {}

  async create(input: NewSource): Promise<Source | null> {
    try {
      return await this.db.source.create({ data: { ...input, nextPollAt: input.createdAt } });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  list(communityId: string): Promise<Source[]> {
    return this.db.source.findMany({ where: { communityId }, orderBy: { name: "asc" }, take: 200 });
  }

  findByName(communityId: string, name: string): Promise<Source | null> {
    return this.db.source.findFirst({ where: { communityId, name: { equals: name, mode: "insensitive" } } });
  }

  findByFeed(communityId: string, feedUrl: string): Promise<Source | null> {
    return this.db.source.findUnique({ where: { communityId_feedUrl: { communityId, feedUrl } } });
  }

  get(communityId: string, id: string): Promise<Source | null> {
    return this.db.source.findFirst({ where: { communityId, id } });
  }

  async remove(communityId: string, id: string): Promise<boolean> {
    // Its publisher identity stays (the library's items keep an author); it is no longer a source.
    return (await this.db.source.deleteMany({ where: { communityId, id } })).count === 1;
  }

  async update(communityId: string, id: string, patch: PollPatch): Promise<void> {
    await this.db.source.updateMany({ where: { communityId, id }, data: patch });
  }

  due(communityId: string, now: Date, force: boolean, limit: number): Promise<Source[]> {
    return this.db.source.findMany({
      where: { communityId, pausedAt: null, OR: [{ nextPollAt: { lte: now } }, ...(force ? [{ failures: 0 }] : [])] },
      orderBy: { nextPollAt: "asc" }, take: limit,
    });
  }

  async claimPoll(id: string, now: Date, force: boolean, leaseMs: number): Promise<boolean> {
    // Conditional on the row: of two replicas' runs, one takes the poll and the other updates nothing.
    const { count } = await this.db.source.updateMany({
      where: {
        id, pausedAt: null,
        OR: [{ pollingUntil: null }, { pollingUntil: { lte: now } }],
        AND: [{ OR: [{ nextPollAt: { lte: now } }, ...(force ? [{ failures: 0 }] : [])] }],
      },
      data: { pollingUntil: new Date(now.getTime() + leaseMs) },
    });
    return count === 1;
  }

  async publisher(source: Source): Promise<Member> {
    const externalId = `source:${source.id}`;
    return this.db.member.upsert({
      where: { communityId_externalId: { communityId: source.communityId, externalId } },
      create: { communityId: source.communityId, externalId, displayName: source.name, notify: "off", sourceId: source.id, followable: false, listed: false },
      update: { displayName: source.name },
    });
  }

  async markSeen(sourceId: string, guid: string, resourceId: string | null, at: Date): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO source_items (source_id, guid, resource_id, created_at) VALUES (${sourceId}::uuid, ${guid}, ${resourceId}::uuid, ${at})
      ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  async seenResource(sourceId: string, guid: string): Promise<string | null | undefined> {
    const rows = await this.db.$queryRaw<{ resource_id: string | null }[]>`
      SELECT resource_id FROM source_items WHERE source_id = ${sourceId}::uuid AND guid = ${guid}`;
    return rows.length ? rows[0]!.resource_id : undefined;
  }

  async follow(memberId: string, sourceId: string, at: Date): Promise<boolean> {
    return (await this.db.$executeRaw`
      INSERT INTO source_follows (member_id, source_id, created_at) VALUES (${memberId}::uuid, ${sourceId}::uuid, ${at}) ON CONFLICT DO NOTHING`) === 1;
  }

  async unfollow(memberId: string, sourceId: string): Promise<boolean> {
    return (await this.db.$executeRaw`DELETE FROM source_follows WHERE member_id = ${memberId}::uuid AND source_id = ${sourceId}::uuid`) === 1;
  }

  async followersOf(communityId: string, sourceId: string): Promise<Member[]> {
    const rows = await this.db.$queryRaw<{ member_id: string }[]>`SELECT member_id FROM source_follows WHERE source_id = ${sourceId}::uuid`;
    if (!rows.length) return [];
    return this.db.member.findMany({ where: { communityId, forgottenAt: null, id: { in: rows.map((r) => r.member_id) } }, orderBy: { createdAt: "asc" } });
  }

  async followedBy(communityId: string, memberId: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ name: string }[]>`
      SELECT s.name FROM source_follows f JOIN sources s ON s.id = f.source_id WHERE f.member_id = ${memberId}::uuid AND s.community_id = ${communityId}::uuid`;
    return rows.map((r) => r.name).sort();
  }
}
