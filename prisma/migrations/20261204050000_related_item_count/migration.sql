-- Related answers: every indexed item carries the term '*', so a lookup reads the number of items
-- with its terms' counts instead of counting the index (about 70 ms at 400,000 items).
INSERT INTO "related_terms" ("community_id", "ref_kind", "ref_id", "term")
SELECT "community_id", "ref_kind", "ref_id", '*' FROM "related_indexed"
ON CONFLICT DO NOTHING;

INSERT INTO "related_term_counts" ("community_id", "term", "items")
SELECT "community_id", '*', count(*) FROM "related_indexed" GROUP BY "community_id"
ON CONFLICT ("community_id", "term") DO UPDATE SET "items" = EXCLUDED."items";
