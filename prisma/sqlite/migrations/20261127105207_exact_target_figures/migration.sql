-- Target and actual figures become exact integers: an amount in cents (分), a market share in
-- hundredths of a point, a count as a count. Existing rows are converted as they are copied.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Target" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" BIGINT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "setBy" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL,
    "gapConfirmedBy" TEXT,
    "gapConfirmedAt" DATETIME
);
INSERT INTO "new_Target" ("gapConfirmedAt", "gapConfirmedBy", "id", "metric", "orgId", "period", "scopeId", "scopeKind", "setAt", "setBy", "value", "version") SELECT "gapConfirmedAt", "gapConfirmedBy", "id", "metric", "orgId", "period", "scopeId", "scopeKind", "setAt", "setBy", CAST(ROUND("value" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END) AS INTEGER), "version" FROM "Target";
DROP TABLE "Target";
ALTER TABLE "new_Target" RENAME TO "Target";
CREATE UNIQUE INDEX "Target_orgId_period_scopeKind_scopeId_metric_key" ON "Target"("orgId", "period", "scopeKind", "scopeId", "metric");
CREATE TABLE "new_TargetChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "oldValue" BIGINT,
    "newValue" BIGINT NOT NULL,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "note" TEXT
);
INSERT INTO "new_TargetChange" ("at", "by", "id", "metric", "newValue", "note", "oldValue", "orgId", "period", "scopeId", "scopeKind") SELECT "at", "by", "id", "metric", CAST(ROUND("newValue" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END) AS INTEGER), "note", CAST(ROUND("oldValue" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END) AS INTEGER), "orgId", "period", "scopeId", "scopeKind" FROM "TargetChange";
DROP TABLE "TargetChange";
ALTER TABLE "new_TargetChange" RENAME TO "TargetChange";
CREATE INDEX "TargetChange_orgId_period_scopeKind_scopeId_idx" ON "TargetChange"("orgId", "period", "scopeKind", "scopeId");
CREATE TABLE "new_Actual" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "marketCode" TEXT NOT NULL DEFAULT '',
    "account" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_Actual" ("account", "createdAt", "createdBy", "id", "marketCode", "metric", "month", "orgId", "personId", "source", "sourceRef", "value") SELECT "account", "createdAt", "createdBy", "id", "marketCode", "metric", "month", "orgId", "personId", "source", "sourceRef", CAST(ROUND("value" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END) AS INTEGER) FROM "Actual";
DROP TABLE "Actual";
ALTER TABLE "new_Actual" RENAME TO "Actual";
CREATE INDEX "Actual_orgId_personId_month_idx" ON "Actual"("orgId", "personId", "month");
CREATE INDEX "Actual_orgId_metric_month_idx" ON "Actual"("orgId", "metric", "month");
CREATE TABLE "new_ActualCorrection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actualId" INTEGER NOT NULL,
    "oldValue" BIGINT NOT NULL,
    "newValue" BIGINT NOT NULL,
    "by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ActualCorrection_actualId_fkey" FOREIGN KEY ("actualId") REFERENCES "Actual" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ActualCorrection" ("actualId", "at", "by", "id", "newValue", "oldValue", "reason") SELECT c."actualId", c."at", c."by", c."id", CAST(ROUND(c."newValue" * CASE WHEN a."metric" IN ('amount', 'share') THEN 100 ELSE 1 END) AS INTEGER), CAST(ROUND(c."oldValue" * CASE WHEN a."metric" IN ('amount', 'share') THEN 100 ELSE 1 END) AS INTEGER), c."reason"
  FROM "ActualCorrection" c LEFT JOIN "Actual" a ON a."id" = c."actualId";
DROP TABLE "ActualCorrection";
ALTER TABLE "new_ActualCorrection" RENAME TO "ActualCorrection";
CREATE TABLE "new_ActualTotal" (
    "orgId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" BIGINT NOT NULL,

    PRIMARY KEY ("orgId", "metric", "month", "personId")
);
INSERT INTO "new_ActualTotal" ("metric", "month", "orgId", "personId", "value") SELECT "metric", "month", "orgId", "personId", CAST(ROUND("value" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END) AS INTEGER) FROM "ActualTotal";
DROP TABLE "ActualTotal";
ALTER TABLE "new_ActualTotal" RENAME TO "ActualTotal";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

