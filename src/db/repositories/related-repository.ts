import { Prisma } from "../generated/client";
import type { ChoiceExample, IndexSource, RelatedDoc, RelatedRef, RelatedRepository, ShownSuggestion } from "../../core/related/related-types";
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

interface ShownRow { id: string; member_id: string; tier: string; thread_id: string | null; items: unknown; choice: string | null; chosen_ref: string | null }
const shownOf = (r: ShownRow): ShownSuggestion => ({
  id: r.id, memberId: r.member_id, tier: r.tier as ShownSuggestion["tier"], threadId: r.thread_id,
  items: (typeof r.items === "string" ? JSON.parse(r.items) : r.items) as ShownSuggestion["items"], choice: r.choice as ShownSuggestion["choice"], chosenRef: r.chosen_ref,
});

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

  async recordShown(communityId: string, s: Omit<ShownSuggestion, "choice" | "chosenRef">, at: Date): Promise<void> {
    await this.db.$executeRaw`
      INSERT INTO related_suggestions (id, community_id, member_id, tier, thread_id, items, created_at)
      VALUES (${s.id}::uuid, ${communityId}::uuid, ${s.memberId}::uuid, ${s.tier}, ${s.threadId}::uuid, ${JSON.stringify(s.items)}::jsonb, ${at})`;
  }

  async shown(communityId: string, id: string): Promise<ShownSuggestion | null> {
    const [r] = await this.db.$queryRaw<ShownRow[]>`
      SELECT id, member_id, tier, thread_id, items, choice, chosen_ref FROM related_suggestions WHERE community_id = ${communityId}::uuid AND id = ${id}::uuid`;
    return r ? shownOf(r) : null;
  }

  async pendingThreadLinks(communityId: string, threadId: string): Promise<ShownSuggestion[]> {
    const rows = await this.db.$queryRaw<ShownRow[]>`
      SELECT id, member_id, tier, thread_id, items, choice, chosen_ref FROM related_suggestions
      WHERE community_id = ${communityId}::uuid AND thread_id = ${threadId}::uuid AND tier = 'thread' AND choice IS NULL`;
    return rows.map(shownOf);
  }

  async choose(communityId: string, id: string, memberId: string, choice: "yes" | "no", chosenRef: string | null, at: Date): Promise<boolean> {
    // The choice is claimed by the row itself: a second press, or the other button, finds it made.
    const n = await this.db.$executeRaw`
      UPDATE related_suggestions SET choice = ${choice}, chosen_ref = ${chosenRef}::uuid, chosen_at = ${at}
      WHERE community_id = ${communityId}::uuid AND id = ${id}::uuid AND member_id = ${memberId}::uuid AND choice IS NULL`;
    return n > 0;
  }

  async settleThreadLinks(communityId: string, threadId: string, creditedRef: string | null, at: Date): Promise<void> {
    await this.db.$executeRaw`
      UPDATE related_suggestions SET chosen_at = ${at},
        choice = CASE WHEN ${creditedRef}::uuid IS NOT NULL AND items @> jsonb_build_array(jsonb_build_object('id', ${creditedRef}::text)) THEN 'yes' ELSE 'no' END,
        chosen_ref = CASE WHEN ${creditedRef}::uuid IS NOT NULL AND items @> jsonb_build_array(jsonb_build_object('id', ${creditedRef}::text)) THEN ${creditedRef}::uuid END
      WHERE community_id = ${communityId}::uuid AND thread_id = ${threadId}::uuid AND tier = 'thread' AND choice IS NULL`;
  }

  async choices(communityId: string, limit: number): Promise<{ choices: number; examples: ChoiceExample[] }> {
    const rows = await this.db.$queryRaw<{ items: unknown; choice: string; chosen_ref: string | null }[]>`
      SELECT items, choice, chosen_ref FROM related_suggestions WHERE community_id = ${communityId}::uuid AND choice IS NOT NULL
      ORDER BY chosen_at DESC LIMIT ${limit}`;
    const examples = rows.flatMap((r) => ((typeof r.items === "string" ? JSON.parse(r.items) : r.items) as ShownSuggestion["items"])
      .map((it) => ({ p: Number(it.p), yes: r.choice === "yes" && it.id === r.chosen_ref })));
    return { choices: rows.length, examples };
  }

  async suggestionCounts(communityId: string, from: Date, to: Date): Promise<{ shown: number; accepted: number; passed: number }> {
    const [r] = await this.db.$queryRaw<{ shown: number; accepted: number; passed: number }[]>`
      SELECT count(*)::int AS shown, count(*) FILTER (WHERE choice = 'yes')::int AS accepted, count(*) FILTER (WHERE choice = 'no')::int AS passed
      FROM related_suggestions WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND created_at < ${to}`;
    return { shown: Number(r?.shown ?? 0), accepted: Number(r?.accepted ?? 0), passed: Number(r?.passed ?? 0) };
  }
}
