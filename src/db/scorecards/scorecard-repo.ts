import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** Registrations filed and approved per filer, by visit time within [from, to). */
export async function visitCountsByFiler(
  db: DbLike,
  orgId: number,
  from: Date,
  to: Date,
): Promise<Map<string, { filed: number; approved: number }>> {
  const rows = await runnerOf(db).all<{ filerId: string; status: string; count: unknown }>(sql`
    SELECT "filerId", "status", COUNT(*) AS "count" FROM "Visit"
    WHERE "orgId" = ${orgId} AND "visitAt" >= ${from} AND "visitAt" < ${to}
    GROUP BY "filerId", "status"`);
  const out = new Map<string, { filed: number; approved: number }>();
  for (const row of rows) {
    const counts = out.get(row.filerId) ?? { filed: 0, approved: 0 };
    counts.filed += Number(row.count);
    if (row.status === 'approved') counts.approved += Number(row.count);
    out.set(row.filerId, counts);
  }
  return out;
}

/** Whether a month's scorecards were already queued (the mark is written with them, in one transaction). */
export async function scorecardsSent(db: DbLike, orgId: number, month: string): Promise<boolean> {
  const rows = await runnerOf(db).all(sql`
    SELECT "id" FROM "AuditEntry" WHERE "orgId" = ${orgId} AND "action" = 'scorecards.sent' AND "subject" = ${month}`);
  return rows.length > 0;
}
