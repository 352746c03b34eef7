import { sql, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

type CoverageWindow = { orgId: number; since: Date; until: Date };

/** Per registered outlet (not closed) matching `where`: 1 when visited (an approved brand visit filed under its
 * name or code) or called (a made phone call) in [since, until), else 0. What was touched is grouped first. */
function touchedOutlets(o: CoverageWindow, where: SqlQuery) {
  return sql`
    WITH "visited" AS (
      SELECT "account" AS "k" FROM "Visit"
      WHERE "orgId" = ${o.orgId} AND "kind" = 'brand' AND "status" = 'approved'
        AND "visitAt" >= ${o.since} AND "visitAt" < ${o.until}
      GROUP BY "account"
    ), "called" AS (
      SELECT "accountId" FROM "PhoneCall"
      WHERE "orgId" = ${o.orgId} AND "status" = 'made' AND "loggedAt" >= ${o.since} AND "loggedAt" < ${o.until}
      GROUP BY "accountId"
    )
    SELECT a."ownerId" AS "ownerId",
      CASE WHEN a."name" IN (SELECT "k" FROM "visited") OR a."code" IN (SELECT "k" FROM "visited")
        OR a."id" IN (SELECT "accountId" FROM "called") THEN 1 ELSE 0 END AS "active"
    FROM "Account" a
    WHERE a."orgId" = ${o.orgId} AND a."kind" = 'outlet' AND a."status" <> 'closed'${where}`;
}

/**
 * Registered outlets (not closed) of some markets or some owners (all when neither is given), and
 * how many of them were visited or called in [since, until). One statement.
 */
export async function outletCoverage(
  db: DbLike,
  o: CoverageWindow & { markets?: string[]; ownerIds?: string[] },
): Promise<{ active: number; registered: number }> {
  const markets = o.markets ? sql` AND a."market" IN (${sqlSet(o.markets)})` : sql``;
  const owners = o.ownerIds ? sql` AND a."ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  const rows = await runnerOf(db).all<{ registered: number | bigint | null; active: number | bigint | null }>(sql`
    SELECT COUNT(*) AS "registered", SUM("active") AS "active"
    FROM (${touchedOutlets(o, sql`${markets}${owners}`)}) AS "outlets"`);
  return { registered: Number(rows[0]?.registered ?? 0), active: Number(rows[0]?.active ?? 0) };
}

/** The same per owner, for every owner at once (a month's scorecards roll it up each subtree). */
export async function outletCoverageByOwner(
  db: DbLike,
  o: CoverageWindow,
): Promise<Map<string, { active: number; registered: number }>> {
  const rows = await runnerOf(db).all<{ ownerId: string | null; registered: unknown; active: unknown }>(sql`
    SELECT "ownerId", COUNT(*) AS "registered", SUM("active") AS "active"
    FROM (${touchedOutlets(o, sql``)}) AS "outlets" GROUP BY "ownerId"`);
  return new Map(
    rows
      .filter((r) => r.ownerId)
      .map((r) => [String(r.ownerId), { registered: Number(r.registered ?? 0), active: Number(r.active ?? 0) }]),
  );
}
