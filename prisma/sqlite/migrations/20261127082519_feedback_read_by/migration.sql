-- AlterTable
ALTER TABLE "FeedbackRecipient" ADD COLUMN "readBy" TEXT;

