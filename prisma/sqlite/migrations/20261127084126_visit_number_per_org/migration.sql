-- AlterTable: a column added in place (no rebuild of "Visit")
ALTER TABLE "Visit" ADD COLUMN "number" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "VisitCounter" (
    "orgId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "last" INTEGER NOT NULL
);

-- Number the existing registrations per organisation, in the order they were filed
UPDATE "Visit" SET "number" = ranked."n"
FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "orgId" ORDER BY "id") AS "n" FROM "Visit") AS ranked
WHERE "Visit"."id" = ranked."id";

INSERT INTO "VisitCounter" ("orgId", "last") SELECT "orgId", MAX("number") FROM "Visit" GROUP BY "orgId";

-- CreateIndex
CREATE UNIQUE INDEX "Visit_orgId_number_key" ON "Visit"("orgId", "number");
