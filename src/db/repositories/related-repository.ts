import { Prisma } from "../generated/client";
import type { IndexSource, RelatedDoc, RelatedRef, RelatedRepository } from "../../core/related/related-types";
import type { ThreadOutcome } from "../../core/threads/thread-types";
import { titleFromUrl } from "../../core/resources/normalize-url";
import type { Db } from "../db-types";
import type { PrismaDb } from "../open-database";

/**
 * A term every indexed item carries, so the number of items is read with the terms' own counts
 * (idf needs it on every lookup) instead of counting the index. No word reads as "*".
 */
export const ITEM_TERM = "*";

/** Runs `work` in a transaction of its own, or in the caller's when it already is one. */
const atomically = <T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> =>
  "$transaction" in db ? (db as PrismaDb).$transaction((tx) => work(tx), { timeout: 15_000, maxWait: 10_000 }) : work(db);

/** Outcomes that make a resolved question worth suggesting: it was answered, at least in part. */
const ANSWERED = ["resolved", "partly"];

/**
 * The related-answers index in SQL: one row per (item, term), a count per term, and what is indexed.
 * What may be suggested is decided when read (flagged posts, forgotten members' words), so a member
 * forgotten after indexing is never shown.
 */
export class PrismaRelatedRepository implements RelatedRepository {
  constructor(private readonly db: Db) {}

  async termCounts(communityId: string, terms: readonly string[]) {
    // The item count rides along as the count of ITEM_TERM (every indexed item carries it): no count(*) over the index.
    const rows = await this.db.$queryRaw<{ term: string; items: number }[]>`SELECT term, items FROM related_term_counts WHERE community_id = ${communityId}::uuid AND term = ANY(${[...terms, ITEM_TERM]}::text[])`;
    const counts = new Map(rows.map((r) => [r.term, Number(r.items)]));
    const items = counts.get(ITEM_TERM) ?? 0;
    counts.delete(ITEM_TERM);
    return { items, counts };
  }

  async candidates(communityId: string, terms: readonly string[], limit: number) {
    if (!terms.length) return [];
    const rows = await this.db.$queryRaw<{ ref_kind: string; ref_id: string; hits: bigint }[]>`
      SELECT ref_kind, ref_id, count(*)::bigint AS hits FROM related_terms
      WHERE community_id = ${communityId}::uuid AND term = ANY(${[...terms]}::text[])
      GROUP BY ref_kind, ref_id ORDER BY hits DESC, ref_id LIMIT ${limit}`;
    return rows.map((r) => ({ kind: r.ref_kind as RelatedRef["kind"], id: r.ref_id, hits: Number(r.hits) }));
  }

  async docs(communityId: string, refs: readonly RelatedRef[]): Promise<RelatedDoc[]> {
    const threadIds = refs.filter((r) => r.kind === "thread").map((r) => r.id);
    const resourceIds = refs.filter((r) => r.kind === "resource").map((r) => r.id);
    const [threads, answers, resources] = await Promise.all([
      threadIds.length ? this.db.$queryRaw<{ id: string; text: string; tags: string[]; outcome: string; outcome_note: string | null; channel_id: string | null; message_ref: string | null; thread_ref: string | null; created_at: Date }[]>`
        SELECT t.id, t.text, t.tags, t.outcome::text AS outcome, t.outcome_note, t.channel_id, t.message_ref, t.thread_ref, t.created_at
        FROM threads t JOIN members a ON a.community_id = t.community_id AND a.id = t.asker_id
        WHERE t.community_id = ${communityId}::uuid AND t.id = ANY(${threadIds}::uuid[]) AND t.status = 'resolved'
          AND t.outcome::text = ANY(${ANSWERED}::text[]) AND NOT t.guard_override AND a.forgotten_at IS NULL` : Promise.resolve([]),
      threadIds.length ? this.answers(communityId, threadIds) : Promise.resolve(new Map<string, { texts: string[]; helpers: string[] }>()),
      resourceIds.length ? this.db.$queryRaw<{ id: string; title: string | null; note: string | null; description: string | null; tags: string[]; url: string; channel_id: string | null; message_ref: string | null; created_at: Date; forgotten: boolean }[]>`
        SELECT r.id, r.title, r.note, r.description, r.tags, r.url, r.channel_id, r.message_ref, r.created_at, (m.forgotten_at IS NOT NULL) AS forgotten
        FROM resources r JOIN members m ON m.community_id = r.community_id AND m.id = r.sharer_id
        WHERE r.community_id = ${communityId}::uuid AND r.id = ANY(${resourceIds}::uuid[]) AND NOT r.guard_override` : Promise.resolve([]),
    ]);
    return [
      ...threads.map((t) => {
        const a = answers.get(t.id);
        return {
          kind: "thread" as const, id: t.id, title: t.text, answer: [t.outcome_note ?? "", ...(a?.texts ?? [])].filter(Boolean).join("\n"), tags: t.tags,
          channelId: t.channel_id, messageRef: t.thread_ref ?? t.message_ref, outcome: t.outcome as ThreadOutcome, helpers: a?.helpers ?? [], createdAt: t.created_at,
        };
      }),
      // A forgotten sharer's note is their words: the link and its title stay, the note does not.
      ...resources.map((r) => ({
        kind: "resource" as const, id: r.id, title: r.title ?? titleFromUrl(r.url), answer: [r.forgotten ? "" : (r.note ?? ""), r.description ?? ""].filter(Boolean).join("\n"),
        tags: r.tags, url: r.url, channelId: r.channel_id, messageRef: r.message_ref, helpers: [], createdAt: r.created_at,
      })),
    ];
  }

  /** The credited helpers' replies (every other member's when none was credited), never a forgotten member's or a flagged one. */
  private async answers(communityId: string, threadIds: string[]) {
    const rows = await this.db.$queryRaw<{ thread_id: string; text: string | null; name: string; helper: boolean }[]>`
      SELECT r.thread_id, r.text, m.display_name AS name, (h.member_id IS NOT NULL) AS helper
      FROM replies r JOIN threads t ON t.id = r.thread_id
        JOIN members m ON m.community_id = r.community_id AND m.id = r.author_id
        LEFT JOIN thread_helpers h ON h.thread_id = r.thread_id AND h.member_id = r.author_id
      WHERE r.community_id = ${communityId}::uuid AND r.thread_id = ANY(${threadIds}::uuid[]) AND r.deleted_at IS NULL
        AND r.author_id <> t.asker_id AND m.forgotten_at IS NULL
      ORDER BY r.created_at`;
    const out = new Map<string, { texts: string[]; helpers: string[] }>();
    const credited = new Set(rows.filter((r) => r.helper).map((r) => r.thread_id));
    for (const r of rows) {
      if (credited.has(r.thread_id) && !r.helper) continue;
      const e = out.get(r.thread_id) ?? { texts: [], helpers: [] };
      if (r.text) e.texts.push(r.text);
      if (r.helper && !e.helpers.includes(r.name)) e.helpers.push(r.name);
      out.set(r.thread_id, e);
    }
    return out;
  }

  async source(communityId: string, ref: RelatedRef): Promise<IndexSource | null> {
    const [doc] = await this.docs(communityId, [ref]);
    if (!doc) return null;
    return { texts: [doc.title, doc.answer].filter(Boolean), tags: doc.tags };
  }

  async index(communityId: string, ref: RelatedRef, terms: readonly string[], at: Date): Promise<void> {
    const given = [...new Set(terms)].filter((t) => t !== ITEM_TERM);
    const unique = given.length ? [...given, ITEM_TERM] : [];
    await atomically(this.db, async (tx) => {
      // Serialise work on one item (two replicas resolving and previewing at once).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`related:${ref.id}`}))`;
      const old = await tx.$queryRaw<{ term: string }[]>`DELETE FROM related_terms WHERE community_id = ${communityId}::uuid AND ref_kind = ${ref.kind} AND ref_id = ${ref.id}::uuid RETURNING term`;
      if (old.length) {
        await tx.$executeRaw`UPDATE related_term_counts SET items = items - 1 WHERE community_id = ${communityId}::uuid AND term = ANY(${old.map((o) => o.term)}::text[])`;
        await tx.$executeRaw`DELETE FROM related_term_counts WHERE community_id = ${communityId}::uuid AND term = ANY(${old.map((o) => o.term)}::text[]) AND items <= 0`;
      }
      if (!unique.length) {
        await tx.$executeRaw`DELETE FROM related_indexed WHERE community_id = ${communityId}::uuid AND ref_kind = ${ref.kind} AND ref_id = ${ref.id}::uuid`;
        return;
      }
      await tx.$executeRaw`INSERT INTO related_terms (community_id, ref_kind, ref_id, term) SELECT ${communityId}::uuid, ${ref.kind}, ${ref.id}::uuid, unnest(${unique}::text[])`;
      await tx.$executeRaw`
        INSERT INTO related_term_counts (community_id, term, items) SELECT ${communityId}::uuid, unnest(${unique}::text[]), 1
        ON CONFLICT (community_id, term) DO UPDATE SET items = related_term_counts.items + 1`;
      await tx.$executeRaw`
        INSERT INTO related_indexed (community_id, ref_kind, ref_id, indexed_at) VALUES (${communityId}::uuid, ${ref.kind}, ${ref.id}::uuid, ${at})
        ON CONFLICT (community_id, ref_kind, ref_id) DO UPDATE SET indexed_at = EXCLUDED.indexed_at`;
    });
  }

  async unindexed(communityId: string, limit: number): Promise<RelatedRef[]> {
    const rows = await this.db.$queryRaw<{ kind: string; id: string }[]>(Prisma.sql`
      (SELECT 'thread' AS kind, t.id FROM threads t
        WHERE t.community_id = ${communityId}::uuid AND t.status = 'resolved' AND t.outcome::text = ANY(${ANSWERED}::text[]) AND NOT t.guard_override
          AND NOT EXISTS (SELECT 1 FROM related_indexed i WHERE i.community_id = t.community_id AND i.ref_kind = 'thread' AND i.ref_id = t.id)
        ORDER BY t.resolved_at LIMIT ${limit})
      UNION ALL
      (SELECT 'resource' AS kind, r.id FROM resources r
        WHERE r.community_id = ${communityId}::uuid AND NOT r.guard_override
          AND NOT EXISTS (SELECT 1 FROM related_indexed i WHERE i.community_id = r.community_id AND i.ref_kind = 'resource' AND i.ref_id = r.id)
        ORDER BY r.created_at LIMIT ${limit})`);
    return rows.slice(0, limit).map((r) => ({ kind: r.kind as RelatedRef["kind"], id: r.id }));
  }

  async addReuse(communityId: string, memberId: string, ref: RelatedRef, at: Date): Promise<boolean> {
    // One reuse per member and item a day: pressing twice does not count twice.
    const dayStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
    const n = await this.db.$executeRaw`
      INSERT INTO answer_reuses (id, community_id, member_id, thread_id, resource_id, created_at)
      SELECT gen_random_uuid(), ${communityId}::uuid, ${memberId}::uuid, ${ref.kind === "thread" ? ref.id : null}::uuid, ${ref.kind === "resource" ? ref.id : null}::uuid, ${at}
      WHERE NOT EXISTS (SELECT 1 FROM answer_reuses WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid
        AND coalesce(thread_id, resource_id) = ${ref.id}::uuid AND created_at >= ${dayStart})`;
    return n > 0;
  }

  async reusesBetween(communityId: string, from: Date, to: Date): Promise<number> {
    const [row] = await this.db.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM answer_reuses WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND created_at < ${to}`;
    return Number(row?.n ?? 0);
  }
}
