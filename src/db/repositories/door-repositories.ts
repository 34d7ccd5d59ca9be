import { createHash } from "node:crypto";
import type { ButtonValues, InstallationRepository, ProcessedEvents } from "../../app/door-ports";
import type { Platform } from "../../core/shared/context";
import { Prisma } from "../generated/client.ts";
import type { Db } from "../db-types";

export class PrismaProcessedEvents implements ProcessedEvents {
  /** `rawQuery`: PostgreSQL's pool without Prisma's per-query work, for the claim an ack waits on. */
  constructor(private readonly db: Db, private readonly rawQuery?: <T>(text: string, values: unknown[]) => Promise<T[]>) {}

  async claim(eventId: string, at: Date): Promise<boolean> {
    const { count } = await this.db.processedEvent.createMany({ data: [{ eventId, processedAt: at }], skipDuplicates: true });
    return count === 1;
  }

  async release(eventId: string): Promise<void> {
    await this.db.processedEvent.deleteMany({ where: { eventId } });
  }

  async prune(before: Date): Promise<number> {
    return (await this.db.processedEvent.deleteMany({ where: { processedAt: { lt: before } } })).count;
  }

  /**
   * Claims arriving together (a burst of requests) go to PostgreSQL as one statement: one round trip
   * and one plan for the lot, before the acks they hold up; on PostgreSQL straight through the pool
   * (Prisma's query compiler adds milliseconds to a statement this small).
   */
  claimRequest(signature: string, at: Date): Promise<boolean> {
    const id = `${REQUEST}${createHash("sha256").update(signature).digest("base64url")}`;
    return new Promise((resolve, reject) => {
      this.batch.push({ id, at, resolve, reject });
      if (this.batch.length === 1) setImmediate(() => void this.flush());
    });
  }

  private batch: { id: string; at: Date; resolve: (first: boolean) => void; reject: (e: unknown) => void }[] = [];

  private async flush(): Promise<void> {
    const claims = this.batch.splice(0);
    try {
      const ids = [...new Set(claims.map((c) => c.id))];
      const sql = Prisma.sql`
        INSERT INTO processed_events (event_id, processed_at) SELECT unnest(${ids}::text[]), ${claims[0]!.at}
        ON CONFLICT (event_id) DO NOTHING RETURNING event_id`;
      const rows = this.rawQuery ? await this.rawQuery<{ event_id: string }>(sql.text, sql.values) : await this.db.$queryRaw<{ event_id: string }[]>(sql);
      const won = new Set(rows.map((r) => r.event_id));
      // The first claim of an id wins; a copy in the same batch is a replay too.
      for (const c of claims) {
        c.resolve(won.delete(c.id));
      }
    } catch (error) {
      for (const c of claims) c.reject(error);
    }
  }

  async pruneRequests(before: Date): Promise<number> {
    return (await this.db.processedEvent.deleteMany({ where: { eventId: { startsWith: REQUEST }, processedAt: { lt: before } } })).count;
  }
}

/** Request signatures share the table with event ids, under their own prefix. */
const REQUEST = "slack-request:";

export class PrismaInstallations implements InstallationRepository {
  constructor(private readonly db: Db) {}

  async save(key: string, platform: Platform, data: unknown): Promise<void> {
    const json = data as Prisma.InputJsonValue;
    await this.db.platformInstallation.upsert({ where: { key }, create: { key, platform, data: json }, update: { data: json } });
  }

  async find(key: string): Promise<unknown | null> {
    return (await this.db.platformInstallation.findUnique({ where: { key } }))?.data ?? null;
  }

  async remove(key: string): Promise<void> {
    await this.db.platformInstallation.deleteMany({ where: { key } });
  }
}

export class PrismaButtonValues implements ButtonValues {
  constructor(private readonly db: Db) {}

  async put(key: string, value: string, expiresAt: Date): Promise<void> {
    await this.db.buttonValue.create({ data: { key, value, expiresAt } });
  }

  async take(key: string, now: Date): Promise<string | null> {
    // DELETE … RETURNING: two replicas clicking at once get the value once between them.
    const rows = await this.db.$queryRaw<{ value: string; expires_at: Date }[]>`DELETE FROM button_values WHERE key = ${key} RETURNING value, expires_at`;
    const row = rows[0];
    return row && new Date(row.expires_at) > now ? row.value : null;
  }

  async read(key: string, now: Date): Promise<string | null> {
    const row = await this.db.buttonValue.findUnique({ where: { key } });
    return row && row.expiresAt > now ? row.value : null;
  }

  async prune(before: Date): Promise<number> {
    return (await this.db.buttonValue.deleteMany({ where: { expiresAt: { lt: before } } })).count;
  }
}
