import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/**
 * Adds a registration to its filer's count for the local day it was filed (see VisitFilingDayCount),
 * in the filing's transaction: a rollback takes it back with the registration.
 */
export async function countFiledVisit(db: DbLike, o: { orgId: number; filerId: string; day: string }): Promise<void> {
  await runnerOf(db).run(sql`
    INSERT INTO "VisitFilingDayCount" ("orgId", "filerId", "day", "count")
    VALUES (${o.orgId}, ${o.filerId}, ${o.day}, 1)
    ON CONFLICT ("orgId", "filerId", "day") DO UPDATE SET "count" = "VisitFilingDayCount"."count" + 1`);
}
