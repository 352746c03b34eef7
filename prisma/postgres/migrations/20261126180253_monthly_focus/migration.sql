-- CreateTable
CREATE TABLE "FocusPlan" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "main" TEXT NOT NULL,
    "secondary1" TEXT NOT NULL,
    "secondary2" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "draftedBy" TEXT NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "draftOutboxId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FocusPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FocusMarketRow" (
    "focusId" INTEGER NOT NULL,
    "marketCode" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "focusText" TEXT NOT NULL,

    CONSTRAINT "FocusMarketRow_pkey" PRIMARY KEY ("focusId","marketCode")
);

-- CreateTable
CREATE TABLE "FocusAck" (
    "focusId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "outboxId" INTEGER,
    "ackedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "FocusAck_pkey" PRIMARY KEY ("focusId","personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "FocusPlan_orgId_month_key" ON "FocusPlan"("orgId", "month");

-- AddForeignKey
ALTER TABLE "FocusMarketRow" ADD CONSTRAINT "FocusMarketRow_focusId_fkey" FOREIGN KEY ("focusId") REFERENCES "FocusPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocusAck" ADD CONSTRAINT "FocusAck_focusId_fkey" FOREIGN KEY ("focusId") REFERENCES "FocusPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

