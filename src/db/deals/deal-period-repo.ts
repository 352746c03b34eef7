import { preparedSql, sql, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/**
 * A site's deals of one period per owner, by the one rule every report follows (/targets, the monthly
 * scorecard, the visit analysis and its funnel):
 *
 * - a 認購 counts in the period its reservation stood (made, or its discount approved by the PM),
 *   whatever became of it later: a later cancellation takes nothing back from that period;
 * - a 簽約 counts in the period it was signed, the same way (an undone 簽約 is no contract: it was a
 *   mistake, not a cancellation);
 * - a cancellation (退訂／退房, once the PM approves it) is a figure of its own, in the period it was
 *   approved, shown as a cancellation beside the 認購 and 簽約, never subtracted from them.
 */
export interface DealPeriodCounts {
  /** reservations that stood in the period */
  reserved: number;
  reservedCents: number;
  /** contracts signed in the period (the contract's total) */
  contracted: number;
  contractedCents: number;
  /** of the period's contracts, those on a reservation of the same period (the funnel's 簽約) */
  reservedAndSigned: number;
  /** cancellations approved in the period, whenever the deal was reserved */
  cancelled: number;
}

export const NO_DEAL_COUNTS: DealPeriodCounts = {
  reserved: 0,
  reservedCents: 0,
  contracted: 0,
  contractedCents: 0,
  reservedAndSigned: 0,
  cancelled: 0,
};

/**
 * The moment a deal's reservation stood: its move to 已認購 when made, or from waiting for the PM; a deal
 * kept without that history (written before it, or by hand) stood when it was made, unless it never did.
 */
const stoodAt = sql`COALESCE((SELECT MIN(c."at") FROM "DealChange" c
    WHERE c."dealId" = d."id" AND c."toStage" = 'reserved' AND c."fromStage" IN ('', 'awaiting_discount')),
  CASE WHEN d."stage" NOT IN ('awaiting_discount', 'declined') THEN d."createdAt" END)`;

/** `DealPeriodCounts` per owner over [from, to), of these owners (all when absent). */
export async function dealCountsByOwner(
  db: DbLike,
  orgId: number,
  o: { from: Date; to: Date; ownerIds?: string[] },
): Promise<Map<string, DealPeriodCounts>> {
  const owners = o.ownerIds ? sql` AND d."ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  const within = (at: ReturnType<typeof sql>) => sql`${at} >= ${o.from} AND ${at} < ${o.to}`;
  const reservedHere = within(stoodAt);
  type Row = { ownerId: string } & Record<keyof DealPeriodCounts, unknown>;
  const rows = await runnerOf(db).all<Row>(sql`
    SELECT d."ownerId" AS "ownerId",
      SUM(CASE WHEN ${reservedHere} THEN 1 ELSE 0 END) AS "reserved",
      SUM(CASE WHEN ${reservedHere} THEN d."priceCents" ELSE 0 END) AS "reservedCents",
      SUM(CASE WHEN ${within(sql`d."contractedAt"`)} THEN 1 ELSE 0 END) AS "contracted",
      SUM(CASE WHEN ${within(sql`d."contractedAt"`)} THEN COALESCE(d."totalCents", d."priceCents") ELSE 0 END)
        AS "contractedCents",
      SUM(CASE WHEN ${within(sql`d."contractedAt"`)} AND ${reservedHere} THEN 1 ELSE 0 END) AS "reservedAndSigned",
      SUM(CASE WHEN d."stage" = 'cancelled' AND ${within(sql`d."stageChangedAt"`)} THEN 1 ELSE 0 END) AS "cancelled"
    FROM "Deal" d
    WHERE d."orgId" = ${orgId}${owners} AND d."createdAt" < ${o.to}
    GROUP BY d."ownerId"`);
  const out = new Map<string, DealPeriodCounts>();
  for (const row of rows) {
    const counts = {
      reserved: Number(row.reserved ?? 0),
      reservedCents: Number(row.reservedCents ?? 0),
      contracted: Number(row.contracted ?? 0),
      contractedCents: Number(row.contractedCents ?? 0),
      reservedAndSigned: Number(row.reservedAndSigned ?? 0),
      cancelled: Number(row.cancelled ?? 0),
    };
    if (Object.values(counts).some((n) => n !== 0)) out.set(row.ownerId, counts);
  }
  return out;
}

/** The counts of these owners (all when absent) added up. */
export async function dealCountsOf(
  db: DbLike,
  orgId: number,
  o: { from: Date; to: Date; ownerIds?: string[] },
): Promise<DealPeriodCounts> {
  const total = { ...NO_DEAL_COUNTS };
  for (const counts of (await dealCountsByOwner(db, orgId, o)).values())
    for (const key of Object.keys(total) as (keyof DealPeriodCounts)[]) total[key] += counts[key];
  return total;
}

type Windows = { windows: { from: Date; to: Date }[]; ownerIds?: readonly string[] };

/**
 * The rule's cancellations alone (`cancelled` of DealPeriodCounts: approved in the window) for several
 * windows, of these owners (all when absent), as rows in the `/targets` roll-up's columns (row
 * 'cancelled', id the window's index, value the count), each window by the (orgId, stage,
 * stageChangedAt) index: `/targets` sends them in its roll-up's statement (targetsAndTotals' alongside).
 */
export function cancellationRows(orgId: number, o: Windows): SqlQuery {
  const owners = o.ownerIds ? sql` AND "ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  return o.windows
    .map(
      (w, i) => sql`
    SELECT 'cancelled' AS "row", '' AS "kind", ${String(i)} AS "id", '' AS "metric", COUNT(*) AS "value",
      '' AS "period" FROM "Deal"
    WHERE "orgId" = ${orgId} AND "stage" = 'cancelled' AND "stageChangedAt" >= ${w.from}
      AND "stageChangedAt" < ${w.to}${owners}`,
    )
    .reduce((all, one) => sql`${all} UNION ALL ${one}`);
}

/** Each window's count from cancellationRows' rows (0 where none came back). */
export function cancellationCounts(rows: { row: string; id: string; value: unknown }[], windows: number): number[] {
  const counts = Array.from({ length: windows }, () => 0);
  for (const r of rows) if (r.row === 'cancelled') counts[Number(r.id)] = Number(r.value);
  return counts;
}

/** cancellationRows on its own: each window's count, in ONE statement. */
export async function cancellationsIn(db: DbLike, orgId: number, o: Windows): Promise<number[]> {
  if (o.windows.length === 0) return [];
  const rows = await runnerOf(db).all<{ row: string; id: string; value: unknown }>(
    preparedSql(cancellationRows(orgId, o)),
  );
  return cancellationCounts(rows, o.windows.length);
}
