import type { IssueReport } from '../../generated/sqlite/client.ts';
import { ISSUE_CATEGORIES, isOsb as isOsbCategory } from '../../domain/issues/issue-rules.ts';
import { sql, sqlAssignments, sqlList, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { rowReader, runnerOf, toDateOrNull, type DbLike } from '../sql/sql-runner.ts';

export type { IssueReport };
export type IssueStatus = 'open' | 'acknowledged' | 'resolved';

const ISSUE_COLUMNS: ReadonlySet<string> = new Set([
  'orgId',
  'number',
  'year',
  'seq',
  'reporterId',
  'category',
  'severity',
  'title',
  'description',
  'subject',
  'status',
  'handlerId',
  'assigneeId',
  'escalationLevel',
  'ackDeadlineAt',
  'acknowledgedBy',
  'acknowledgedAt',
  'resolvedBy',
  'resolvedAt',
  'resolution',
  'threadOutboxId',
  'sourceViewId',
  'createdAt',
  'updatedAt',
] satisfies (keyof IssueReport)[]);

/**
 * Takes the next number of an organisation and year inside the caller's transaction. The row lock
 * (PostgreSQL) or the single writer (SQLite) serialises concurrent filings, and a rolled-back
 * filing gives its number back: no gaps, no duplicates.
 */
export async function takeIssueSeq(db: DbLike, orgId: number, year: number): Promise<number> {
  const runner = runnerOf(db);
  await runner.run(sql`
    INSERT INTO "IssueCounter" ("orgId", "year", "last") VALUES (${orgId}, ${year}, 0)
    ON CONFLICT ("orgId", "year") DO NOTHING`);
  const rows = await runner.all<{ last: number | bigint }>(sql`
    UPDATE "IssueCounter" SET "last" = "last" + 1 WHERE "orgId" = ${orgId} AND "year" = ${year} RETURNING "last"`);
  return Number(rows[0].last);
}

export type NewIssue = Omit<
  IssueReport,
  | 'id'
  | 'escalationLevel'
  | 'assigneeId'
  | 'acknowledgedBy'
  | 'acknowledgedAt'
  | 'resolvedBy'
  | 'resolvedAt'
  | 'resolution'
  | 'threadOutboxId'
> & { assigneeId: string | null };

export async function createIssue(db: DbLike, data: NewIssue): Promise<IssueReport> {
  const columns = Object.keys(data).filter((name) => data[name as keyof NewIssue] !== undefined);
  for (const name of columns) if (!ISSUE_COLUMNS.has(name)) throw new Error(`not a column: ${name}`);
  const names = columns.map((name) => `"${name}"`).join(', ');
  const values: SqlQuery = {
    strings: ['', ...columns.slice(1).map(() => ', '), ''],
    values: columns.map((name) => data[name as keyof NewIssue]),
  };
  const insert: SqlQuery = { strings: [`INSERT INTO "IssueReport" (${names}) VALUES (`], values: [] };
  const rows = await runnerOf(db).all(sql`${insert}${values}) RETURNING *`);
  return issueFromRow(rows[0]);
}

async function oneIssue(db: DbLike, where: SqlQuery): Promise<IssueReport | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "IssueReport" WHERE ${where}`);
  return rows[0] ? issueFromRow(rows[0]) : null;
}

export async function findIssue(db: DbLike, id: number): Promise<IssueReport | null> {
  return oneIssue(db, sql`"id" = ${id}`);
}

export async function findIssueByNumber(db: DbLike, orgId: number, number: string): Promise<IssueReport | null> {
  return oneIssue(db, sql`"orgId" = ${orgId} AND "number" = ${number}`);
}

export async function findIssueBySourceView(db: DbLike, viewId: string): Promise<IssueReport | null> {
  return oneIssue(db, sql`"sourceViewId" = ${viewId}`);
}

/** Changes an issue only from the states given: a second click changes nothing. */
export async function transitionIssue(
  db: DbLike,
  id: number,
  from: IssueStatus[],
  data: Partial<IssueReport>,
  extra: { handlerId?: string; escalationLevel?: number } = {},
): Promise<boolean> {
  const handler = extra.handlerId ? sql` AND "handlerId" = ${extra.handlerId}` : sql``;
  const level = extra.escalationLevel !== undefined ? sql` AND "escalationLevel" = ${extra.escalationLevel}` : sql``;
  const changed = await runnerOf(db).run(sql`
    UPDATE "IssueReport" SET ${sqlAssignments(data, ISSUE_COLUMNS)}
    WHERE "id" = ${id} AND "status" IN (${sqlList(from)})${handler}${level}`);
  return changed === 1;
}

export async function addIssueCard(db: DbLike, issueId: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`INSERT INTO "IssueCard" ("issueId", "outboxId") VALUES (${issueId}, ${outboxId})`);
}

/** Every card of an issue, with where it was posted (a user id for DMs, or a channel). */
export async function issueCards(db: DbLike, issueId: number): Promise<{ outboxId: number; channel: string }[]> {
  const rows = await runnerOf(db).all<{ id: number | bigint; channel: string }>(sql`
    SELECT "id", "channel" FROM "OutboxMessage"
    WHERE "id" IN (SELECT "outboxId" FROM "IssueCard" WHERE "issueId" = ${issueId}) ORDER BY "id"`);
  return rows.map((r) => ({ outboxId: Number(r.id), channel: r.channel }));
}

/** Open issues whose acknowledgement deadline has passed. */
export async function overdueIssues(db: DbLike, orgId: number, now: Date): Promise<IssueReport[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "IssueReport" WHERE "orgId" = ${orgId} AND "status" = 'open' AND "ackDeadlineAt" <= ${now}
    ORDER BY "ackDeadlineAt" ASC LIMIT 500`);
  return rows.map(issueFromRow);
}

/** Stops checking an issue's deadline (the top of the chain was reached), unless it changed hands meanwhile. */
export async function clearAckDeadline(db: DbLike, id: number, handlerId: string): Promise<void> {
  await runnerOf(db).run(sql`
    UPDATE "IssueReport" SET "ackDeadlineAt" = NULL WHERE "id" = ${id} AND "handlerId" = ${handlerId}`);
}

/** The earliest acknowledgement deadline of an open issue after this instant. */
export async function nextAckDeadline(db: DbLike, orgId: number, after: Date): Promise<Date | undefined> {
  const rows = await runnerOf(db).all<{ at: unknown }>(sql`
    SELECT "ackDeadlineAt" AS "at" FROM "IssueReport"
    WHERE "orgId" = ${orgId} AND "status" = 'open' AND "ackDeadlineAt" > ${after}
    ORDER BY "ackDeadlineAt" ASC LIMIT 1`);
  return rows[0] ? (toDateOrNull(rows[0].at) ?? undefined) : undefined;
}

/** The first routed message, whose thread is the issue's discussion. */
export async function setIssueThread(db: DbLike, id: number, threadOutboxId: number): Promise<void> {
  await runnerOf(db).run(sql`UPDATE "IssueReport" SET "threadOutboxId" = ${threadOutboxId} WHERE "id" = ${id}`);
}

const issueFromRow = rowReader<IssueReport>({
  numbers: ['id', 'orgId', 'year', 'seq', 'escalationLevel', 'threadOutboxId'],
  dates: ['ackDeadlineAt', 'acknowledgedAt', 'resolvedAt', 'createdAt', 'updatedAt'],
});

/** The reporters travel as one set, however many there are (SQLite allows 999 parameters). */
export async function issuesReportedBy(
  db: DbLike,
  orgId: number,
  reporterIds: readonly string[],
  onlyOpen: boolean,
  take = 200,
): Promise<IssueReport[]> {
  const open = onlyOpen ? sql` AND "status" <> 'resolved'` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "IssueReport" WHERE "orgId" = ${orgId} AND "reporterId" IN (${sqlSet(reporterIds)})${open}
    ORDER BY "createdAt" DESC, "id" DESC LIMIT ${take}`);
  return rows.map(issueFromRow);
}

const issuesWhere = async (db: DbLike, where: SqlQuery, order: SqlQuery, take: number) =>
  (await runnerOf(db).all(sql`SELECT * FROM "IssueReport" WHERE ${where} ORDER BY ${order} LIMIT ${take}`)).map(
    issueFromRow,
  );

/** Open (not yet acknowledged) issues this person handles, oldest first. */
export async function openIssuesHandledBy(
  db: DbLike,
  orgId: number,
  handlerId: string,
  take: number,
): Promise<IssueReport[]> {
  const where = sql`"orgId" = ${orgId} AND "status" = 'open' AND "handlerId" = ${handlerId}`;
  return issuesWhere(db, where, sql`"id" ASC`, take);
}

/** Every unresolved issue someone handles or was assigned, their own reports included (App Home). */
export async function unresolvedIssuesOf(
  db: DbLike,
  orgId: number,
  personId: string,
  take: number,
): Promise<IssueReport[]> {
  const where = sql`"orgId" = ${orgId} AND "status" <> 'resolved'
    AND ("handlerId" = ${personId} OR "assigneeId" = ${personId})`;
  return issuesWhere(db, where, sql`"id" ASC`, take);
}

/** Open issues someone owns or was assigned, reported by others. */
export async function openIssuesInHandsOf(
  db: DbLike,
  orgId: number,
  personId: string,
  take = 60,
): Promise<IssueReport[]> {
  const where = sql`"orgId" = ${orgId} AND "status" <> 'resolved' AND "reporterId" <> ${personId}
    AND ("handlerId" = ${personId} OR "assigneeId" = ${personId})`;
  return issuesWhere(db, where, sql`"createdAt" ASC`, take);
}

const isOsb = sql`substr("category", 1, 4) = 'osb_'`;

export async function openOsbIssues(db: DbLike, orgId: number, take = 200): Promise<IssueReport[]> {
  return issuesWhere(db, sql`"orgId" = ${orgId} AND "status" <> 'resolved' AND ${isOsb}`, sql`"createdAt" ASC`, take);
}

/** The OSB categories by name, so that an index on (orgId, category, createdAt) finds them. */
const OSB_CATEGORIES = ISSUE_CATEGORIES.filter(isOsbCategory);

/**
 * For the monthly OSB meeting: how many were opened in the period, and what is still open now (the
 * oldest 500). The month's reports are counted, not read: at 1,000,000 reports a month holds tens of
 * thousands, and reading them was most of the register's second. The count is an index-only scan of
 * (orgId, category, createdAt).
 */
export async function osbRegister(
  db: DbLike,
  orgId: number,
  from: Date,
  to: Date,
): Promise<{ openedInPeriod: number; stillOpen: IssueReport[] }> {
  const [opened] = await runnerOf(db).all<{ count: number | bigint | string }>(sql`
    SELECT COUNT(*) AS "count" FROM "IssueReport" WHERE "orgId" = ${orgId}
    AND "category" IN (${sqlList(OSB_CATEGORIES)}) AND "createdAt" >= ${from} AND "createdAt" < ${to}`);
  const stillOpen = await openOsbIssues(db, orgId, 500);
  return { openedInPeriod: Number(opened?.count ?? 0), stillOpen };
}
