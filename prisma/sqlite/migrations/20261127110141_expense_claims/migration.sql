-- CreateTable
CREATE TABLE "ExpenseClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "orgId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "claimantId" TEXT NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "category" TEXT NOT NULL,
    "spentOn" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "account" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL,
    "receipt" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "approvers" TEXT NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "overBudget" BOOLEAN NOT NULL DEFAULT false,
    "returnReason" TEXT,
    "decidedBy" TEXT,
    "decidedAt" DATETIME,
    "paidBy" TEXT,
    "paidAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "sourceViewId" TEXT NOT NULL,
    "approvalOutboxId" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "key" TEXT,
    "template" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "localeVariant" TEXT NOT NULL DEFAULT '',
    "channels" TEXT NOT NULL,
    "admins" TEXT NOT NULL,
    "meetings" TEXT NOT NULL DEFAULT '{}',
    "expenses" TEXT NOT NULL DEFAULT '{}',
    "importedAt" DATETIME NOT NULL,
    "chartVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organisation" ("admins", "channels", "chartVersion", "id", "importedAt", "key", "locale", "localeVariant", "meetings", "name", "template", "timezone") SELECT "admins", "channels", "chartVersion", "id", "importedAt", "key", "locale", "localeVariant", "meetings", "name", "template", "timezone" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");
CREATE UNIQUE INDEX "Organisation_key_key" ON "Organisation"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseClaim_sourceViewId_key" ON "ExpenseClaim"("sourceViewId");

-- CreateIndex
CREATE INDEX "ExpenseClaim_orgId_month_category_idx" ON "ExpenseClaim"("orgId", "month", "category");

-- CreateIndex
CREATE INDEX "ExpenseClaim_approvalOutboxId_idx" ON "ExpenseClaim"("approvalOutboxId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenseClaim_orgId_number_key" ON "ExpenseClaim"("orgId", "number");

