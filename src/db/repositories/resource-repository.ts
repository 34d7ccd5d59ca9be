import type { NewResource, Resource, ResourceHit, ResourceRepository, SearchQuery } from "../../core/resources/resource-types";
import { Prisma } from "../generated/client.ts";
import type { Db } from "../db-types";

const MAX_WORDS = 8;

/** Words of a free-text query as a prefix tsquery ("safety plan" → "safety:* & plan:*"); null when none. */
export const toPrefixQuery = (text: string): string | null => {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
};

/**
 * The query's words as one tsquery text, built by the database once and then sent as a constant, so
 * the planner sees the words; null when none. Each word matches as its english stem or as typed
 * (simple: "tty" finds a URL's "tty", which the stemmer turns into "tti"), and every word must match.
 * Where the stem is a prefix of the word ("hous" of "housing"), the stem's prefix match already finds
 * the word, so only the stem is searched: half the index scans for most words.
 */
export const searchTsQuery = async (db: Db, text: string): Promise<{ match: string; rank: string } | null> => {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (!words.length) return null;
  const forms = await wordForms(db, words);
  const lexeme = (q: string) => /^'(.*)':\*$/.exec(q)?.[1];
  // Stop words ("the", "for") have no english form: they are left out, unless the query is nothing else.
  const meaningful = forms.some((f) => f.e) ? forms.filter((f) => f.e) : forms;
  const terms = meaningful.flatMap(({ e, s }) => {
    if (!e) return s ? [s] : [];
    const stem = lexeme(e), typed = lexeme(s);
    return [stem !== undefined && typed !== undefined && typed.startsWith(stem) ? e : `( ${e} | ${s} )`];
  });
  // Ranking keeps the query it always had: every english stem AND, or every word as typed AND
  // (to_tsquery('english', q) || to_tsquery('simple', q)), so the order of answers is unchanged.
  const english = forms.filter((f) => f.e).map((f) => f.e);
  const simple = forms.filter((f) => f.s).map((f) => f.s);
  const rank = [english, simple].filter((x) => x.length).map((x) => `( ${x.join(" & ")} )`).join(" | ");
  return terms.length && rank ? { match: terms.join(" & "), rank } : null;
};

/**
 * Each word's prefix tsquery as an english stem and as typed, asked of the database (its dictionaries
 * decide) once per word and then remembered: most searches repeat words, and a search then costs one
 * statement instead of two.
 */
const FORMS_CACHE = new Map<string, { e: string; s: string }>();
const FORMS_CACHE_MAX = 5_000;
const wordForms = async (db: Db, words: string[]): Promise<{ e: string; s: string }[]> => {
  const missing = [...new Set(words.filter((w) => !FORMS_CACHE.has(w)))];
  if (missing.length) {
    const rows = await db.$queryRaw<{ w: string; e: string; s: string }[]>`
      SELECT w, to_tsquery('english', w || ':*')::text AS e, to_tsquery('simple', w || ':*')::text AS s FROM unnest(${missing}::text[]) AS t(w)`;
    for (const r of rows) {
      if (FORMS_CACHE.size >= FORMS_CACHE_MAX) FORMS_CACHE.delete(FORMS_CACHE.keys().next().value!);
      FORMS_CACHE.set(r.w, { e: r.e, s: r.s });
    }
  }
  return words.map((w) => FORMS_CACHE.get(w) ?? { e: "", s: "" });
};

export class PrismaResourceRepository implements ResourceRepository {
  constructor(private readonly db: Db) {}

  async popularTags(communityId: string, limit: number): Promise<string[]> {
    // Bounded reads: the newest 500 resources and questions (by their created_at indexes), and follows.
    const rows = await this.db.$queryRaw<{ tag: string }[]>`
      SELECT tag FROM (
        SELECT unnest(tags) AS tag FROM (SELECT tags FROM resources WHERE community_id = ${communityId}::uuid ORDER BY created_at DESC LIMIT 500) r
        UNION ALL SELECT unnest(tags) FROM (SELECT tags FROM threads WHERE community_id = ${communityId}::uuid ORDER BY created_at DESC LIMIT 500) t
        UNION ALL SELECT tag FROM subscriptions WHERE community_id = ${communityId}::uuid
      ) x GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${limit}`;
    return rows.map((r) => r.tag);
  }

  findByUrl(communityId: string, url: string): Promise<Resource | null> {
    return this.db.resource.findUnique({ where: { communityId_url: { communityId, url } } });
  }

  get(communityId: string, id: string): Promise<Resource | null> {
    return this.db.resource.findFirst({ where: { communityId, id } });
  }

  create(input: NewResource): Promise<Resource> {
    return this.db.resource.create({ data: input });
  }

  async recordReshare(communityId: string, id: string, tags: string[]): Promise<Resource> {
    // One statement, so concurrent re-shares neither lose a count nor a tag.
    await this.db.$executeRaw`
      UPDATE resources SET reshare_count = reshare_count + 1,
        tags = ARRAY(SELECT DISTINCT t FROM unnest(tags || ${tags}::text[]) AS t ORDER BY t)
      WHERE community_id = ${communityId}::uuid AND id = ${id}::uuid`;
    return (await this.get(communityId, id))!;
  }

  async attachPost(communityId: string, id: string, channelId: string, messageRef: string): Promise<void> {
    await this.db.resource.updateMany({ where: { communityId, id }, data: { channelId, messageRef } });
  }

  async endorse(communityId: string, id: string, memberId: string, at: Date): Promise<boolean> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO endorsements (resource_id, member_id, created_at)
      SELECT r.id, ${memberId}::uuid, ${at} FROM resources r WHERE r.community_id = ${communityId}::uuid AND r.id = ${id}::uuid
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return false;
    await this.db.resource.updateMany({ where: { communityId, id }, data: { endorsementCount: { increment: 1 } } });
    return true;
  }

  async mergeFromSource(communityId: string, id: string, sourceId: string, tags: string[]): Promise<void> {
    await this.db.$executeRaw`
      UPDATE resources SET source_id = coalesce(source_id, ${sourceId}::uuid),
        tags = ARRAY(SELECT DISTINCT t FROM unnest(tags || ${tags}::text[]) AS t ORDER BY t)
      WHERE community_id = ${communityId}::uuid AND id = ${id}::uuid`;
  }

  async moveUrl(communityId: string, id: string, url: string, originalUrl: string): Promise<boolean> {
    const n = await this.db.$executeRaw`
      UPDATE resources SET url = ${url}, original_url = ${originalUrl}, link_status = 'ok', link_failures = 0, broken_at = NULL
      WHERE community_id = ${communityId}::uuid AND id = ${id}::uuid AND url <> ${url}
        AND NOT EXISTS (SELECT 1 FROM resources o WHERE o.community_id = ${communityId}::uuid AND o.url = ${url})`;
    return n === 1;
  }

  async setPreview(communityId: string, id: string, p: { title: string | null; description: string | null; siteName: string | null }, at: Date): Promise<Resource | null> {
    // One statement: a title already known (imported, from a feed) is kept; the preview fills the gaps.
    await this.db.$executeRaw`
      UPDATE resources SET title = coalesce(title, ${p.title}), description = coalesce(description, ${p.description}),
        site_name = coalesce(site_name, ${p.siteName}), preview_at = ${at}
      WHERE community_id = ${communityId}::uuid AND id = ${id}::uuid`;
    return this.get(communityId, id);
  }

  async removeUnposted(communityId: string, id: string): Promise<boolean> {
    return (await this.db.resource.deleteMany({ where: { communityId, id, messageRef: null } })).count === 1;
  }

  /**
   * Full-text search over title, tags, note and the URL's words, ranked by text relevance, then
   * lifted by endorsements and faded by age. With no words it lists the best and newest. Words are
   * matched stemmed (english: "ethics" finds "ethical") or as typed (simple: "tty" finds a URL's
   * "tty", which the english stemmer would turn into "tti").
   */
  async search(communityId: string, q: SearchQuery): Promise<ResourceHit[]> {
    const CANDIDATES = 500;
    const tsq = await searchTsQuery(this.db, q.text);
    const tagFilter = q.tags.length ? Prisma.sql`AND r.tags @> ${q.tags}::text[]` : Prisma.empty;
    // One tsquery for both forms, so the GIN index serves it in one condition; the planner picks the GIN
    // index or the recency index by how common the words are, and no row parses it again.
    const query = Prisma.sql`${tsq?.match ?? ""}::tsquery`;
    const rankQuery = Prisma.sql`${tsq?.rank ?? ""}::tsquery`;
    const boost = Prisma.sql`(1 + ln(1 + r.endorsement_count)) / (1 + extract(epoch FROM (${q.now}::timestamptz - r.created_at)) / 2592000.0)`;
    // Rank a capped candidate set: the newest CANDIDATES (500) matches. A rare word has fewer matches than
    // that, so its answers are exactly the full ranking's; a common word (10% of a large library) no
    // longer reads and scores every match, only the newest ones, which the recency boost favours anyway.
    // Then look up only the winners' sharers (by primary key).
    // One pass: the candidates carry what ranking and the answer need (no second visit by primary key).
    const rows = await this.db.$queryRaw<RawHit[]>`
      SELECT c.id, c.community_id, c.url, c.original_url, c.title, c.note, c.tags, c.sharer_id, c.channel_id, c.message_ref,
             c.reshare_count, c.endorsement_count, c.created_at, c.description, c.site_name, c.link_status, m.display_name AS sharer_name
      FROM (
        SELECT r.*, ${tsq ? Prisma.sql`ts_rank(r.search, ${rankQuery}) * ${boost}` : boost} * ${BROKEN_PENALTY} AS score
        FROM (
          SELECT r.id, r.community_id, r.url, r.original_url, r.title, r.note, r.tags, r.sharer_id, r.channel_id, r.message_ref,
                 r.reshare_count, r.endorsement_count, r.created_at, r.description, r.site_name, r.link_status, r.search
          FROM resources r
          WHERE r.community_id = ${communityId}::uuid ${tagFilter}
            ${tsq ? Prisma.sql`AND r.search @@ ${query}` : Prisma.empty}
          ORDER BY r.created_at DESC
          LIMIT ${CANDIDATES}) r
        ORDER BY score DESC, r.created_at DESC
        LIMIT ${q.limit}) c
      JOIN members m ON m.id = c.sharer_id
      ORDER BY c.score DESC, c.created_at DESC`;
    return rows.map(fromRaw);
  }
}

/** A link that failed two checks in a row still shows, below the ones that work. */
const BROKEN_PENALTY = Prisma.sql`(CASE WHEN r.link_status = 'broken' THEN 0.2 ELSE 1 END)`;

export interface RawHit {
  id: string; community_id: string; url: string; original_url: string; title: string | null; note: string | null; tags: string[];
  sharer_id: string; channel_id: string | null; message_ref: string | null; reshare_count: number; endorsement_count: number;
  created_at: Date; sharer_name: string; description?: string | null; site_name?: string | null; link_status?: string;
}

export const fromRaw = (r: RawHit): ResourceHit => ({
  id: r.id, communityId: r.community_id, url: r.url, originalUrl: r.original_url, title: r.title, note: r.note, tags: r.tags,
  sharerId: r.sharer_id, channelId: r.channel_id, messageRef: r.message_ref, reshareCount: Number(r.reshare_count),
  endorsementCount: Number(r.endorsement_count), createdAt: new Date(r.created_at), sharerName: r.sharer_name,
  description: r.description ?? null, siteName: r.site_name ?? null, linkStatus: r.link_status ?? "ok",
});
