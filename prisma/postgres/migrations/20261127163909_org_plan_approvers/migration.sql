-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "plans" TEXT NOT NULL DEFAULT '{}';

