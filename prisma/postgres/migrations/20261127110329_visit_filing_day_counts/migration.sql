-- CreateTable
CREATE TABLE "VisitFilingDayCount" (
    "orgId" INTEGER NOT NULL,
    "filerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "VisitFilingDayCount_pkey" PRIMARY KEY ("orgId","filerId","day")
);


-- Derived from "Visit": every registration filed so far, counted on its local day of filing.
INSERT INTO "VisitFilingDayCount" ("orgId", "filerId", "day", "count")
SELECT v."orgId", v."filerId", to_char((v."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE o."timezone", 'YYYY-MM-DD'), COUNT(*)
FROM "Visit" v
JOIN "Organisation" o ON o."id" = v."orgId"
GROUP BY 1, 2, 3;
