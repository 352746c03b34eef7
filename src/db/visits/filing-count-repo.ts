import { sql } from '../sql/sql-query.ts';
import { asWrite, type Write } from '../sql/write-together.ts';

/**
 * Adds a registration to its filer's count for the local day it was filed (see VisitFilingDayCount),
 * in the filing's transaction: a rollback takes it back with the registration. A write to send with
 * others (writeTogether): nobody reads its result.
 */
export const filedVisitCountWrite = (o: { orgId: number; filerId: string; day: string }): Write =>
  asWrite(sql`
    INSERT INTO "VisitFilingDayCount" ("orgId", "filerId", "day", "count")
    VALUES (${o.orgId}, ${o.filerId}, ${o.day}, 1)
    ON CONFLICT ("orgId", "filerId", "day") DO UPDATE SET "count" = "VisitFilingDayCount"."count" + 1`);
