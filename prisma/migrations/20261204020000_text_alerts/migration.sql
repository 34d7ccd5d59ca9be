-- Text-message alerts (issue 25): members' phones (personal data), what waits for a daily text, and each day's count.
-- CreateTable
CREATE TABLE "member_phones" (
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "e164" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "frequency" TEXT NOT NULL DEFAULT 'instant',
    "code_hash" TEXT,
    "code_expires_at" TIMESTAMPTZ(3),
    "code_sent_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "stopped_at" TIMESTAMPTZ(3),
    "told_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_phones_pkey" PRIMARY KEY ("community_id","member_id")
);

-- CreateTable
CREATE TABLE "sms_items" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "ref_id" UUID NOT NULL,
    "tags" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "sms_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_daily" (
    "community_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "sms_daily_pkey" PRIMARY KEY ("community_id","member_id","day")
);

-- CreateIndex
CREATE INDEX "member_phones_e164_idx" ON "member_phones"("e164");

-- CreateIndex
CREATE INDEX "sms_items_community_id_member_id_sent_at_idx" ON "sms_items"("community_id", "member_id", "sent_at");

-- AddForeignKey
ALTER TABLE "member_phones" ADD CONSTRAINT "member_phones_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_items" ADD CONSTRAINT "sms_items_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sms_daily" ADD CONSTRAINT "sms_daily_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

