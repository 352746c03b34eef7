-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "localeVariant" TEXT NOT NULL DEFAULT '';

