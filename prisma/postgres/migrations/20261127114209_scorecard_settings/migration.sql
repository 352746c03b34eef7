-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "scorecard" TEXT NOT NULL DEFAULT '{}';

