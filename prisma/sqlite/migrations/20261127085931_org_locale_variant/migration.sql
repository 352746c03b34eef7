-- AlterTable: a column added in place (no rebuild of "Organisation")
ALTER TABLE "Organisation" ADD COLUMN "localeVariant" TEXT NOT NULL DEFAULT '';
