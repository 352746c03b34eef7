-- AlterTable: a column added in place (no rebuild of "JobRun")
ALTER TABLE "JobRun" ADD COLUMN "orgId" INTEGER NOT NULL DEFAULT 0;

-- Runs from before were the only organisation's when there is one: they stay done for it. With
-- several, they stay at 0, which the bot reads as done for every organisation (nothing runs twice).
UPDATE "JobRun" SET "orgId" = (SELECT MIN("id") FROM "Organisation")
WHERE "jobId" NOT LIKE 'deployment.%' AND (SELECT COUNT(*) FROM "Organisation") = 1;

-- The key of a run now includes the organisation
DROP INDEX "JobRun_jobId_periodKey_key";
CREATE UNIQUE INDEX "JobRun_orgId_jobId_periodKey_key" ON "JobRun"("orgId", "jobId", "periodKey");
