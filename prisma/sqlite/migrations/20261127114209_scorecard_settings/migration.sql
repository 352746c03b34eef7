-- AlterTable: columns added in place (a rebuild of "Organisation" would drop columns other migrations add)
ALTER TABLE "Organisation" ADD COLUMN "scorecard" TEXT NOT NULL DEFAULT '{}';

