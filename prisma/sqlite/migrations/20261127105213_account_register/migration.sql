-- CreateTable
CREATE TABLE "Account" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "distributorCode" TEXT NOT NULL DEFAULT '',
    "channelType" TEXT NOT NULL DEFAULT '',
    "market" TEXT NOT NULL,
    "area" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "openedOn" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AccountContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "AccountContact_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AccountRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "requesterId" TEXT NOT NULL,
    "proposal" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "deciderId" TEXT,
    "decidedAt" DATETIME,
    "accountId" INTEGER,
    "channel" TEXT,
    "threadTs" TEXT,
    "outboxId" INTEGER,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Account_orgId_market_kind_idx" ON "Account"("orgId", "market", "kind");

-- CreateIndex
CREATE INDEX "Account_orgId_ownerId_idx" ON "Account"("orgId", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_orgId_code_key" ON "Account"("orgId", "code");

-- CreateIndex
CREATE INDEX "AccountContact_accountId_idx" ON "AccountContact"("accountId");

-- CreateIndex
CREATE INDEX "AccountContact_orgId_phone_idx" ON "AccountContact"("orgId", "phone");

-- CreateIndex
CREATE INDEX "AccountRequest_orgId_status_idx" ON "AccountRequest"("orgId", "status");

