-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('slack', 'discord', 'shell');

-- CreateEnum
CREATE TYPE "NotifyFrequency" AS ENUM ('instant', 'daily', 'weekly', 'off');

-- CreateEnum
CREATE TYPE "ThreadKind" AS ENUM ('question', 'feedback');

-- CreateEnum
CREATE TYPE "ThreadStatus" AS ENUM ('open', 'resolved');

-- CreateEnum
CREATE TYPE "ThreadOutcome" AS ENUM ('resolved', 'partly', 'still_open');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'failed');

-- Full-text document of a resource: title and tags weigh most, then the note, then the URL's words.
-- A trigger keeps resources.search current (a generated column would be read by Prisma as a
-- default and "fixed" by the next migrate dev).
CREATE FUNCTION peerloop_resource_document(title text, note text, url text, tags text[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(array_to_string(tags, ' '), '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(note, '')), 'B')
      || setweight(to_tsvector('simple'::regconfig, regexp_replace(coalesce(url, ''), '[^[:alnum:]]+', ' ', 'g')), 'C')
$$;

-- CreateTable
CREATE TABLE "communities" (
    "id" UUID NOT NULL,
    "platform" "Platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "roundup_channel" TEXT,
    "roundup_day" INTEGER NOT NULL DEFAULT 1,
    "roundup_hour" INTEGER NOT NULL DEFAULT 9,
    "unanswered_hours" INTEGER NOT NULL DEFAULT 24,
    "allow_post_anyway" BOOLEAN NOT NULL DEFAULT true,
    "notify_moderators" BOOLEAN NOT NULL DEFAULT false,
    "moderator_channel" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "communities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "notify" "NotifyFrequency" NOT NULL DEFAULT 'instant',
    "time_zone" TEXT,
    "quiet_start" INTEGER,
    "quiet_end" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resources" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "original_url" TEXT NOT NULL,
    "title" TEXT,
    "note" TEXT,
    "tags" TEXT[],
    "sharer_id" UUID NOT NULL,
    "channel_id" TEXT,
    "message_ref" TEXT,
    "reshare_count" INTEGER NOT NULL DEFAULT 0,
    "endorsement_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "search" tsvector,

    CONSTRAINT "resources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "endorsements" (
    "resource_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "endorsements_pkey" PRIMARY KEY ("resource_id","member_id")
);

-- CreateTable
CREATE TABLE "tags" (
    "community_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("community_id","name")
);

-- CreateTable
CREATE TABLE "threads" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "kind" "ThreadKind" NOT NULL,
    "text" TEXT NOT NULL,
    "tags" TEXT[],
    "asker_id" UUID NOT NULL,
    "status" "ThreadStatus" NOT NULL DEFAULT 'open',
    "outcome" "ThreadOutcome",
    "outcome_note" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "channel_id" TEXT,
    "message_ref" TEXT,
    "thread_ref" TEXT,
    "reply_count" INTEGER NOT NULL DEFAULT 0,
    "first_reply_at" TIMESTAMPTZ(3),
    "surface_count" INTEGER NOT NULL DEFAULT 0,
    "last_surfaced_at" TIMESTAMPTZ(3),
    "nudged_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "threads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "thread_helpers" (
    "thread_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,

    CONSTRAINT "thread_helpers_pkey" PRIMARY KEY ("thread_id","member_id")
);

-- CreateTable
CREATE TABLE "thread_surfacings" (
    "thread_id" UUID NOT NULL,
    "step" INTEGER NOT NULL,
    "surfaced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "thread_surfacings_pkey" PRIMARY KEY ("thread_id","step")
);

-- CreateTable
CREATE TABLE "replies" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "platform_message_id" TEXT NOT NULL,
    "channel_id" TEXT,
    "text" TEXT,
    "is_follow_up" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "replies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("member_id","tag")
);

-- CreateTable
CREATE TABLE "digest_items" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "ref_id" UUID NOT NULL,
    "summary" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "digest_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL,
    "job" TEXT NOT NULL,
    "community_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "summary" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "audience" JSONB NOT NULL,
    "message" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "message_ref" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "communities_platform_external_id_key" ON "communities"("platform", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_community_id_external_id_key" ON "members"("community_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_community_id_id_key" ON "members"("community_id", "id");

-- CreateIndex
CREATE INDEX "resources_community_id_created_at_idx" ON "resources"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "resources_search_idx" ON "resources" USING GIN ("search");

-- CreateIndex
CREATE INDEX "resources_tags_idx" ON "resources" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "resources_community_id_url_key" ON "resources"("community_id", "url");

-- CreateIndex
CREATE INDEX "endorsements_member_id_idx" ON "endorsements"("member_id");

-- CreateIndex
CREATE INDEX "threads_community_id_status_reply_count_created_at_idx" ON "threads"("community_id", "status", "reply_count", "created_at");

-- CreateIndex
CREATE INDEX "threads_community_id_created_at_idx" ON "threads"("community_id", "created_at");

-- CreateIndex
CREATE INDEX "threads_community_id_resolved_at_idx" ON "threads"("community_id", "resolved_at");

-- CreateIndex
CREATE INDEX "threads_tags_idx" ON "threads" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "threads_community_id_thread_ref_key" ON "threads"("community_id", "thread_ref");

-- CreateIndex
CREATE INDEX "thread_helpers_member_id_idx" ON "thread_helpers"("member_id");

-- CreateIndex
CREATE INDEX "replies_thread_id_created_at_idx" ON "replies"("thread_id", "created_at");

-- CreateIndex
CREATE INDEX "replies_community_id_created_at_idx" ON "replies"("community_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "replies_community_id_platform_message_id_key" ON "replies"("community_id", "platform_message_id");

-- CreateIndex
CREATE INDEX "subscriptions_community_id_tag_idx" ON "subscriptions"("community_id", "tag");

-- CreateIndex
CREATE INDEX "digest_items_member_id_sent_at_idx" ON "digest_items"("member_id", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "digest_items_member_id_kind_ref_id_key" ON "digest_items"("member_id", "kind", "ref_id");

-- CreateIndex
CREATE UNIQUE INDEX "job_runs_job_community_id_period_key" ON "job_runs"("job", "community_id", "period");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_dedupe_key_key" ON "outbox_messages"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_messages_status_next_attempt_at_idx" ON "outbox_messages"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_messages_community_id_status_idx" ON "outbox_messages"("community_id", "status");

-- CreateIndex
CREATE INDEX "processed_events_processed_at_idx" ON "processed_events"("processed_at");

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_community_id_sharer_id_fkey" FOREIGN KEY ("community_id", "sharer_id") REFERENCES "members"("community_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "threads" ADD CONSTRAINT "threads_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "threads" ADD CONSTRAINT "threads_community_id_asker_id_fkey" FOREIGN KEY ("community_id", "asker_id") REFERENCES "members"("community_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_helpers" ADD CONSTRAINT "thread_helpers_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_helpers" ADD CONSTRAINT "thread_helpers_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thread_surfacings" ADD CONSTRAINT "thread_surfacings_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "replies" ADD CONSTRAINT "replies_community_id_author_id_fkey" FOREIGN KEY ("community_id", "author_id") REFERENCES "members"("community_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_items" ADD CONSTRAINT "digest_items_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_items" ADD CONSTRAINT "digest_items_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keep the full-text document current whatever writes the row.
CREATE FUNCTION peerloop_resources_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := peerloop_resource_document(NEW.title, NEW.note, NEW.url, NEW.tags);
  RETURN NEW;
END
$$;

CREATE TRIGGER resources_search_refresh BEFORE INSERT OR UPDATE OF title, note, url, tags ON "resources"
  FOR EACH ROW EXECUTE FUNCTION peerloop_resources_search_trigger();
