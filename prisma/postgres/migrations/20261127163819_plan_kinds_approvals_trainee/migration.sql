-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "filedAsTrainee" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "SalesPlan" ADD COLUMN     "publishOn" TEXT;

-- CreateTable
CREATE TABLE "SalesPlanApproval" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "approverKey" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SalesPlanApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SalesPlanApproval_planId_version_approverKey_key" ON "SalesPlanApproval"("planId", "version", "approverKey");

