-- AlterTable
ALTER TABLE "DealPayment" ADD COLUMN "payer" TEXT NOT NULL DEFAULT 'buyer';

-- The bank's loan was recorded as a payment noted 'mortgage': it is now told by its payer
UPDATE "DealPayment" SET "payer" = 'bank', "note" = NULL WHERE "note" = 'mortgage' AND "kind" = 'payment';
