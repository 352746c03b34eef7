-- CreateTable
CREATE TABLE "ExpenseClaimCounter" (
    "orgId" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ExpenseClaimCounter_pkey" PRIMARY KEY ("orgId")
);

