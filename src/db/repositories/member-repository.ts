import { FORMER_MEMBER, type Member, type MemberPatch, type MemberRepository } from "../../core/members/member-types";
import type { Db } from "../db-types";

export class PrismaMemberRepository implements MemberRepository {
  constructor(private readonly db: Db) {}

  upsert(communityId: string, externalId: string, displayName: string, isAdmin: boolean): Promise<Member> {
    return this.db.member.upsert({
      where: { communityId_externalId: { communityId, externalId } },
      create: { communityId, externalId, displayName, isAdmin },
      update: { displayName, isAdmin },
    });
  }

  get(communityId: string, id: string): Promise<Member | null> {
    return this.db.member.findUnique({ where: { communityId_id: { communityId, id } } });
  }

  findByExternalId(communityId: string, externalId: string): Promise<Member | null> {
    return this.db.member.findUnique({ where: { communityId_externalId: { communityId, externalId } } });
  }

  findByDisplayName(communityId: string, name: string): Promise<Member | null> {
    return this.db.member.findFirst({ where: { communityId, displayName: { equals: name, mode: "insensitive" } }, orderBy: { createdAt: "asc" } });
  }

  admins(communityId: string): Promise<Member[]> {
    return this.db.member.findMany({ where: { communityId, isAdmin: true, forgottenAt: null, sourceId: null }, orderBy: { createdAt: "asc" }, take: 20 });
  }

  update(communityId: string, id: string, patch: MemberPatch): Promise<Member> {
    return this.db.member.update({ where: { communityId_id: { communityId, id } }, data: patch });
  }

  async forget(communityId: string, id: string, at: Date): Promise<boolean> {
    const forgotten = await this.db.member.updateMany({
      where: { communityId, id, forgottenAt: null },
      data: { externalId: `forgotten:${id}`, displayName: FORMER_MEMBER, isAdmin: false, followable: false, listed: false, notify: "off", timeZone: null, quietStart: null, quietEnd: null, forgottenAt: at },
    });
    if (forgotten.count === 0) return false;
    await this.db.subscription.deleteMany({ where: { communityId, memberId: id } });
    await this.db.$executeRaw`DELETE FROM member_follows WHERE community_id = ${communityId}::uuid AND (follower_id = ${id}::uuid OR followee_id = ${id}::uuid)`;
    await this.db.$executeRaw`DELETE FROM source_follows WHERE member_id = ${id}::uuid`;
    await this.db.digestItem.deleteMany({ where: { communityId, memberId: id } });
    // What they chose in their welcome (whom they followed) goes; that they were welcomed stays, as a count.
    await this.db.$executeRaw`UPDATE welcomes SET answers = '{}'::jsonb WHERE community_id = ${communityId}::uuid AND member_id = ${id}::uuid`;
    await this.db.emailItem.deleteMany({ where: { communityId, memberId: id } });
    await this.db.memberEmail.deleteMany({ where: { communityId, memberId: id } });
    // Phone numbers are personal data: the number, its waiting summary items and its day counts go.
    await this.db.$executeRaw`DELETE FROM sms_items WHERE community_id = ${communityId}::uuid AND member_id = ${id}::uuid`;
    await this.db.$executeRaw`DELETE FROM sms_daily WHERE community_id = ${communityId}::uuid AND member_id = ${id}::uuid`;
    await this.db.$executeRaw`DELETE FROM member_phones WHERE community_id = ${communityId}::uuid AND member_id = ${id}::uuid`;
    // Emails and texts kept in the outbox carry the address or number: sent or not, they go too.
    await this.db.$executeRaw`DELETE FROM outbox_messages WHERE community_id = ${communityId}::uuid AND audience->>'memberId' = ${id} AND audience->>'kind' IN ('email', 'sms')`;
    return true;
  }
}
