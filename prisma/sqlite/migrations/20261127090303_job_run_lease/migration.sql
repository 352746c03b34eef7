-- AlterTable (columns added in place rather than rebuilding the table, which others change in parallel)
ALTER TABLE "JobRun" ADD COLUMN "scheduledFor" DATETIME;
ALTER TABLE "JobRun" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "JobRun" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "JobRun" ADD COLUMN "nextAttemptAt" DATETIME;

-- CreateIndex
CREATE INDEX "JobRun_status_idx" ON "JobRun"("status");
