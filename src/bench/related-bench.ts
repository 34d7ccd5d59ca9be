import pg from "pg";
import { RelatedModel } from "../core/related/related-model";
import { RelatedService } from "../core/related/related-service";
import { silentLogger } from "../core/shared/logger";
import { systemClock } from "../core/shared/clock";
import { bundledClusters } from "../core/text-model/data/bundled-clusters";
import { bundledVectors } from "../core/text-model/data/bundled-vectors";
import { SeededRandom } from "../core/text-model/seeded-random";
import { openDatabase } from "../db/open-database";
import { prismaStore } from "../db/prisma-store";
import model from "../core/related/data/related-model.json" with { type: "json" };
import { ms } from "./stats";

/**
 * The related-answers lookup at the big community (issue 24: p95 <= 30 ms at 300,000 questions).
 * The seeded questions use a synthetic vocabulary, so their index terms are built in SQL from their
 * words (what the service would index for them: the words, no field concepts), the resolved questions
 * and the resources both; then `find` runs through the real service and repository.
 */
export const benchRelated = async (url: string, big: string, runs: number, say: (line: string) => void): Promise<void> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = Date.now();
  try {
    await c.query("SET synchronous_commit = off");
    await c.query(`INSERT INTO related_terms (community_id, ref_kind, ref_id, term)
      SELECT DISTINCT t.community_id, 'thread', t.id, w FROM threads t, unnest(string_to_array(lower(regexp_replace(t.text, '[^[:alnum:] ]', '', 'g')), ' ')) w
      WHERE t.community_id = $1 AND t.status = 'resolved' AND length(w) > 2 AND w NOT IN ('how', 'the', 'and')`, [big]);
    await c.query(`INSERT INTO related_terms (community_id, ref_kind, ref_id, term)
      SELECT DISTINCT r.community_id, 'resource', r.id, w FROM resources r, unnest(string_to_array(lower(r.title || ' ' || coalesce(r.note, '')), ' ')) w
      WHERE r.community_id = $1 AND length(w) > 2`, [big]);
    await c.query(`INSERT INTO related_indexed (community_id, ref_kind, ref_id, indexed_at) SELECT DISTINCT community_id, ref_kind, ref_id, now() FROM related_terms WHERE community_id = $1`, [big]);
    await c.query(`INSERT INTO related_term_counts (community_id, term, items) SELECT community_id, term, count(*) FROM related_terms WHERE community_id = $1 GROUP BY 1, 2`, [big]);
    // Every indexed item carries the item-count term, as the repository indexes them.
    await c.query(`INSERT INTO related_terms (community_id, ref_kind, ref_id, term) SELECT community_id, ref_kind, ref_id, '*' FROM related_indexed WHERE community_id = $1`, [big]);
    await c.query(`INSERT INTO related_term_counts (community_id, term, items) SELECT community_id, '*', count(*) FROM related_indexed WHERE community_id = $1 GROUP BY 1`, [big]);
    // A bulk load leaves the visibility map unset; autovacuum sets it on a live database soon after
    // (index-only scans need it), so the bench measures the steady state.
    for (const t of ["related_terms", "related_term_counts", "related_indexed"]) await c.query(`VACUUM ANALYZE ${t}`);
    const [{ items, terms }] = (await c.query<{ items: string; terms: string }>(`SELECT (SELECT count(*) FROM related_indexed WHERE community_id = $1) AS items, (SELECT count(*) FROM related_terms WHERE community_id = $1) AS terms`, [big])).rows as [{ items: string; terms: string }];
    say(`Related answers: indexed ${items} items (${terms} terms) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await c.end();
  }
  // Migrations added while the seeding ran are applied too (the scratch database is the bench's own).
  const db = await openDatabase({ url, poolMax: 4, migrate: true });
  try {
    const store = prismaStore(db.prisma);
    const related = new RelatedService({
      repo: store.related!, model: () => RelatedModel.parse(model, "related-model.json"), clusters: bundledClusters, vectors: bundledVectors, clock: systemClock, logger: silentLogger,
    });
    const rng = new SeededRandom(24);
    const word = () => (rng.next() < 0.05 ? ["safety", "ethics", "supervision", "trauma", "housing", "youth", "grief", "documentation"][rng.int(0, 7)]! : `w${rng.int(0, 4_999)}`);
    const question = () => `How do I ${Array.from({ length: rng.int(6, 14) }, word).join(" ")}?`;
    for (let i = 0; i < 5; i++) await related.find(big, question()); // the first statements' planning
    const times: number[] = [];
    let shown = 0;
    for (let i = 0; i < runs; i++) {
      const at = performance.now();
      shown += (await related.find(big, question())).length ? 1 : 0;
      times.push(performance.now() - at);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    say(`Related lookup (find: index, candidates, model), ${runs} questions: p50 ${ms(q(0.5))}, p95 ${ms(q(0.95))}, max ${ms(times.at(-1)!)} (target p95 <= 30 ms); ${shown} showed something`);
  } finally {
    await db.close();
  }
};
