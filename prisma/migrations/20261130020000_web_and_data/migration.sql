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

