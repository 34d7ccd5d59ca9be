import pg from "pg";

export interface ScaleSize {
  resources: number;
  threads: number;
  replies: number;
  members: number;
  otherCommunities: number;
}

export const FULL_SCALE: ScaleSize = { resources: 200_000, threads: 300_000, replies: 1_500_000, members: 20_000, otherCommunities: 100 };

const VOCAB = 5_000;

/**
 * Seeds one big community and many small ones with server-side batches (INSERT … SELECT over
 * generate_series): no rows cross the wire, so 2 million rows take about a minute. Returns the
 * big community's id. Text is built from a synthetic vocabulary of 5,000 words plus a few real
 * ones, so a search term matches a realistic share of resources.
 */
export const seedScale = async (url: string, size: ScaleSize, log: (line: string) => void): Promise<string> => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const step = async (what: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const r = await c.query(sql, params);
    log(`  seeded ${what}: ${r.rowCount ?? 0} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    await c.query("SET synchronous_commit = off");
    const big = (await c.query<{ id: string }>(`INSERT INTO communities (id, platform, external_id, name) VALUES (gen_random_uuid(), 'slack', 'TBIG', 'Big community') RETURNING id`)).rows[0]!.id;
    await step("other communities", `INSERT INTO communities (id, platform, external_id, name) SELECT gen_random_uuid(), 'discord', 'G' || g, 'Community ' || g FROM generate_series(1, $1) g`, [size.otherCommunities]);
    const words = (n: number) => `(SELECT string_agg(CASE WHEN random() < 0.05 THEN (ARRAY['safety','ethics','supervision','trauma','housing','youth','grief','documentation'])[1 + floor(random()*8)::int] ELSE 'w' || floor(random()*${VOCAB})::int END, ' ') FROM generate_series(1, ${n}) WHERE g IS NOT NULL)`;
    const tags = `(SELECT array_agg(DISTINCT 't' || floor(random()*60)::int) FROM generate_series(1, 1 + floor(random()*3)::int) WHERE g IS NOT NULL)`;

    // Members: the big community's, then 50 in each small one.
    await step("members", `INSERT INTO members (id, community_id, external_id, display_name, notify) SELECT gen_random_uuid(), $1, 'U' || g, 'Member ' || g, (ARRAY['instant','daily','weekly','off'])[1 + g % 4]::"NotifyFrequency" FROM generate_series(1, $2) g`, [big, size.members]);
    await step("members elsewhere", `INSERT INTO members (id, community_id, external_id, display_name) SELECT gen_random_uuid(), c.id, 'U' || g, 'Member ' || g FROM communities c, generate_series(1, 50) g WHERE c.id <> $1`, [big]);

    await c.query(`CREATE TEMP TABLE big_members AS SELECT row_number() OVER () AS n, id FROM members WHERE community_id = $1`, [big]);
    await c.query(`CREATE INDEX ON big_members (n)`);
    const pick = `(SELECT id FROM big_members WHERE n = 1 + (g::bigint * 7919) % ${size.members})`;

    await step("resources", `INSERT INTO resources (id, community_id, url, original_url, title, note, tags, sharer_id, channel_id, message_ref, reshare_count, endorsement_count, created_at)
      SELECT gen_random_uuid(), $1, 'https://r.example.org/' || g, 'https://r.example.org/' || g, 'Guide ' || ${words(4)}, ${words(12)}, ${tags}, ${pick},
             'C' || (g % 40), 'm' || g, 0, floor(random()*5)::int, now() - (random() * interval '730 days')
      FROM generate_series(1, $2) g`, [big, size.resources]);
    await step("resources elsewhere", `INSERT INTO resources (id, community_id, url, original_url, title, note, tags, sharer_id, created_at)
      SELECT gen_random_uuid(), m.community_id, 'https://o.example.org/' || g || '/' || m.id, 'x', 'Other ' || g, 'note', ARRAY['t1'], m.id, now() - (random() * interval '365 days')
      FROM members m, generate_series(1, 10) g WHERE m.community_id <> $1`, [big]);

    await step("threads", `INSERT INTO threads (id, community_id, kind, text, tags, asker_id, status, outcome, resolved_at, channel_id, message_ref, thread_ref, reply_count, first_reply_at, surface_count, created_at)
      SELECT gen_random_uuid(), $1, 'question', 'How do I ' || ${words(10)} || '?', ${tags}, ${pick},
             CASE WHEN g % 10 < 7 THEN 'resolved'::"ThreadStatus" ELSE 'open'::"ThreadStatus" END,
             CASE WHEN g % 10 < 7 THEN 'resolved'::"ThreadOutcome" END, CASE WHEN g % 10 < 7 THEN t.at + interval '2 days' END,
             'C' || (g % 40), 'q' || g, 'q' || g, 0, NULL, 0, t.at
      FROM generate_series(1, $2) g, LATERAL (SELECT now() - (random() * interval '730 days') AS at WHERE g IS NOT NULL) t`, [big, size.threads]);
    await step("threads elsewhere", `INSERT INTO threads (id, community_id, kind, text, tags, asker_id, channel_id, created_at)
      SELECT gen_random_uuid(), m.community_id, 'question', 'Other question ' || g, ARRAY['t1'], m.id, 'C1', now() - (random() * interval '30 days')
      FROM members m, generate_series(1, 10) g WHERE m.community_id <> $1`, [big]);

    await c.query(`CREATE TEMP TABLE big_threads AS SELECT row_number() OVER () AS n, id, created_at FROM threads WHERE community_id = $1`, [big]);
    await c.query(`CREATE INDEX ON big_threads (n)`);
    // Replies land on 80% of threads (the rest stay unanswered), five on average.
    await step("replies", `INSERT INTO replies (id, community_id, thread_id, author_id, platform_message_id, channel_id, text, is_follow_up, created_at)
      SELECT gen_random_uuid(), $1, t.id, ${pick}, 'p' || g, 'C1', 'reply ' || g, g % 9 = 0, t.created_at + (random() * interval '3 days')
      FROM generate_series(1, $2) g JOIN big_threads t ON t.n = 1 + ((g::bigint * 104729) % ($3 * 4 / 5))`, [big, size.replies, size.threads]);
    await step("reply counts", `UPDATE threads t SET reply_count = r.n, first_reply_at = r.first FROM (
        SELECT thread_id, count(*) FILTER (WHERE NOT is_follow_up) AS n, min(created_at) AS first FROM replies WHERE community_id = $1 GROUP BY thread_id) r
      WHERE t.id = r.thread_id`, [big]);
    await step("subscriptions", `INSERT INTO subscriptions (community_id, member_id, tag) SELECT $1::uuid, id, 't1' FROM big_members WHERE n % 4 = 0
      UNION ALL SELECT $1::uuid, id, 't' || (2 + n % 50) FROM big_members`, [big]);
    await step("endorsements", `INSERT INTO endorsements (resource_id, member_id) SELECT r.id, ${pick.replace(/\bg\b/g, "r.k")} FROM (SELECT id, row_number() OVER () AS k FROM resources WHERE community_id = $1 LIMIT 50000) r ON CONFLICT DO NOTHING`, [big]);
    // VACUUM as well: a bulk load leaves the visibility map unset, which autovacuum fixes on a live database.
    await step("vacuum and analyze", "VACUUM (ANALYZE)");
    return big;
  } finally {
    await c.end();
  }
};
