-- Community health: figures computed once per run of the health job, read by the page, the command and the CLI.

-- CreateTable
CREATE TABLE "health_reports" (
    "community_id" UUID NOT NULL,
    "as_of" TIMESTAMPTZ(3) NOT NULL,
    "days" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "previous" BOOLEAN NOT NULL,
    "report" JSONB NOT NULL,

    CONSTRAINT "health_reports_pkey" PRIMARY KEY ("community_id","as_of","days","tag","previous")
);

-- AddForeignKey
ALTER TABLE "health_reports" ADD CONSTRAINT "health_reports_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "communities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

