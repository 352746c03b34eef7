-- AlterTable
ALTER TABLE "CreditNote" ADD COLUMN "unappliedCents" BIGINT NOT NULL DEFAULT 0;
