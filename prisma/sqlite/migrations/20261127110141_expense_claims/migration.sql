-- CreateTable
CREATE TABLE "ExpenseClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "claimantId" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "category" TEXT NOT NULL,
    "spentOn" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "account" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "receipt" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "approvers" TEXT NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "overBudget" BOOLEAN NOT NULL DEFAULT false,
    "returnReason" TEXT,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "paidBy" TEXT,
    "paidAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sourceViewId" TEXT NOT NULL,
    "approvalOutboxId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- AlterTable: columns added in place (a rebuild of "Organisation" would drop columns other migrations add)
ALTER TABLE "Organisation" ADD COLUMN "expenses" TEXT NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseClaim_sourceViewId_key" ON "ExpenseClaim"("sourceViewId");

-- CreateIndex
CREATE INDEX "ExpenseClaim_orgId_month_category_idx" ON "ExpenseClaim"("orgId", "month", "category");

-- CreateIndex
CREATE INDEX "ExpenseClaim_approvalOutboxId_idx" ON "ExpenseClaim"("approvalOutboxId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseClaim_orgId_number_key" ON "ExpenseClaim"("orgId", "number");

