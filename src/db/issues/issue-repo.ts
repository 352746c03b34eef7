import type { DbOrTx } from '../database.ts';
import type { IssueReport } from '../../generated/sqlite/client.ts';
import { sql, sqlSet } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

export type { IssueReport };
export type IssueStatus = 'open' | 'acknowledged' | 'resolved';

/**
 * Takes the next number of an organisation and year inside the caller's transaction. The row lock
 * (PostgreSQL) or the single writer (SQLite) serialises concurrent filings, and a rolled-back
 * filing gives its number back: no gaps, no duplicates.
 */
export async function takeIssueSeq(db: DbOrTx, orgId: number, year: number): Promise<number> {
  await db.$executeRaw`INSERT INTO "IssueCounter" ("orgId", "year", "last") VALUES (${orgId}, ${year}, 0) ON CONFLICT
    ("orgId", "year") DO NOTHING`;
  const rows = await db.$queryRaw<
    { last: number | bigint }[]
  >`UPDATE "IssueCounter" SET "last" = "last" + 1 WHERE "orgId" = ${orgId} AND "year" = ${year} RETURNING "last"`;
  return Number(rows[0].last);
}

export async function createIssue(
  db: DbOrTx,
  data: Omit<
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
  > & { assigneeId: string | null },
): Promise<IssueReport> {
  return db.issueReport.create({ data });
}

export async function findIssue(db: DbOrTx, id: number): Promise<IssueReport | null> {
  return db.issueReport.findUnique({ where: { id } });
}

export async function findIssueByNumber(db: DbOrTx, orgId: number, number: string): Promise<IssueReport | null> {
  return db.issueReport.findUnique({ where: { orgId_number: { orgId, number } } });
}

export async function findIssueBySourceView(db: DbOrTx, viewId: string): Promise<IssueReport | null> {
  return db.issueReport.findUnique({ where: { sourceViewId: viewId } });
}

/** Changes an issue only from the states given: a second click changes nothing. */
export async function transitionIssue(
  db: DbOrTx,
  id: number,
  from: IssueStatus[],
  data: Partial<IssueReport>,
  extra: { handlerId?: string; escalationLevel?: number } = {},
): Promise<boolean> {
  const { count } = await db.issueReport.updateMany({
    where: {
      id,
      status: { in: from },
      ...(extra.handlerId ? { handlerId: extra.handlerId } : {}),
      ...(extra.escalationLevel !== undefined ? { escalationLevel: extra.escalationLevel } : {}),
    },
    data,
  });
  return count === 1;
}

export async function addIssueCard(db: DbOrTx, issueId: number, outboxId: number): Promise<void> {
  await db.issueCard.create({ data: { issueId, outboxId } });
}

/** Every card of an issue, with where it was posted (a user id for DMs, or a channel). */
export async function issueCards(db: DbOrTx, issueId: number): Promise<{ outboxId: number; channel: string }[]> {
  const cards = await db.issueCard.findMany({ where: { issueId }, select: { outboxId: true } });
  const rows = await db.outboxMessage.findMany({
    where: { id: { in: cards.map((c) => c.outboxId) } },
    select: { id: true, channel: true },
  });
  return rows.map((r) => ({ outboxId: r.id, channel: r.channel }));
}

/** Open issues whose acknowledgement deadline has passed. */
export async function overdueIssues(db: DbOrTx, orgId: number, now: Date): Promise<IssueReport[]> {
  return db.issueReport.findMany({
    where: { orgId, status: 'open', ackDeadlineAt: { lte: now } },
    orderBy: { ackDeadlineAt: 'asc' },
    take: 500,
  });
}

/** Stops checking an issue's deadline (the top of the chain was reached), unless it changed hands meanwhile. */
export async function clearAckDeadline(db: DbOrTx, id: number, handlerId: string): Promise<void> {
  await db.issueReport.updateMany({ where: { id, handlerId }, data: { ackDeadlineAt: null } });
}

/** The earliest acknowledgement deadline of an open issue after this instant. */
export async function nextAckDeadline(db: DbOrTx, orgId: number, after: Date): Promise<Date | undefined> {
  const next = await db.issueReport.findFirst({
    where: { orgId, status: 'open', ackDeadlineAt: { gt: after } },
    orderBy: { ackDeadlineAt: 'asc' },
    select: { ackDeadlineAt: true },
  });
  return next?.ackDeadlineAt ?? undefined;
}

/** The first routed message, whose thread is the issue's discussion. */
export async function setIssueThread(db: DbOrTx, id: number, threadOutboxId: number): Promise<void> {
  await db.issueReport.updateMany({ where: { id }, data: { threadOutboxId } });
}

const issueFromRow = rowReader<IssueReport>({
  numbers: ['id', 'orgId', 'year', 'seq', 'escalationLevel', 'threadOutboxId'],
  dates: ['ackDeadlineAt', 'acknowledgedAt', 'resolvedAt', 'createdAt', 'updatedAt'],
});

/** The reporters travel as one set, however many there are (SQLite allows 999 parameters). */
export async function issuesReportedBy(
  db: DbLike,
  orgId: number,
  reporterIds: string[],
  onlyOpen: boolean,
  take = 200,
): Promise<IssueReport[]> {
  const open = onlyOpen ? sql` AND "status" <> 'resolved'` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "IssueReport" WHERE "orgId" = ${orgId} AND "reporterId" IN (${sqlSet(reporterIds)})${open}
    ORDER BY "createdAt" DESC, "id" DESC LIMIT ${take}`);
  return rows.map(issueFromRow);
}

/** Open issues someone owns or was assigned, reported by others. */
/** Open (not yet acknowledged) issues this person handles, oldest first. */
export async function openIssuesHandledBy(
  db: DbOrTx,
  orgId: number,
  handlerId: string,
  take: number,
): Promise<IssueReport[]> {
  return db.issueReport.findMany({ where: { orgId, status: 'open', handlerId }, orderBy: { id: 'asc' }, take });
}

/** Every unresolved issue someone handles or was assigned, their own reports included (App Home). */
export async function unresolvedIssuesOf(
  db: DbOrTx,
  orgId: number,
  personId: string,
  take: number,
): Promise<IssueReport[]> {
  const where = { orgId, status: { not: 'resolved' }, OR: [{ handlerId: personId }, { assigneeId: personId }] };
  return db.issueReport.findMany({ where, orderBy: { id: 'asc' }, take });
}

export async function openIssuesInHandsOf(
  db: DbOrTx,
  orgId: number,
  personId: string,
  take = 60,
): Promise<IssueReport[]> {
  const inHand = [{ handlerId: personId }, { assigneeId: personId }];
  return db.issueReport.findMany({
    where: { orgId, status: { not: 'resolved' }, reporterId: { not: personId }, OR: inHand },
    orderBy: { createdAt: 'asc' },
    take,
  });
}

export async function openOsbIssues(db: DbOrTx, orgId: number, take = 200): Promise<IssueReport[]> {
  return db.issueReport.findMany({
    where: { orgId, status: { not: 'resolved' }, category: { startsWith: 'osb_' } },
    orderBy: { createdAt: 'asc' },
    take,
  });
}

/** For the monthly OSB meeting: what was opened in the period, and what is still open now. */
export async function osbRegister(
  db: DbOrTx,
  orgId: number,
  from: Date,
  to: Date,
): Promise<{ openedInPeriod: IssueReport[]; stillOpen: IssueReport[] }> {
  const [openedInPeriod, stillOpen] = await Promise.all([
    db.issueReport.findMany({
      where: { orgId, category: { startsWith: 'osb_' }, createdAt: { gte: from, lt: to } },
      orderBy: { seq: 'asc' },
    }),
    openOsbIssues(db, orgId, 500),
  ]);
  return { openedInPeriod, stillOpen };
}
