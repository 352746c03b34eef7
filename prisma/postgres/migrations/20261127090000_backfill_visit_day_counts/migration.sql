-- VisitDayCount is derived: approved registrations counted on the organisation's local day.
-- A database upgraded across 20261126173814_visit_day_counts got an empty table, so the weekly
-- analysis showed 0 for everything approved before the upgrade. Count it all again from "Visit".
DELETE FROM "VisitDayCount";

INSERT INTO "VisitDayCount" ("orgId", "day", "source", "grade", "visitType", "filerId", "count")
SELECT v."orgId",
       to_char((v."visitAt" AT TIME ZONE 'UTC') AT TIME ZONE o."timezone", 'YYYY-MM-DD'),
       v."source", v."grade", v."visitType", v."filerId", COUNT(*)
FROM "Visit" v
JOIN "Organisation" o ON o."id" = v."orgId"
WHERE v."status" = 'approved'
GROUP BY 1, 2, 3, 4, 5, 6;
