import { LOCK_MS } from "../../core/sms/sms-service";
import type { MemberPhone, SmsConfirmResult, SmsFrequency, SmsItem, SmsRepository } from "../../core/sms/sms-types";
import type { Member } from "../../core/members/member-types";
import type { Db } from "../db-types";

/** Wrong codes before a number is locked. */
const MAX_ATTEMPTS = 5;

interface PhoneRow {
  community_id: string;
  member_id: string;
  e164: string;
  status: string;
  frequency: string;
  confirmed_at: Date | null;
  code_sent_at: Date | null;
  locked_until: Date | null;
}

const phone = (r: PhoneRow): MemberPhone => ({
  communityId: r.community_id, memberId: r.member_id, e164: r.e164, status: r.status as MemberPhone["status"], frequency: r.frequency as SmsFrequency,
  confirmedAt: r.confirmed_at, codeSentAt: r.code_sent_at, lockedUntil: r.locked_until,
});

/** Members' phones, the items waiting for their summary texts, and each day's count; SQL only. */
export class PrismaSmsRepository implements SmsRepository {
  constructor(private readonly db: Db) {}

  async get(communityId: string, memberId: string): Promise<MemberPhone | null> {
    const [r] = await this.db.$queryRaw<PhoneRow[]>`SELECT * FROM member_phones WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid`;
    return r ? phone(r) : null;
  }

  async lockedUntil(e164: string, at: Date): Promise<Date | null> {
    const [r] = await this.db.$queryRaw<{ until: Date | null }[]>`SELECT max(locked_until) AS until FROM member_phones WHERE e164 = ${e164} AND locked_until > ${at}`;
    return r?.until ?? null;
  }

  async set(communityId: string, memberId: string, e164: string, codeHash: string, expiresAt: Date, at: Date): Promise<void> {
    // A new number starts afresh; the same number keeps its wrong-code count (asking again does not reset the lock).
    await this.db.$executeRaw`
      INSERT INTO member_phones (community_id, member_id, e164, status, frequency, code_hash, code_expires_at, code_sent_at, attempts, created_at)
      VALUES (${communityId}::uuid, ${memberId}::uuid, ${e164}, 'pending', 'instant', ${codeHash}, ${expiresAt}, ${at}, 0, ${at})
      ON CONFLICT (community_id, member_id) DO UPDATE SET
        status = 'pending', code_hash = EXCLUDED.code_hash, code_expires_at = EXCLUDED.code_expires_at, code_sent_at = EXCLUDED.code_sent_at,
        attempts = CASE WHEN member_phones.e164 = EXCLUDED.e164 THEN member_phones.attempts ELSE 0 END,
        e164 = EXCLUDED.e164, confirmed_at = NULL, stopped_at = NULL, told_at = NULL`;
  }

  async confirm(communityId: string, memberId: string, codeHash: string, at: Date): Promise<SmsConfirmResult> {
    const [r] = await this.db.$queryRaw<{ status: string; code_hash: string | null; code_expires_at: Date | null; attempts: number; locked_until: Date | null }[]>`
      SELECT status, code_hash, code_expires_at, attempts, locked_until FROM member_phones WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid FOR UPDATE`;
    if (!r) return "none";
    if (r.status === "confirmed") return "already";
    if (r.status !== "pending" || !r.code_hash) return "none";
    if (r.locked_until && r.locked_until > at) return "locked";
    if (r.code_expires_at && r.code_expires_at < at) return "expired";
    if (r.code_hash !== codeHash) {
      const attempts = Number(r.attempts) + 1;
      await this.db.$executeRaw`UPDATE member_phones SET attempts = ${attempts}, locked_until = ${attempts >= MAX_ATTEMPTS ? new Date(at.getTime() + LOCK_MS) : null}
        WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid`;
      return attempts >= MAX_ATTEMPTS ? "locked" : "wrong";
    }
    await this.db.$executeRaw`UPDATE member_phones SET status = 'confirmed', confirmed_at = ${at}, code_hash = NULL, attempts = 0, locked_until = NULL
      WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid`;
    return "confirmed";
  }

  async setFrequency(communityId: string, memberId: string, frequency: SmsFrequency): Promise<MemberPhone | null> {
    const [r] = await this.db.$queryRaw<PhoneRow[]>`UPDATE member_phones SET frequency = ${frequency} WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid RETURNING *`;
    return r ? phone(r) : null;
  }

  async remove(communityId: string, memberId: string): Promise<boolean> {
    await this.db.$executeRaw`DELETE FROM sms_items WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid`;
    return (await this.db.$executeRaw`DELETE FROM member_phones WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid`) > 0;
  }

  async stopNumber(e164: string, at: Date) {
    const rows = await this.db.$queryRaw<{ community_id: string; member_id: string }[]>`
      UPDATE member_phones SET status = 'stopped', stopped_at = ${at} WHERE e164 = ${e164} AND status IN ('confirmed', 'pending') RETURNING community_id, member_id`;
    return rows.map((r) => ({ communityId: r.community_id, memberId: r.member_id }));
  }

  async startNumber(e164: string): Promise<number> {
    return this.db.$executeRaw`UPDATE member_phones SET status = 'confirmed', stopped_at = NULL, told_at = NULL WHERE e164 = ${e164} AND status = 'stopped' AND confirmed_at IS NOT NULL`;
  }

  async markUndeliverable(communityId: string, memberId: string, status: "stopped" | "invalid", at: Date): Promise<boolean> {
    const n = await this.db.$executeRaw`UPDATE member_phones SET status = ${status}, stopped_at = ${at}, told_at = ${at}
      WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid AND told_at IS NULL`;
    return n > 0;
  }

  async confirmedFor(communityId: string, memberIds: readonly string[]): Promise<MemberPhone[]> {
    if (!memberIds.length) return [];
    const rows = await this.db.$queryRaw<PhoneRow[]>`SELECT * FROM member_phones WHERE community_id = ${communityId}::uuid AND member_id = ANY(${[...memberIds]}::uuid[]) AND status = 'confirmed'`;
    return rows.map(phone);
  }

  async takeSlot(communityId: string, memberId: string, day: string, max: number): Promise<boolean> {
    const rows = await this.db.$queryRaw<{ count: number }[]>`
      INSERT INTO sms_daily (community_id, member_id, day, count) VALUES (${communityId}::uuid, ${memberId}::uuid, ${day}, 1)
      ON CONFLICT (community_id, member_id, day) DO UPDATE SET count = sms_daily.count + 1 WHERE sms_daily.count < ${max}
      RETURNING count`;
    return rows.length > 0;
  }

  async addItems(items: readonly { communityId: string; memberId: string; kind: string; refId: string; tags: readonly string[]; createdAt: Date }[]): Promise<void> {
    for (const i of items) {
      await this.db.$executeRaw`INSERT INTO sms_items (id, community_id, member_id, kind, ref_id, tags, created_at)
        VALUES (gen_random_uuid(), ${i.communityId}::uuid, ${i.memberId}::uuid, ${i.kind}, ${i.refId}::uuid, ${[...i.tags]}::text[], ${i.createdAt})`;
    }
  }

  async pendingItems(communityId: string, memberId: string): Promise<SmsItem[]> {
    const rows = await this.db.$queryRaw<{ id: string; kind: string; ref_id: string; tags: string[]; created_at: Date }[]>`
      SELECT id, kind, ref_id, tags, created_at FROM sms_items WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid AND sent_at IS NULL ORDER BY created_at LIMIT 500`;
    return rows.map((r) => ({ id: r.id, kind: r.kind, refId: r.ref_id, tags: r.tags, createdAt: r.created_at }));
  }

  async markItemsSent(communityId: string, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length) await this.db.$executeRaw`UPDATE sms_items SET sent_at = ${at} WHERE community_id = ${communityId}::uuid AND id = ANY(${[...ids]}::uuid[])`;
  }

  async withPendingItems(communityId: string): Promise<{ member: Member; phone: MemberPhone }[]> {
    const rows = await this.db.$queryRaw<PhoneRow[]>`
      SELECT p.* FROM member_phones p JOIN members m ON m.community_id = p.community_id AND m.id = p.member_id
      WHERE p.community_id = ${communityId}::uuid AND p.status = 'confirmed' AND p.frequency <> 'off' AND m.forgotten_at IS NULL
        AND EXISTS (SELECT 1 FROM sms_items i WHERE i.community_id = p.community_id AND i.member_id = p.member_id AND i.sent_at IS NULL)`;
    if (rows.length === 0) return [];
    // Their members in one read, not one each.
    const members = new Map((await this.db.member.findMany({ where: { communityId, id: { in: rows.map((r) => r.member_id) } } })).map((m) => [m.id, m as Member]));
    return rows.flatMap((r) => (members.has(r.member_id) ? [{ member: members.get(r.member_id)!, phone: phone(r) }] : []));
  }
}
