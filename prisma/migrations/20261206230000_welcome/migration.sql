-- Welcome and first steps (issue 36): each member's welcome, and the organisers' settings for it.

-- CreateTable
CREATE TABLE "welcomes" (
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "welcomed_at" TIMESTAMPTZ(3) NOT NULL,
    "left_at" TIMESTAMPTZ(3),
    "round" INTEGER NOT NULL DEFAULT 1,
    "step" TEXT NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "welcomes_pkey" PRIMARY KEY ("community_id","member_id")
);

-- CreateTable
CREATE TABLE "welcome_settings" (
    "community_id" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "text" TEXT,
    "norms_url" TEXT,

    CONSTRAINT "welcome_settings_pkey" PRIMARY KEY ("community_id")
);

-- CreateIndex
CREATE INDEX "welcomes_community_id_welcomed_at_idx" ON "welcomes"("community_id", "welcomed_at");

-- AddForeignKey
ALTER TABLE "welcomes" ADD CONSTRAINT "welcomes_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "welcome_settings" ADD CONSTRAINT "welcome_settings_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

