-- CreateTable
CREATE TABLE "SalesPlan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "toMonth" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "cardOutboxId" INTEGER,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "returnReason" TEXT,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SalesPlanVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "sourceViewId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SalesPlan_orgId_status_fromMonth_idx" ON "SalesPlan"("orgId", "status", "fromMonth");

-- CreateIndex
CREATE UNIQUE INDEX "SalesPlanVersion_sourceViewId_key" ON "SalesPlanVersion"("sourceViewId");

-- CreateIndex
CREATE UNIQUE INDEX "SalesPlanVersion_planId_version_key" ON "SalesPlanVersion"("planId", "version");

