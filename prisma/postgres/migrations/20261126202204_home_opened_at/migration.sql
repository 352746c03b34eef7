-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "homeOpenedAt" TIMESTAMP(3);

