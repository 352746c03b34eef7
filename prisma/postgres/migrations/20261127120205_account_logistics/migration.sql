-- CreateTable
CREATE TABLE "AccountLogistics" (
    "accountId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "deliveryAddress" TEXT NOT NULL,
    "receiver" TEXT NOT NULL,
    "warehouse" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "leadDays" INTEGER NOT NULL,
    "unloading" TEXT NOT NULL DEFAULT '',
    "confirmedAt" TIMESTAMP(3),
    "confirmedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountLogistics_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "AccountLogisticsChange" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountLogisticsChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountLogistics_orgId_confirmedAt_idx" ON "AccountLogistics"("orgId", "confirmedAt");

-- CreateIndex
CREATE INDEX "AccountLogisticsChange_orgId_accountId_at_idx" ON "AccountLogisticsChange"("orgId", "accountId", "at");

