-- AlterTable
ALTER TABLE "AccountRequest" ADD COLUMN     "sourceViewId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AccountRequest_sourceViewId_key" ON "AccountRequest"("sourceViewId");

