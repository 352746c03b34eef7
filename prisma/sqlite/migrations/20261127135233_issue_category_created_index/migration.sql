-- CreateIndex
CREATE INDEX "IssueReport_orgId_category_createdAt_idx" ON "IssueReport"("orgId", "category", "createdAt");

