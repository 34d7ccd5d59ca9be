-- Trusted sources (publishers and their feeds), following people, link previews and link health.
-- CreateEnum
CREATE TYPE "SourcesBy" AS ENUM ('admins', 'members');

-- AlterTable
ALTER TABLE "communities" ADD COLUMN     "sources_by" "SourcesBy" NOT NULL DEFAULT 'admins',
ADD COLUMN     "link_previews" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "followable" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "listed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "source_id" UUID;

-- AlterTable
ALTER TABLE "resources" ADD COLUMN     "broken_at" TIMESTAMPTZ(3),
ADD COLUMN     "broken_told_at" TIMESTAMPTZ(3),
ADD COLUMN     "description" TEXT,
ADD COLUMN     "link_checked_at" TIMESTAMPTZ(3),
ADD COLUMN     "link_etag" TEXT,
ADD COLUMN     "link_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "link_last_modified" TEXT,
ADD COLUMN     "link_status" TEXT NOT NULL DEFAULT 'ok',
ADD COLUMN     "preview_at" TIMESTAMPTZ(3),
ADD COLUMN     "site_name" TEXT,
ADD COLUMN     "source_id" UUID;

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "site_url" TEXT NOT NULL,
    "feed_url" TEXT NOT NULL,
    "tags" TEXT[],
    "added_by" UUID NOT NULL,
    "channel_id" TEXT,
    "etag" TEXT,
    "last_modified" TEXT,
    "last_polled_at" TIMESTAMPTZ(3),
    "next_poll_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "polling_until" TIMESTAMPTZ(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "failing_since" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "paused_at" TIMESTAMPTZ(3),
    "posted_day" TEXT,
    "posted_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_items" (
    "source_id" UUID NOT NULL,
    "guid" TEXT NOT NULL,
    "resource_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_items_pkey" PRIMARY KEY ("source_id","guid")
);

-- CreateTable
CREATE TABLE "member_follows" (
    "community_id" UUID NOT NULL,
    "follower_id" UUID NOT NULL,
    "followee_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_follows_pkey" PRIMARY KEY ("follower_id","followee_id")
);

-- CreateTable
CREATE TABLE "source_follows" (
    "member_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_follows_pkey" PRIMARY KEY ("member_id","source_id")
);

-- CreateIndex
CREATE INDEX "sources_next_poll_at_idx" ON "sources"("next_poll_at");

-- CreateIndex
CREATE UNIQUE INDEX "sources_community_id_feed_url_key" ON "sources"("community_id", "feed_url");

-- CreateIndex
CREATE UNIQUE INDEX "sources_community_id_name_key" ON "sources"("community_id", "name");

-- CreateIndex
CREATE INDEX "member_follows_community_id_followee_id_idx" ON "member_follows"("community_id", "followee_id");

-- CreateIndex
CREATE INDEX "source_follows_source_id_idx" ON "source_follows"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "members_source_id_key" ON "members"("source_id");

-- CreateIndex
CREATE INDEX "resources_community_id_link_checked_at_idx" ON "resources"("community_id", "link_checked_at");

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_items" ADD CONSTRAINT "source_items_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_follows" ADD CONSTRAINT "member_follows_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_follows" ADD CONSTRAINT "member_follows_follower_id_fkey" FOREIGN KEY ("follower_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_follows" ADD CONSTRAINT "member_follows_followee_id_fkey" FOREIGN KEY ("followee_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_follows" ADD CONSTRAINT "source_follows_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_follows" ADD CONSTRAINT "source_follows_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A link's preview description joins the full-text document, weighted like a member's note.
CREATE FUNCTION peerloop_resource_document(title text, note text, url text, tags text[], description text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT peerloop_resource_document(title, note, url, tags)
      || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')
$$;

CREATE OR REPLACE FUNCTION peerloop_resources_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := peerloop_resource_document(NEW.title, NEW.note, NEW.url, NEW.tags, NEW.description);
  RETURN NEW;
END
$$;

DROP TRIGGER resources_search_refresh ON "resources";
CREATE TRIGGER resources_search_refresh BEFORE INSERT OR UPDATE OF title, note, url, tags, description ON "resources"
  FOR EACH ROW EXECUTE FUNCTION peerloop_resources_search_trigger();
