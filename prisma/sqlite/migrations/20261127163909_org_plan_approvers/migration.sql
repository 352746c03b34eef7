-- AlterTable (ADD COLUMN: the Organisation table is never rebuilt)
ALTER TABLE "Organisation" ADD COLUMN "plans" TEXT NOT NULL DEFAULT '{}';
