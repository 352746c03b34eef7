-- CreateTable
CREATE TABLE "VisitFilingDayCount" (
    "orgId" INTEGER NOT NULL,
    "filerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("orgId", "filerId", "day")
);


-- Derived from "Visit": every registration filed so far, counted on its local day of filing. SQLite
-- has no time zones, so the backfill is a data step of the migration runner (src/db/migration-repairs.ts).
