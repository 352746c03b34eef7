-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "meetings" TEXT NOT NULL DEFAULT '{}';

