-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "building" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "floor" INTEGER NOT NULL,
    "layout" TEXT NOT NULL,
    "areaCenti" INTEGER NOT NULL,
    "listPriceCents" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "dealId" INTEGER,
    "stateChangedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UnitChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fromValue" TEXT NOT NULL,
    "toValue" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Deal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "ownerId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "stageChangedAt" DATETIME NOT NULL,
    "listPriceCents" BIGINT NOT NULL,
    "priceCents" BIGINT NOT NULL,
    "discountCents" BIGINT NOT NULL,
    "depositCents" BIGINT NOT NULL,
    "depositDate" TEXT NOT NULL,
    "signByDate" TEXT NOT NULL,
    "contractNo" TEXT,
    "totalCents" BIGINT,
    "paymentMethod" TEXT,
    "plan" TEXT,
    "cancelReason" TEXT,
    "approvalOutboxId" INTEGER,
    "cardOutboxId" INTEGER,
    "contractedAt" DATETIME,
    "soldAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DealChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dealId" INTEGER NOT NULL,
    "fromStage" TEXT NOT NULL,
    "toStage" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DealDueItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "dealId" INTEGER NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL DEFAULT 0,
    "paidCents" BIGINT NOT NULL DEFAULT 0,
    "doneAt" DATETIME,
    "reminderLevel" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "DealPayment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "dealId" INTEGER NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL,
    "undoneAt" DATETIME
);

-- AlterTable: columns added in place (a rebuild of "Organisation" would drop columns other migrations add)
ALTER TABLE "Organisation" ADD COLUMN "deals" TEXT NOT NULL DEFAULT '{}';

-- CreateIndex
CREATE INDEX "Unit_orgId_state_idx" ON "Unit"("orgId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_orgId_building_number_key" ON "Unit"("orgId", "building", "number");

-- CreateIndex
CREATE INDEX "UnitChange_unitId_at_idx" ON "UnitChange"("unitId", "at");

-- CreateIndex
CREATE INDEX "Deal_orgId_ownerId_stage_idx" ON "Deal"("orgId", "ownerId", "stage");

-- CreateIndex
CREATE INDEX "Deal_orgId_stage_stageChangedAt_idx" ON "Deal"("orgId", "stage", "stageChangedAt");

-- CreateIndex
CREATE INDEX "Deal_unitId_idx" ON "Deal"("unitId");

-- CreateIndex
CREATE INDEX "Deal_customerId_idx" ON "Deal"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_orgId_contractNo_key" ON "Deal"("orgId", "contractNo");

-- CreateIndex
CREATE INDEX "DealChange_dealId_at_idx" ON "DealChange"("dealId", "at");

-- CreateIndex
CREATE INDEX "DealDueItem_orgId_doneAt_dueDate_idx" ON "DealDueItem"("orgId", "doneAt", "dueDate");

-- CreateIndex
CREATE INDEX "DealDueItem_dealId_idx" ON "DealDueItem"("dealId");

-- CreateIndex
CREATE INDEX "DealPayment_orgId_receivedOn_idx" ON "DealPayment"("orgId", "receivedOn");

-- CreateIndex
CREATE INDEX "DealPayment_dealId_idx" ON "DealPayment"("dealId");

