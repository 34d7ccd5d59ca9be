import type { Member, SubscriptionRepository, TagRepository } from "../../core/members/member-types";
import type { Db } from "../db-types";

export class PrismaSubscriptionRepository implements SubscriptionRepository {
  constructor(private readonly db: Db) {}

  async follow(communityId: string, memberId: string, tag: string, at: Date): Promise<boolean> {
    const { count } = await this.db.subscription.createMany({ data: [{ communityId, memberId, tag, createdAt: at }], skipDuplicates: true });
    return count === 1;
  }

  async unfollow(communityId: string, memberId: string, tag: string): Promise<boolean> {
    const { count } = await this.db.subscription.deleteMany({ where: { communityId, memberId, tag } });
    return count === 1;
  }

  async tagsOf(communityId: string, memberId: string): Promise<string[]> {
    const rows = await this.db.subscription.findMany({ where: { communityId, memberId }, orderBy: { tag: "asc" }, select: { tag: true } });
    return rows.map((r) => r.tag);
  }

  async followersOf(communityId: string, tags: readonly string[]): Promise<Member[]> {
    if (tags.length === 0) return [];
    return this.db.member.findMany({
      where: { communityId, subscriptions: { some: { communityId, tag: { in: [...tags] } } } },
      orderBy: { createdAt: "asc" },
    });
  }
}

export class PrismaTagRepository implements TagRepository {
  constructor(private readonly db: Db) {}

  async touch(communityId: string, tags: readonly string[], at: Date): Promise<void> {
    if (tags.length === 0) return;
    await this.db.tag.createMany({ data: tags.map((name) => ({ communityId, name, createdAt: at })), skipDuplicates: true });
  }
}
