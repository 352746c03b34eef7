-- DropIndex
DROP INDEX "Visit_orgId_status_visitAt_idx";

-- CreateIndex
CREATE INDEX "Visit_orgId_status_decidedAt_idx" ON "Visit"("orgId", "status", "decidedAt");

-- CreateIndex
CREATE INDEX "Visit_orgId_visitAt_idx" ON "Visit"("orgId", "visitAt");

