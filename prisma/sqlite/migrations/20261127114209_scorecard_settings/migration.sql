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
    "scorecard" TEXT NOT NULL DEFAULT '{}',
    "importedAt" DATETIME NOT NULL,
    "chartVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Organisation" ("admins", "channels", "chartVersion", "expenses", "id", "importedAt", "key", "locale", "localeVariant", "meetings", "name", "template", "timezone") SELECT "admins", "channels", "chartVersion", "expenses", "id", "importedAt", "key", "locale", "localeVariant", "meetings", "name", "template", "timezone" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");
CREATE UNIQUE INDEX "Organisation_key_key" ON "Organisation"("key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

