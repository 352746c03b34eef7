-- Target and actual figures become exact integers: an amount in cents (分), a market share in
-- hundredths of a point, a count as a count. Existing rows are scaled first, then rounded into BIGINT.

UPDATE "Target" SET "value" = "value" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END;
UPDATE "TargetChange" SET "oldValue" = "oldValue" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END, "newValue" = "newValue" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END;
UPDATE "ActualCorrection" c SET "oldValue" = c."oldValue" * 100, "newValue" = c."newValue" * 100
  FROM "Actual" a WHERE a."id" = c."actualId" AND a."metric" IN ('amount', 'share');
UPDATE "Actual" SET "value" = "value" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END;
UPDATE "ActualTotal" SET "value" = "value" * CASE WHEN "metric" IN ('amount', 'share') THEN 100 ELSE 1 END;

-- AlterTable
ALTER TABLE "Target" ALTER COLUMN "value" SET DATA TYPE BIGINT USING ROUND("value");

-- AlterTable
ALTER TABLE "TargetChange" ALTER COLUMN "oldValue" SET DATA TYPE BIGINT USING ROUND("oldValue"),
ALTER COLUMN "newValue" SET DATA TYPE BIGINT USING ROUND("newValue");

-- AlterTable
ALTER TABLE "Actual" ALTER COLUMN "value" SET DATA TYPE BIGINT USING ROUND("value");

-- AlterTable
ALTER TABLE "ActualCorrection" ALTER COLUMN "oldValue" SET DATA TYPE BIGINT USING ROUND("oldValue"),
ALTER COLUMN "newValue" SET DATA TYPE BIGINT USING ROUND("newValue");

-- AlterTable
ALTER TABLE "ActualTotal" ALTER COLUMN "value" SET DATA TYPE BIGINT USING ROUND("value");
