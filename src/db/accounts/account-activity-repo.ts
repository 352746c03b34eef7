import { sql } from '../sql/sql-query.ts';
import { runnerOf, toDate, type DbLike } from '../sql/sql-runner.ts';

export interface AccountVisitRow {
  number: number;
  visitAt: Date;
  filerId: string;
  status: string;
  outcome: string;
}

export interface AccountIssueRow {
  number: string;
  title: string;
  status: string;
}

/** The newest visits filed on an account, by its name or its code. */
export async function lastVisitsOf(
  db: DbLike,
  o: { orgId: number; names: string[]; take: number },
): Promise<AccountVisitRow[]> {
  const [first = '', second = first] = o.names;
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT "number", "visitAt", "filerId", "status", "outcome" FROM "Visit"
    WHERE "orgId" = ${o.orgId} AND "kind" = 'brand' AND "account" IN (${first}, ${second})
    ORDER BY "visitAt" DESC LIMIT ${o.take}`);
  return rows.map((r) => ({
    number: Number(r.number),
    visitAt: toDate(r.visitAt),
    filerId: String(r.filerId),
    status: String(r.status),
    outcome: String(r.outcome),
  }));
}

/** Issues not yet resolved whose subject names the account (its name or code). */
export async function openIssuesOf(
  db: DbLike,
  o: { orgId: number; names: string[]; take: number },
): Promise<AccountIssueRow[]> {
  const [first = '', second = first] = o.names;
  return runnerOf(db).all<AccountIssueRow>(sql`
    SELECT "number", "title", "status" FROM "IssueReport"
    WHERE "orgId" = ${o.orgId} AND "status" <> 'resolved' AND "subject" IN (${first}, ${second})
    ORDER BY "createdAt" DESC LIMIT ${o.take}`);
}
