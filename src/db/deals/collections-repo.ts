import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** Money received (or refunded) per deal owner over whole local days, undone payments left out. */
export interface OwnerPayments {
  ownerId: string;
  kind: string;
  /** buyer, or bank for the mortgage loan disbursed */
  payer: string;
  count: number;
  amountCents: number;
}

/** Payments and refunds with a received date in [from, to] (yyyy-MM-dd, inclusive), per owner and kind. */
export async function paymentsByOwner(db: DbLike, orgId: number, from: string, to: string): Promise<OwnerPayments[]> {
  type Row = { ownerId: string; kind: string; payer: string; count: unknown; amount: unknown };
  const rows = await runnerOf(db).all<Row>(sql`
    SELECT d."ownerId" AS "ownerId", p."kind" AS "kind", p."payer" AS "payer", COUNT(*) AS "count",
      SUM(p."amountCents") AS "amount"
    FROM "DealPayment" p JOIN "Deal" d ON d."id" = p."dealId"
    WHERE p."orgId" = ${orgId} AND p."undoneAt" IS NULL AND p."receivedOn" >= ${from} AND p."receivedOn" <= ${to}
    GROUP BY d."ownerId", p."kind", p."payer"`);
  return rows.map((r) => ({
    ownerId: r.ownerId,
    kind: r.kind,
    payer: r.payer,
    count: Number(r.count),
    amountCents: Number(r.amount ?? 0),
  }));
}

/**
 * What live and sold deals owed by `until` (items with an amount), and how much of it is paid, per owner.
 * With `asOf` (a closed period's end), the deals cancelled since then (or awaiting it) count as they stood.
 */
export async function owedByOwner(
  db: DbLike,
  orgId: number,
  until: string,
  asOf?: Date,
): Promise<{ ownerId: string; dueCents: number; paidCents: number }[]> {
  const since = asOf
    ? sql` OR d."stage" = 'cancel_requested' OR (d."stage" = 'cancelled' AND d."stageChangedAt" >= ${asOf})`
    : sql``;
  const rows = await runnerOf(db).all<{ ownerId: string; due: unknown; paid: unknown }>(sql`
    SELECT i."ownerId" AS "ownerId", SUM(i."amountCents") AS "due", SUM(i."paidCents") AS "paid"
    FROM "DealDueItem" i JOIN "Deal" d ON d."id" = i."dealId"
    WHERE i."orgId" = ${orgId} AND i."amountCents" > 0 AND i."dueDate" <= ${until}
      AND (d."stage" IN ('reserved', 'contracted', 'sold')${since})
    GROUP BY i."ownerId"`);
  return rows.map((r) => ({ ownerId: r.ownerId, dueCents: Number(r.due ?? 0), paidCents: Number(r.paid ?? 0) }));
}
