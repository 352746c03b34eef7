-- AlterTable
ALTER TABLE "ExpenseClaim" ADD COLUMN     "earlierCardIds" TEXT NOT NULL DEFAULT '[]';

