import { sql, sqlList, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

type CoverageWindow = { orgId: number; since: Date; until: Date };

/**
 * Per registered outlet (not closed) matching `where`: 1 when active in [since, until), else 0. Active
 * is an approved brand visit filed under its name or code, an order not cancelled, or a made phone
 * call. Set-based: each outlet is probed with EXISTS on the indexes by account and date (Visit (orgId,
 * account, visitAt, kind, status), Order (orgId, accountId, createdAt, state), PhoneCall (orgId, accountId,
 * loggedAt, status)), never by grouping the whole window. The kind, state and status are in the keys, so a
 * probe reads the index alone; the code first (visits are filed under it), the name only when that fails.
 */
function activeOutlets(o: CoverageWindow, where: SqlQuery) {
  const visited = (key: SqlQuery) => sql`EXISTS (SELECT 1 FROM "Visit" v
      WHERE v."orgId" = ${o.orgId} AND v."account" = ${key}
        AND v."visitAt" >= ${o.since} AND v."visitAt" < ${o.until}
        AND v."kind" = 'brand' AND v."status" = 'approved')`;
  return sql`
    SELECT a."ownerId" AS "ownerId",
      CASE WHEN ${visited(sql`a."code"`)} OR ${visited(sql`a."name"`)}
        OR EXISTS (SELECT 1 FROM "Order" r
          WHERE r."orgId" = ${o.orgId} AND r."accountId" = a."id" AND r."createdAt" >= ${o.since}
            AND r."createdAt" < ${o.until} AND r."state" <> 'cancelled')
        OR EXISTS (SELECT 1 FROM "PhoneCall" c
          WHERE c."orgId" = ${o.orgId} AND c."accountId" = a."id" AND c."loggedAt" >= ${o.since}
            AND c."loggedAt" < ${o.until} AND c."status" = 'made')
        THEN 1 ELSE 0 END AS "active"
    FROM "Account" a
    WHERE a."orgId" = ${o.orgId} AND a."kind" = 'outlet' AND a."status" <> 'closed'${where}`;
}

/**
 * Registered outlets (not closed) of some markets or some owners (all when neither is given), and
 * how many of them were active in [since, until). One statement. The markets (a few) go as a list of
 * values, not as one set: PostgreSQL then reads them by the (orgId, market, kind) index and expects a
 * market's outlets, not the whole register (taking every outlet, its plan cost JIT compilation, about 1 s).
 */
export async function outletCoverage(
  db: DbLike,
  o: CoverageWindow & { markets?: string[]; ownerIds?: readonly string[] },
): Promise<{ active: number; registered: number }> {
  // no market at all matches no outlet, as an empty set would
  const markets = o.markets ? sql` AND a."market" IN (${o.markets.length ? sqlList(o.markets) : sql`NULL`})` : sql``;
  const owners = o.ownerIds ? sql` AND a."ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  const rows = await runnerOf(db).all<{ registered: number | bigint | null; active: number | bigint | null }>(sql`
    SELECT COUNT(*) AS "registered", SUM("active") AS "active"
    FROM (${activeOutlets(o, sql`${markets}${owners}`)}) AS "outlets"`);
  return { registered: Number(rows[0]?.registered ?? 0), active: Number(rows[0]?.active ?? 0) };
}

/** The same per owner, for every owner at once (a month's scorecards roll it up each subtree). */
export async function outletCoverageByOwner(
  db: DbLike,
  o: CoverageWindow,
): Promise<Map<string, { active: number; registered: number }>> {
  const rows = await runnerOf(db).all<{ ownerId: string | null; registered: unknown; active: unknown }>(sql`
    SELECT "ownerId", COUNT(*) AS "registered", SUM("active") AS "active"
    FROM (${activeOutlets(o, sql``)}) AS "outlets" GROUP BY "ownerId"`);
  return new Map(
    rows
      .filter((r) => r.ownerId)
      .map((r) => [String(r.ownerId), { registered: Number(r.registered ?? 0), active: Number(r.active ?? 0) }]),
  );
}
