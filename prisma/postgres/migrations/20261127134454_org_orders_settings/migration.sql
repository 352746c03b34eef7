-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "orders" TEXT NOT NULL DEFAULT '{}';

