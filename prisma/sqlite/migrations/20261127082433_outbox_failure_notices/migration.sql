-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "failingSince" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "failureReportedAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "origin" TEXT;


-- Replies and updates queued before now carry no channel: give them their parent's, so each is paced with it
UPDATE "OutboxMessage" SET "channel" = COALESCE((SELECT p."channel" FROM "OutboxMessage" AS p WHERE p."id" = COALESCE("OutboxMessage"."threadOfId", "OutboxMessage"."updateOfId")), '')
WHERE "channel" = '' AND "status" <> 'sent';
