-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "expenses" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "ExpenseClaim" (
    "id" SERIAL NOT NULL,
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
    "decidedAt" TIMESTAMP(3),
    "paidBy" TEXT,
    "paidAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "sourceViewId" TEXT NOT NULL,
    "approvalOutboxId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpenseClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseClaim_sourceViewId_key" ON "ExpenseClaim"("sourceViewId");

-- CreateIndex
CREATE INDEX "ExpenseClaim_orgId_month_category_idx" ON "ExpenseClaim"("orgId", "month", "category");

-- CreateIndex
CREATE INDEX "ExpenseClaim_approvalOutboxId_idx" ON "ExpenseClaim"("approvalOutboxId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseClaim_orgId_number_key" ON "ExpenseClaim"("orgId", "number");

