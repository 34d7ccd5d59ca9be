-- Ask the people who know (issue 37): an unanswered question offered privately to members who helped with it before.

-- AlterTable: /notify invites <n>|off (null: the default, 2 a week; 0: off)
ALTER TABLE "members" ADD COLUMN "invites_per_week" INTEGER;

-- CreateTable
CREATE TABLE "route_invitations" (
    "community_id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "invited_at" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3),
    "declined_at" TIMESTAMPTZ(3),

    CONSTRAINT "route_invitations_pkey" PRIMARY KEY ("thread_id","member_id")
);

-- CreateIndex
CREATE INDEX "route_invitations_community_id_member_id_invited_at_idx" ON "route_invitations"("community_id", "member_id", "invited_at");

-- CreateIndex
CREATE INDEX "route_invitations_community_id_invited_at_idx" ON "route_invitations"("community_id", "invited_at");

-- AddForeignKey
ALTER TABLE "route_invitations" ADD CONSTRAINT "route_invitations_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_invitations" ADD CONSTRAINT "route_invitations_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "route_invitations" ADD CONSTRAINT "route_invitations_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;
