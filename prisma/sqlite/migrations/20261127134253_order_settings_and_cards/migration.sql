-- CreateTable
CREATE TABLE "OrderCard" (
    "orderId" INTEGER NOT NULL,
    "outboxId" INTEGER NOT NULL,

    PRIMARY KEY ("orderId", "outboxId")
);

-- AlterTable (a column added in place: the Organisation table is never rebuilt)
ALTER TABLE "Organisation" ADD COLUMN "orders" TEXT NOT NULL DEFAULT '{}';
