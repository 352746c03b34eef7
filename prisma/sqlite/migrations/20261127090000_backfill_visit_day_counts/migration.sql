-- VisitDayCount is derived: approved registrations counted on the organisation's local day.
-- A database upgraded across 20261126173814_visit_day_counts got an empty table, so the weekly
-- analysis showed 0 for everything approved before the upgrade. SQLite has no time zones, so the
-- recount is a data step of the bot's migration runner (src/db/migration-repairs.ts), run in this
-- migration's transaction.
SELECT 1;
