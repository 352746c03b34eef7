-- CreateTable
CREATE TABLE "AccountLogistics" (
    "accountId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "deliveryAddress" TEXT NOT NULL,
    "receiver" TEXT NOT NULL,
    "warehouse" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "leadDays" INTEGER NOT NULL,
    "unloading" TEXT NOT NULL DEFAULT '',
    "confirmedAt" DATETIME,
    "confirmedBy" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AccountLogisticsChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "AccountLogistics_orgId_confirmedAt_idx" ON "AccountLogistics"("orgId", "confirmedAt");

-- CreateIndex
CREATE INDEX "AccountLogisticsChange_orgId_accountId_at_idx" ON "AccountLogisticsChange"("orgId", "accountId", "at");

