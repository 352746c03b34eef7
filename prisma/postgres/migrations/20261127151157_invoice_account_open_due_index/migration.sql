-- DropIndex
DROP INDEX "Invoice_accountId_openCents_idx";

-- CreateIndex
CREATE INDEX "Invoice_accountId_openCents_dueOn_idx" ON "Invoice"("accountId", "openCents", "dueOn");

