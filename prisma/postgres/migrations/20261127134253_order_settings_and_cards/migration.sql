-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "orders" TEXT NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "OrderCard" (
    "orderId" INTEGER NOT NULL,
    "outboxId" INTEGER NOT NULL,

    CONSTRAINT "OrderCard_pkey" PRIMARY KEY ("orderId","outboxId")
);

