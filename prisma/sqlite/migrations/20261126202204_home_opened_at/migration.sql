-- AlterTable
ALTER TABLE "Person" ADD COLUMN "homeOpenedAt" DATETIME;

