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

/**
 * OSB issues (the order → shipment → billing chain) still open at `at`, per reporter: how many, and when
 * the oldest of them was filed.
 */
export async function openOsbIssuesByReporter(
  db: DbLike,
  orgId: number,
  at: Date,
): Promise<Map<string, { open: number; oldestAt: Date }>> {
  const rows = await runnerOf(db).all<{ reporterId: string; count: unknown; oldest: unknown }>(sql`
    SELECT "reporterId", COUNT(*) AS "count", MIN("createdAt") AS "oldest" FROM "IssueReport"
    WHERE "orgId" = ${orgId} AND "category" LIKE 'osb%' AND "createdAt" < ${at}
      AND ("resolvedAt" IS NULL OR "resolvedAt" >= ${at})
    GROUP BY "reporterId"`);
  return new Map(
    rows.map((row) => [row.reporterId, { open: Number(row.count), oldestAt: asDate(row.oldest) }] as const),
  );
}

/** A MIN() over a timestamp as the driver returns it: a Date (PostgreSQL), or epoch milliseconds or text (SQLite). */
function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  const text = String(value);
  return /^\d+$/.test(text) ? new Date(Number(text)) : new Date(text);
}
