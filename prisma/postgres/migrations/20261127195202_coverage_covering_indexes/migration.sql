-- DropIndex
DROP INDEX "Visit_orgId_account_visitAt_idx";

-- DropIndex
DROP INDEX "Order_orgId_accountId_createdAt_idx";

-- DropIndex
DROP INDEX "PhoneCall_orgId_accountId_loggedAt_idx";

-- CreateIndex
CREATE INDEX "Visit_orgId_account_visitAt_kind_status_idx" ON "Visit"("orgId", "account", "visitAt", "kind", "status");

-- CreateIndex
CREATE INDEX "Order_orgId_accountId_createdAt_state_idx" ON "Order"("orgId", "accountId", "createdAt", "state");

-- CreateIndex
CREATE INDEX "PhoneCall_orgId_accountId_loggedAt_status_idx" ON "PhoneCall"("orgId", "accountId", "loggedAt", "status");

