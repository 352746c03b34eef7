-- AlterTable
ALTER TABLE "DealPayment" ADD COLUMN     "sourceViewId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "DealPayment_sourceViewId_key" ON "DealPayment"("sourceViewId");

