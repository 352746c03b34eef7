-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "creditGrades" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "AccountCredit" (
    "accountId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "grade" TEXT NOT NULL,
    "limitCents" BIGINT NOT NULL,
    "termsDays" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountCredit_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "AccountCreditChange" (
    "id" SERIAL NOT NULL,
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
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountCreditChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditReview" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposal" TEXT NOT NULL DEFAULT '[]',
    "proposerId" TEXT,
    "approverId" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3),
    "outboxId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CreditReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountCredit_orgId_idx" ON "AccountCredit"("orgId");

-- CreateIndex
CREATE INDEX "AccountCreditChange_orgId_accountId_at_idx" ON "AccountCreditChange"("orgId", "accountId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "CreditReview_orgId_month_key" ON "CreditReview"("orgId", "month");

