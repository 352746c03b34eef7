-- CreateIndex
CREATE INDEX "Visit_orgId_account_visitAt_idx" ON "Visit"("orgId", "account", "visitAt");

-- CreateIndex
CREATE INDEX "Order_orgId_accountId_createdAt_idx" ON "Order"("orgId", "accountId", "createdAt");

