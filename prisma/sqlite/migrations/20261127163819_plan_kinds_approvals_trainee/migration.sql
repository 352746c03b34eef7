-- AlterTable
ALTER TABLE "SalesPlan" ADD COLUMN "publishOn" TEXT;

-- CreateTable
CREATE TABLE "SalesPlanApproval" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "approverKey" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- AlterTable (a column with a default: no rebuild of Visit)
ALTER TABLE "Visit" ADD COLUMN "filedAsTrainee" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "SalesPlanApproval_planId_version_approverKey_key" ON "SalesPlanApproval"("planId", "version", "approverKey");

