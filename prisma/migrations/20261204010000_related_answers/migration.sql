-- Related answers (issue 24): an index of resolved questions' and resources' terms, with each term's
-- rarity, and members' reuses of earlier answers.
-- CreateTable
CREATE TABLE "related_terms" (
    "community_id" UUID NOT NULL,
    "ref_kind" TEXT NOT NULL,
    "ref_id" UUID NOT NULL,
    "term" TEXT NOT NULL,

    CONSTRAINT "related_terms_pkey" PRIMARY KEY ("community_id","term","ref_kind","ref_id")
);

-- CreateTable
CREATE TABLE "related_term_counts" (
    "community_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "items" INTEGER NOT NULL,

    CONSTRAINT "related_term_counts_pkey" PRIMARY KEY ("community_id","term")
);

-- CreateTable
CREATE TABLE "related_indexed" (
    "community_id" UUID NOT NULL,
    "ref_kind" TEXT NOT NULL,
    "ref_id" UUID NOT NULL,
    "indexed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "related_indexed_pkey" PRIMARY KEY ("community_id","ref_kind","ref_id")
);

-- CreateTable
CREATE TABLE "answer_reuses" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "thread_id" UUID,
    "resource_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_reuses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "related_terms_ref_id_idx" ON "related_terms"("ref_id");

-- CreateIndex
CREATE INDEX "answer_reuses_community_id_created_at_idx" ON "answer_reuses"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "answer_reuses_thread_id_idx" ON "answer_reuses"("thread_id");

-- AddForeignKey
ALTER TABLE "related_terms" ADD CONSTRAINT "related_terms_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "related_term_counts" ADD CONSTRAINT "related_term_counts_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "related_indexed" ADD CONSTRAINT "related_indexed_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_reuses" ADD CONSTRAINT "answer_reuses_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

