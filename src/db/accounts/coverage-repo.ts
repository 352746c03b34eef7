import { sql, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/**
 * Registered outlets (not closed) of some markets or some owners (all when neither is given), and
 * how many of them were active in [since, until): an approved brand visit filed under their name or
 * code, an order not cancelled, or a made phone call. One statement, set-based: each outlet is probed
 * with EXISTS on the indexes by account and date (Visit (orgId, account, visitAt), Order (orgId,
 * accountId, createdAt), PhoneCall (orgId, accountId, loggedAt)), never by grouping the whole window.
 */
export async function outletCoverage(
  db: DbLike,
  o: { orgId: number; since: Date; until: Date; markets?: string[]; ownerIds?: string[] },
): Promise<{ active: number; registered: number }> {
  const markets = o.markets ? sql` AND a."market" IN (${sqlSet(o.markets)})` : sql``;
  const owners = o.ownerIds ? sql` AND a."ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  const visited = (key: SqlQuery) => sql`EXISTS (SELECT 1 FROM "Visit" v
      WHERE v."orgId" = ${o.orgId} AND v."account" = ${key}
        AND v."visitAt" >= ${o.since} AND v."visitAt" < ${o.until}
        AND v."kind" = 'brand' AND v."status" = 'approved')`;
  const rows = await runnerOf(db).all<{ registered: number | bigint | null; active: number | bigint | null }>(sql`
    SELECT COUNT(*) AS "registered",
      SUM(CASE WHEN ${visited(sql`a."name"`)} OR ${visited(sql`a."code"`)}
        OR EXISTS (SELECT 1 FROM "Order" r
          WHERE r."orgId" = ${o.orgId} AND r."accountId" = a."id" AND r."createdAt" >= ${o.since}
            AND r."createdAt" < ${o.until} AND r."state" <> 'cancelled')
        OR EXISTS (SELECT 1 FROM "PhoneCall" c
          WHERE c."orgId" = ${o.orgId} AND c."accountId" = a."id" AND c."loggedAt" >= ${o.since}
            AND c."loggedAt" < ${o.until} AND c."status" = 'made')
        THEN 1 ELSE 0 END) AS "active"
    FROM "Account" a
    WHERE a."orgId" = ${o.orgId} AND a."kind" = 'outlet' AND a."status" <> 'closed'${markets}${owners}`);
  return { registered: Number(rows[0]?.registered ?? 0), active: Number(rows[0]?.active ?? 0) };
}
