-- CreateTable
CREATE TABLE "AccountNameKey" (
    "orgId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "accountId" INTEGER NOT NULL,

    CONSTRAINT "AccountNameKey_pkey" PRIMARY KEY ("orgId","key","accountId")
);

-- CreateTable
CREATE TABLE "PhoneCall" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "week" TEXT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "callerId" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "nextStep" TEXT NOT NULL DEFAULT '',
    "replenishment" TEXT NOT NULL DEFAULT '',
    "loggedBy" TEXT,
    "loggedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PhoneCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountNameKey_accountId_idx" ON "AccountNameKey"("accountId");

-- CreateIndex
CREATE INDEX "PhoneCall_orgId_callerId_week_idx" ON "PhoneCall"("orgId", "callerId", "week");

-- CreateIndex
CREATE INDEX "PhoneCall_orgId_accountId_loggedAt_idx" ON "PhoneCall"("orgId", "accountId", "loggedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneCall_orgId_week_accountId_key" ON "PhoneCall"("orgId", "week", "accountId");

