import { sql, sqlSet } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/**
 * Registered outlets (not closed) of some markets or some owners (all when neither is given), and
 * how many of them were visited (an approved brand visit filed under their name or code) or called
 * (a made phone call) in [since, until). One statement: what was touched is grouped first.
 */
export async function outletCoverage(
  db: DbLike,
  o: { orgId: number; since: Date; until: Date; markets?: string[]; ownerIds?: string[] },
): Promise<{ active: number; registered: number }> {
  const markets = o.markets ? sql` AND a."market" IN (${sqlSet(o.markets)})` : sql``;
  const owners = o.ownerIds ? sql` AND a."ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  const rows = await runnerOf(db).all<{ registered: number | bigint | null; active: number | bigint | null }>(sql`
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
    SELECT COUNT(*) AS "registered",
      SUM(CASE WHEN a."name" IN (SELECT "k" FROM "visited") OR a."code" IN (SELECT "k" FROM "visited")
        OR a."id" IN (SELECT "accountId" FROM "called") THEN 1 ELSE 0 END) AS "active"
    FROM "Account" a
    WHERE a."orgId" = ${o.orgId} AND a."kind" = 'outlet' AND a."status" <> 'closed'${markets}${owners}`);
  return { registered: Number(rows[0]?.registered ?? 0), active: Number(rows[0]?.active ?? 0) };
}
