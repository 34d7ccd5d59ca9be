import type { ConfirmResult, EmailItem, EmailRepository, MemberEmail, NewEmailItem } from "../../core/email/email-types";
import type { Member } from "../../core/members/member-types";
import type { Db } from "../db-types";

const MAX_ATTEMPTS = 5;
const plain = (r: { memberId: string; communityId: string; address: string; confirmedAt: Date | null; frequency: MemberEmail["frequency"]; roundup: boolean; failedAt: Date | null }): MemberEmail => ({
  memberId: r.memberId, communityId: r.communityId, address: r.address, confirmedAt: r.confirmedAt, frequency: r.frequency, roundup: r.roundup, failedAt: r.failedAt,
});

export class PrismaEmailRepository implements EmailRepository {
  constructor(private readonly db: Db) {}

  async get(communityId: string, memberId: string): Promise<MemberEmail | null> {
    const r = await this.db.memberEmail.findFirst({ where: { communityId, memberId } });
    return r ? plain(r) : null;
  }

  async set(communityId: string, memberId: string, address: string, codeHash: string, codeExpiresAt: Date): Promise<void> {
    const fresh = { address, confirmedAt: null, codeHash, codeExpiresAt, codeAttempts: 0, failedAt: null };
    await this.db.memberEmail.upsert({ where: { memberId }, create: { memberId, communityId, ...fresh }, update: fresh });
  }

  async confirm(communityId: string, memberId: string, codeHash: string, at: Date): Promise<ConfirmResult> {
    const r = await this.db.memberEmail.findFirst({ where: { communityId, memberId } });
    if (!r) return "none";
    if (r.confirmedAt) return "already";
    if (!r.codeHash || r.codeAttempts >= MAX_ATTEMPTS) return "locked";
    if (!r.codeExpiresAt || r.codeExpiresAt < at) return "expired";
    if (r.codeHash !== codeHash) {
      await this.db.memberEmail.update({ where: { memberId }, data: { codeAttempts: { increment: 1 } } });
      return "wrong";
    }
    const done = await this.db.memberEmail.updateMany({ where: { memberId, confirmedAt: null, codeHash }, data: { confirmedAt: at, codeHash: null, codeExpiresAt: null } });
    return done.count ? "confirmed" : "already";
  }

  async update(communityId: string, memberId: string, patch: Partial<Pick<MemberEmail, "frequency" | "roundup">>): Promise<MemberEmail | null> {
    const done = await this.db.memberEmail.updateMany({ where: { communityId, memberId }, data: patch });
    return done.count ? this.get(communityId, memberId) : null;
  }

  async remove(communityId: string, memberId: string): Promise<boolean> {
    await this.db.emailItem.deleteMany({ where: { communityId, memberId } });
    return (await this.db.memberEmail.deleteMany({ where: { communityId, memberId } })).count > 0;
  }

  async markFailed(communityId: string, memberId: string, at: Date): Promise<boolean> {
    return (await this.db.memberEmail.updateMany({ where: { communityId, memberId, failedAt: null }, data: { failedAt: at } })).count > 0;
  }

  async confirmedFor(communityId: string, memberIds: readonly string[]): Promise<MemberEmail[]> {
    if (!memberIds.length) return [];
    return (await this.db.memberEmail.findMany({ where: { communityId, memberId: { in: [...memberIds] }, confirmedAt: { not: null }, failedAt: null } })).map(plain);
  }

  async roundupRecipients(communityId: string): Promise<(MemberEmail & { member: Member })[]> {
    const rows = await this.db.memberEmail.findMany({ where: { communityId, roundup: true, confirmedAt: { not: null }, failedAt: null }, include: { member: true } });
    return rows.map((r) => ({ ...plain(r), member: r.member }));
  }

  async addItems(items: readonly NewEmailItem[]): Promise<void> {
    if (items.length) await this.db.emailItem.createMany({ data: [...items], skipDuplicates: true });
  }

  async pendingItems(communityId: string, memberId: string): Promise<EmailItem[]> {
    const rows = await this.db.emailItem.findMany({ where: { communityId, memberId, sentAt: null }, orderBy: { createdAt: "asc" }, take: 50 });
    return rows.map((r) => ({ id: r.id, communityId: r.communityId, memberId: r.memberId, kind: r.kind as EmailItem["kind"], refId: r.refId, summary: r.summary, createdAt: r.createdAt }));
  }

  async markItemsSent(communityId: string, ids: readonly string[], at: Date): Promise<void> {
    await this.db.emailItem.updateMany({ where: { communityId, id: { in: [...ids] } }, data: { sentAt: at } });
  }

  async withPendingItems(communityId: string): Promise<{ member: Member; email: MemberEmail }[]> {
    const rows = await this.db.memberEmail.findMany({
      where: { communityId, confirmedAt: { not: null }, failedAt: null, member: { emailItems: { some: { sentAt: null } } } },
      include: { member: true },
    });
    return rows.map((r) => ({ member: r.member, email: plain(r) }));
  }
}
