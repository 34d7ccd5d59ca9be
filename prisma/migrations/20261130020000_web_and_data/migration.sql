-- CreateEnum
CREATE TYPE "WebAccess" AS ENUM ('members', 'public', 'off');

-- CreateEnum
CREATE TYPE "WebNames" AS ENUM ('full', 'initials');

-- AlterTable
ALTER TABLE "communities" ADD COLUMN     "web_access" "WebAccess" NOT NULL DEFAULT 'members',
ADD COLUMN     "web_names" "WebNames" NOT NULL DEFAULT 'full';

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "forgotten_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "roundup_issues" (
    "community_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "from_at" TIMESTAMPTZ(3) NOT NULL,
    "to_at" TIMESTAMPTZ(3) NOT NULL,
    "channel_id" TEXT,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "roundup_issues_pkey" PRIMARY KEY ("community_id","period")
);

-- CreateTable
CREATE TABLE "import_marks" (
    "community_id" UUID NOT NULL,
    "source_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_marks_pkey" PRIMARY KEY ("community_id","source_key")
);

-- CreateTable
CREATE TABLE "app_secrets" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_secrets_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "roundup_issues_community_id_to_at_idx" ON "roundup_issues"("community_id", "to_at");

-- CreateIndex
CREATE INDEX "resources_community_id_endorsement_count_created_at_idx" ON "resources"("community_id", "endorsement_count" DESC, "created_at" DESC);

-- AddForeignKey
ALTER TABLE "roundup_issues" ADD CONSTRAINT "roundup_issues_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_marks" ADD CONSTRAINT "import_marks_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "resources" ADD COLUMN     "guard_override" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "threads" ADD COLUMN     "guard_override" BOOLEAN NOT NULL DEFAULT false;


-- CreateEnum
CREATE TYPE "ToneCheckSetting" AS ENUM ('on', 'off', 'moderators');

-- AlterTable
ALTER TABLE "communities" ADD COLUMN     "tone_check" "ToneCheckSetting" NOT NULL DEFAULT 'on';


-- CreateTable
CREATE TABLE "member_emails" (
    "member_id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "code_hash" TEXT,
    "code_expires_at" TIMESTAMPTZ(3),
    "code_attempts" INTEGER NOT NULL DEFAULT 0,
    "frequency" "NotifyFrequency" NOT NULL DEFAULT 'weekly',
    "roundup" BOOLEAN NOT NULL DEFAULT false,
    "failed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_emails_pkey" PRIMARY KEY ("member_id")
);

-- CreateTable
CREATE TABLE "email_items" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "ref_id" UUID NOT NULL,
    "summary" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "member_emails_community_id_idx" ON "member_emails"("community_id");

-- CreateIndex
CREATE INDEX "email_items_member_id_sent_at_idx" ON "email_items"("member_id", "sent_at");

-- CreateIndex
CREATE UNIQUE INDEX "email_items_member_id_kind_ref_id_key" ON "email_items"("member_id", "kind", "ref_id");

-- AddForeignKey
ALTER TABLE "member_emails" ADD CONSTRAINT "member_emails_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_emails" ADD CONSTRAINT "member_emails_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_items" ADD CONSTRAINT "email_items_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_items" ADD CONSTRAINT "email_items_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

