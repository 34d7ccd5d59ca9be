import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { composeRoundup } from "../../core/roundups/compose-roundup";
import { PrismaClient } from "../generated/client.ts";
import { PrismaCommunityRepository } from "../repositories/community-repository";
import { PrismaFollowupRepository } from "../repositories/followup-repository";
import { PrismaResourceRepository, toPrefixQuery } from "../repositories/resource-repository";
import { PrismaRoundupRepository } from "../repositories/roundup-repository";
import { PrismaSubscriptionRepository } from "../repositories/subscription-repository";

const BIG_TABLES = ["resources", "threads", "replies", "members", "subscriptions", "endorsements", "digest_items"];
const QUERIES = ["safety", "ethics supervision", "w17", "w2301", "guide w99", "trauma housing", "w4000 w12", "documentation", "youth", "grief w7"];

export interface QueryFigure {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  target: string;
  plans: { sql: string; seqScans: string[]; indexes: string[] }[];
}

/**
 * Times the queries the bot runs against the seeded big community through the real repositories,
 * and EXPLAINs every SQL statement they sent (captured from Prisma's query log): each must use an
 * index and never scan a big table sequentially.
 */
/** Per query: how many matches, and how many of the full ranking's top 10 the capped search returns. */
export let searchAgreement: { query: string; matches: number; shared: number; identical: boolean }[] = [];

/**
 * The capped search (rank only the newest 500 matches) against the full ranking of every match, the
 * query the bot ran before: identical for rare words, the overlap for common ones.
 */
const compareWithFullRanking = async (pool: pg.Pool, resources: PrismaResourceRepository, communityId: string, now: Date) => {
  const out: typeof searchAgreement = [];
  for (const text of QUERIES) {
    const tsq = toPrefixQuery(text)!;
    const full = await pool.query<{ id: string }>(
      `SELECT r.id FROM resources r WHERE r.community_id = $1::uuid AND r.search @@ (to_tsquery('english', $2) || to_tsquery('simple', $2))
       ORDER BY ts_rank(r.search, (to_tsquery('english', $2) || to_tsquery('simple', $2)))
         * (1 + ln(1 + r.endorsement_count)) / (1 + extract(epoch FROM ($3::timestamptz - r.created_at)) / 2592000.0) DESC, r.created_at DESC LIMIT 10`,
      [communityId, tsq, now]);
    const count = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM resources r WHERE r.community_id = $1::uuid AND r.search @@ (to_tsquery('english', $2) || to_tsquery('simple', $2))`, [communityId, tsq]);
    const capped = await resources.search(communityId, { text, tags: [], limit: 10, now });
    const ids = capped.map((h) => h.id);
    const fullIds = full.rows.map((r) => r.id);
    out.push({ query: text, matches: Number(count.rows[0]!.n), shared: fullIds.filter((id) => ids.includes(id)).length, identical: JSON.stringify(ids) === JSON.stringify(fullIds) });
  }
  return out;
};

export const benchScale = async (url: string, communityId: string, deadline: number): Promise<QueryFigure[]> => {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ level: "query", emit: "event" }] });
  let captured: { query: string; params: string }[] = [];
  prisma.$on("query" as never, (e: { query: string; params: string }) => void captured.push({ query: e.query, params: e.params }));
  const figures: QueryFigure[] = [];
  const community = (await new PrismaCommunityRepository(prisma).get(communityId))!;
  const now = new Date();

  const time = async (name: string, target: string, runs: number, work: (i: number) => Promise<unknown>) => {
    captured = [];
    await work(0); // warm-up, and the statements to explain
    const statements = [...captured];
    const times: number[] = [];
    for (let i = 0; i < runs && Date.now() < deadline; i++) {
      const t = performance.now();
      await work(i);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? NaN;
    const plans = [];
    for (const s of dedupe(statements)) plans.push(await explain(pool, s.query, s.params));
    figures.push({ name, runs: times.length, p50: q(0.5), p95: q(0.95), target, plans });
  };

  const resources = new PrismaResourceRepository(prisma);
  await time("/resources search (rotating queries)", "p95 <= 20 ms", 200, (i) =>
    resources.search(communityId, { text: QUERIES[i % QUERIES.length]!, tags: i % 5 === 4 ? ["t3"] : [], limit: 10, now }));
  searchAgreement = await compareWithFullRanking(pool, resources, communityId, now);
  const followups = new PrismaFollowupRepository(prisma);
  await time("unanswered selection (big community)", "<= 50 ms", 30, () => followups.unanswered(communityId, new Date(now.getTime() - 86_400_000), 2, 500));
  await time("asker nudge selection", "<= 50 ms", 30, () => followups.needingNudge(communityId, new Date(now.getTime() - 3 * 86_400_000), 500));
  await time("roundup composition (7 days)", "<= 300 ms", 20, () => composeRoundup(new PrismaRoundupRepository(prisma), community, now));
  await time("follower fan-out (popular tag t1)", "—", 20, () => new PrismaSubscriptionRepository(prisma).followersOf(communityId, ["t1"]));

  await prisma.$disconnect();
  await pool.end();
  return figures;
};

const dedupe = (list: { query: string; params: string }[]) => [...new Map(list.map((s) => [s.query, s])).values()];

const explain = async (pool: pg.Pool, sql: string, params: string) => {
  const values = (JSON.parse(params || "[]") as unknown[]).map((v) => (Array.isArray(v) ? v : v));
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${sql}`, values);
  const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
  const seqScans = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!).filter((t) => BIG_TABLES.includes(t));
  const indexes = [...new Set([...plan.matchAll(/(?:Index|Index Only|Bitmap Index) Scan (?:Backward )?(?:using|on) (\w+)/g)].map((m) => m[1]!))];
  return { sql: sql.replace(/\s+/g, " ").slice(0, 120), seqScans, indexes };
};
