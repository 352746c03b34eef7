-- CreateTable
CREATE TABLE "AccountCredit" (
    "accountId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "limitCents" BIGINT NOT NULL,
    "termsDays" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AccountCreditChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "fromGrade" TEXT,
    "toGrade" TEXT NOT NULL,
    "fromLimitCents" BIGINT,
    "toLimitCents" BIGINT NOT NULL,
    "fromTermsDays" INTEGER,
    "toTermsDays" INTEGER NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "proposedBy" TEXT NOT NULL,
    "approvedBy" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CreditReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposal" TEXT NOT NULL DEFAULT '[]',
    "proposerId" TEXT,
    "approverId" TEXT,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "outboxId" INTEGER,
    "createdAt" DATETIME NOT NULL
);

-- AlterTable: a column added in place (no rebuild of "Organisation")
ALTER TABLE "Organisation" ADD COLUMN "creditGrades" TEXT NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "AccountCredit_orgId_idx" ON "AccountCredit"("orgId");

-- CreateIndex
CREATE INDEX "AccountCreditChange_orgId_accountId_at_idx" ON "AccountCreditChange"("orgId", "accountId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "CreditReview_orgId_month_key" ON "CreditReview"("orgId", "month");

