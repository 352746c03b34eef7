-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "setBy" TEXT NOT NULL,
    "setAt" TIMESTAMP(3) NOT NULL,
    "gapConfirmedBy" TEXT,
    "gapConfirmedAt" TIMESTAMP(3),

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetChange" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "oldValue" DOUBLE PRECISION,
    "newValue" DOUBLE PRECISION NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "note" TEXT,

    CONSTRAINT "TargetChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Actual" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "marketCode" TEXT NOT NULL DEFAULT '',
    "account" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "sourceRef" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Actual_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActualCorrection" (
    "id" SERIAL NOT NULL,
    "actualId" INTEGER NOT NULL,
    "oldValue" DOUBLE PRECISION NOT NULL,
    "newValue" DOUBLE PRECISION NOT NULL,
    "by" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActualCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActualTotal" (
    "orgId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ActualTotal_pkey" PRIMARY KEY ("orgId","metric","month","personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Target_orgId_period_scopeKind_scopeId_metric_key" ON "Target"("orgId", "period", "scopeKind", "scopeId", "metric");

-- CreateIndex
CREATE INDEX "TargetChange_orgId_period_scopeKind_scopeId_idx" ON "TargetChange"("orgId", "period", "scopeKind", "scopeId");

-- CreateIndex
CREATE INDEX "Actual_orgId_personId_month_idx" ON "Actual"("orgId", "personId", "month");

-- CreateIndex
CREATE INDEX "Actual_orgId_metric_month_idx" ON "Actual"("orgId", "metric", "month");

-- AddForeignKey
ALTER TABLE "ActualCorrection" ADD CONSTRAINT "ActualCorrection_actualId_fkey" FOREIGN KEY ("actualId") REFERENCES "Actual"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

