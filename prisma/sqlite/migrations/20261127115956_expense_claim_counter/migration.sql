-- CreateTable
CREATE TABLE "ExpenseClaimCounter" (
    "orgId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "last" INTEGER NOT NULL
);

