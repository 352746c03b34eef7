-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "chartVersion" INTEGER NOT NULL DEFAULT 0;

