-- CreateIndex
CREATE INDEX "Visit_orgId_filerId_createdAt_idx" ON "Visit"("orgId", "filerId", "createdAt");

