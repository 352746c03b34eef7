-- CreateIndex
CREATE INDEX "IssueReport_orgId_status_reporterId_ackDeadlineAt_idx" ON "IssueReport"("orgId", "status", "reporterId", "ackDeadlineAt");

