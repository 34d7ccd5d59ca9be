-- Community health (issue 26): per-question facts, daily activity and web opens, kept by the health job; endorsements read by day.

-- CreateTable
CREATE TABLE "health_threads" (
    "thread_id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "tags" TEXT[],
    "asker_id" UUID NOT NULL,
    "first_reply_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "surfaced_at" TIMESTAMPTZ(3),
    "nudged_at" TIMESTAMPTZ(3),
    "helpers" UUID[],
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "health_threads_pkey" PRIMARY KEY ("thread_id")
);

-- CreateTable
CREATE TABLE "health_activity" (
    "community_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "member_id" UUID NOT NULL,
    "posts" INTEGER NOT NULL DEFAULT 0,
    "answers" INTEGER NOT NULL DEFAULT 0,
    "endorsements" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "health_activity_pkey" PRIMARY KEY ("community_id","day","member_id")
);

-- CreateTable
CREATE TABLE "health_web_opens" (
    "community_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "opens" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "health_web_opens_pkey" PRIMARY KEY ("community_id","day")
);

-- CreateTable
CREATE TABLE "health_state" (
    "community_id" UUID NOT NULL,
    "backfilled_at" TIMESTAMPTZ(3) NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "health_state_pkey" PRIMARY KEY ("community_id")
);

-- CreateIndex
CREATE INDEX "health_threads_community_id_created_at_idx" ON "health_threads"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "endorsements_created_at_idx" ON "endorsements"("created_at");

-- AddForeignKey
ALTER TABLE "health_threads" ADD CONSTRAINT "health_threads_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_threads" ADD CONSTRAINT "health_threads_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_activity" ADD CONSTRAINT "health_activity_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_web_opens" ADD CONSTRAINT "health_web_opens_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_state" ADD CONSTRAINT "health_state_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

