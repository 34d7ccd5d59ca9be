-- Related answers shown and the choices members made (issue 35).
CREATE TABLE "related_suggestions" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "tier" TEXT NOT NULL,
    "thread_id" UUID,
    "items" JSONB NOT NULL,
    "choice" TEXT,
    "chosen_ref" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "chosen_at" TIMESTAMPTZ(3),

    CONSTRAINT "related_suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "related_suggestions_community_id_created_at_idx" ON "related_suggestions"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "related_suggestions_thread_id_idx" ON "related_suggestions"("thread_id");

-- AddForeignKey
ALTER TABLE "related_suggestions" ADD CONSTRAINT "related_suggestions_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
