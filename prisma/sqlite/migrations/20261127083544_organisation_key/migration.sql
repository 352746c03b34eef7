-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_key_key" ON "Organisation"("key");

