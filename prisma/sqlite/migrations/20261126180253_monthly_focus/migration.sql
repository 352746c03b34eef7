-- CreateTable
CREATE TABLE "FocusPlan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "main" TEXT NOT NULL,
    "secondary1" TEXT NOT NULL,
    "secondary2" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "draftedBy" TEXT NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" DATETIME,
    "publishedAt" DATETIME,
    "draftOutboxId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FocusMarketRow" (
    "focusId" INTEGER NOT NULL,
    "marketCode" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "focusText" TEXT NOT NULL,

    PRIMARY KEY ("focusId", "marketCode"),
    CONSTRAINT "FocusMarketRow_focusId_fkey" FOREIGN KEY ("focusId") REFERENCES "FocusPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FocusAck" (
    "focusId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "outboxId" INTEGER,
    "ackedAt" DATETIME,
    "remindedAt" DATETIME,

    PRIMARY KEY ("focusId", "personId"),
    CONSTRAINT "FocusAck_focusId_fkey" FOREIGN KEY ("focusId") REFERENCES "FocusPlan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FocusPlan_orgId_month_key" ON "FocusPlan"("orgId", "month");

