-- CreateTable
CREATE TABLE "Target" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "setBy" TEXT NOT NULL,
    "setAt" DATETIME NOT NULL,
    "gapConfirmedBy" TEXT,
    "gapConfirmedAt" DATETIME
);

-- CreateTable
CREATE TABLE "TargetChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "oldValue" REAL,
    "newValue" REAL NOT NULL,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "Actual" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "marketCode" TEXT NOT NULL DEFAULT '',
    "account" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ActualCorrection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "actualId" INTEGER NOT NULL,
    "oldValue" REAL NOT NULL,
    "newValue" REAL NOT NULL,
    "by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ActualCorrection_actualId_fkey" FOREIGN KEY ("actualId") REFERENCES "Actual" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActualTotal" (
    "orgId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,

    PRIMARY KEY ("orgId", "metric", "month", "personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Target_orgId_period_scopeKind_scopeId_metric_key" ON "Target"("orgId", "period", "scopeKind", "scopeId", "metric");

-- CreateIndex
CREATE INDEX "TargetChange_orgId_period_scopeKind_scopeId_idx" ON "TargetChange"("orgId", "period", "scopeKind", "scopeId");

-- CreateIndex
CREATE INDEX "Actual_orgId_personId_month_idx" ON "Actual"("orgId", "personId", "month");

-- CreateIndex
CREATE INDEX "Actual_orgId_metric_month_idx" ON "Actual"("orgId", "metric", "month");

