-- CreateTable
CREATE TABLE "button_values" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "button_values_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "button_values_expires_at_idx" ON "button_values"("expires_at");

