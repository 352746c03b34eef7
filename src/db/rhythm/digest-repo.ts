import { sql, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** Feedback sent to this person since then (a digest's count). */
export async function feedbackReceivedSince(db: DbLike, orgId: number, personId: string, since: Date): Promise<number> {
  const rows = await runnerOf(db).all<{ n: number | bigint }>(sql`
    SELECT COUNT(*) AS "n" FROM "FeedbackRecipient" r JOIN "Feedback" f ON f."id" = r."feedbackId"
    WHERE r."recipientId" = ${personId} AND f."orgId" = ${orgId} AND f."createdAt" >= ${since}`);
  return Number(rows[0].n);
}

/** Everyone active, with the digest frequency they chose (null: their role's default). */
export async function digestChoices(db: DbLike, orgId: number): Promise<{ slackId: string; digest: string | null }[]> {
  return runnerOf(db).all<{ slackId: string; digest: string | null }>(sql`
    SELECT "slackId", "digest" FROM "Person" WHERE "orgId" = ${orgId} AND "active" = TRUE ORDER BY "id"`);
}

export interface SubtreeCounts {
  newVisits: number;
  pendingOld: number;
  newIssues: number;
  overdue: number;
  open: number;
  stuck: number;
}

/**
 * A digest's counts over a subtree in one statement. The people travel as one set however many
 * they are: an `IN` list of thousands would pass SQLite's 999 parameters. Registrations filed since
 * `since` are the kept per-day counts of the local days after `sinceDay` (the day of `since`), and
 * the filings themselves from `since` to `dayAfterSince` (that day's end): a few rows, never a week's.
 * Open issues are named by their two open states, so that (orgId, status, reporterId, ackDeadlineAt)
 * answers them and the overdue ones from the index alone.
 */
export async function subtreeCounts(
  db: DbLike,
  o: {
    orgId: number;
    people: string[];
    since: Date;
    sinceDay: string;
    dayAfterSince: Date;
    dayAgo: Date;
    now: Date;
  },
): Promise<SubtreeCounts> {
  const { orgId } = o;
  // column names come from this code, never from input
  const inPeople = (column: string): SqlQuery => ({
    strings: [`"${column}" IN (SELECT "key" FROM "people")`],
    values: [],
  });
  const rows = await runnerOf(db).all<Record<keyof SubtreeCounts, number | bigint | string>>(sql`
    WITH "people" AS (${sqlSet(o.people)})
    SELECT
      (SELECT COALESCE(SUM("count"), 0) FROM "VisitFilingDayCount"
        WHERE "orgId" = ${orgId}
        AND ${inPeople('filerId')} AND "day" > ${o.sinceDay})
      + (SELECT COUNT(*) FROM "Visit"
        WHERE "orgId" = ${orgId}
        AND ${inPeople('filerId')} AND "createdAt" >= ${o.since} AND "createdAt" < ${o.dayAfterSince}) AS "newVisits",
      (SELECT COUNT(*) FROM "Visit"
        WHERE "orgId" = ${orgId}
        AND ${inPeople('approverId')} AND "status" = 'pending' AND "createdAt" < ${o.dayAgo}) AS "pendingOld",
      (SELECT COUNT(*) FROM "IssueReport"
        WHERE "orgId" = ${orgId}
        AND ${inPeople('reporterId')} AND "createdAt" >= ${o.since}) AS "newIssues",
      (SELECT COUNT(*) FROM "IssueReport"
        WHERE "orgId" = ${orgId}
        AND ${inPeople('reporterId')} AND "status" = 'open' AND "ackDeadlineAt" < ${o.now}) AS "overdue",
      (SELECT COUNT(*) FROM "IssueReport"
        WHERE "orgId" = ${orgId}
        AND ${inPeople('reporterId')} AND "status" IN ('open', 'acknowledged')) AS "open",
      (SELECT COUNT(*) FROM "Customer"
        WHERE "orgId" = ${orgId}
        AND ${inPeople('ownerId')} AND "reminderLevel" > 0 AND "stage" NOT IN ('closed', 'lost')) AS "stuck"`);
  const row = rows[0];
  return {
    newVisits: Number(row.newVisits),
    pendingOld: Number(row.pendingOld),
    newIssues: Number(row.newIssues),
    overdue: Number(row.overdue),
    open: Number(row.open),
    stuck: Number(row.stuck),
  };
}
