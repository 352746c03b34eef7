import type { Visit } from '../../generated/sqlite/client.ts';
import { sql, sqlSet } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, type Write } from '../sql/write-together.ts';
import { visitFromRow } from './visit-repo.ts';

/*
 * What the reports read: registrations in a window (the evening summary, the export) and the
 * per-day counts kept as registrations are approved (the weekly and monthly analyses).
 */

/** Registrations approved in a window, for the evening summary. */
export async function approvedVisitsBetween(db: DbLike, orgId: number, from: Date, to: Date): Promise<Visit[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Visit" WHERE "orgId" = ${orgId} AND "status" = 'approved'
      AND "decidedAt" >= ${from} AND "decidedAt" < ${to}
    ORDER BY "visitAt" ASC, "number" ASC`);
  return rows.map(visitFromRow);
}

export async function visitsBetween(
  db: DbLike,
  orgId: number,
  from: Date,
  to: Date,
  filerIds?: string[],
): Promise<Visit[]> {
  const filers = filerIds ? sql` AND "filerId" IN (${sqlSet(filerIds)})` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT * FROM "Visit" WHERE "orgId" = ${orgId} AND "visitAt" >= ${from} AND "visitAt" < ${to}${filers}
    ORDER BY "visitAt" ASC, "number" ASC, "id" ASC`);
  return rows.map(visitFromRow);
}

export interface VisitDayGroup {
  source: string;
  grade: string;
  visitType: string;
  filerId: string;
  count: number;
}

/** The kept per-day counts of approved registrations added up over whole days [fromDay, toDay). */
export async function visitDayGroups(
  db: DbLike,
  orgId: number,
  fromDay: string,
  toDay: string,
  filerIds?: string[],
): Promise<VisitDayGroup[]> {
  const filers = filerIds ? sql` AND "filerId" IN (${sqlSet(filerIds)})` : sql``;
  const rows = await runnerOf(db).all<Omit<VisitDayGroup, 'count'> & { count: number | bigint | string | null }>(sql`
    SELECT "source", "grade", "visitType", "filerId", SUM("count") AS "count" FROM "VisitDayCount"
    WHERE "orgId" = ${orgId} AND "day" >= ${fromDay} AND "day" < ${toDay}${filers}
    GROUP BY "source", "grade", "visitType", "filerId"`);
  return rows.map((row) => ({ ...row, count: Number(row.count ?? 0) }));
}

export interface BrandVisitGroup {
  filerId: string;
  approverId: string;
  account: string;
  purpose: string;
  count: number;
}

/**
 * A brand's approved account visits in [from, to), grouped by who, for whom and why. VisitDayCount
 * keeps only a property's fields; a brand files far fewer visits, so they are counted from the rows.
 */
export async function brandVisitGroups(
  db: DbLike,
  orgId: number,
  from: Date,
  to: Date,
  filerIds?: string[],
): Promise<BrandVisitGroup[]> {
  const filers = filerIds ? sql` AND "filerId" IN (${sqlSet(filerIds)})` : sql``;
  const rows = await runnerOf(db).all<Omit<BrandVisitGroup, 'count'> & { count: number | bigint | string | null }>(sql`
    SELECT "filerId", "approverId", "account", "purpose", COUNT(*) AS "count"
    FROM "Visit" WHERE "orgId" = ${orgId} AND "kind" = 'brand' AND "status" = 'approved'
    AND "visitAt" >= ${from} AND "visitAt" < ${to}${filers}
    GROUP BY "filerId", "approverId", "account", "purpose"`);
  return rows.map((row) => ({ ...row, count: Number(row.count ?? 0) }));
}

/** Adds an approved registration to its day's count (see VisitDayCount). */
export async function countApprovedVisit(
  db: DbLike,
  visit: Pick<Visit, 'orgId' | 'source' | 'grade' | 'visitType' | 'filerId'>,
  day: string,
): Promise<void> {
  await runnerOf(db).run(approvedVisitCountWrite(visit, day));
}

/** countApprovedVisit as a write to send with others (writeTogether). */
export function approvedVisitCountWrite(
  visit: Pick<Visit, 'orgId' | 'source' | 'grade' | 'visitType' | 'filerId'>,
  day: string,
): Write {
  return asWrite(sql`
    INSERT INTO "VisitDayCount" ("orgId", "day", "source", "grade", "visitType", "filerId", "count")
    VALUES (${visit.orgId}, ${day}, ${visit.source}, ${visit.grade}, ${visit.visitType}, ${visit.filerId}, 1)
    ON CONFLICT ("orgId", "day", "source", "grade", "visitType", "filerId")
    DO UPDATE SET "count" = "VisitDayCount"."count" + 1`);
}
