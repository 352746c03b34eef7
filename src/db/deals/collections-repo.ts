import { sql, sqlSet } from '../sql/sql-query.ts';
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

/** What live and sold deals owed by `until` (items with an amount), and how much of it is paid, per owner. */
export async function owedByOwner(
  db: DbLike,
  orgId: number,
  until: string,
): Promise<{ ownerId: string; dueCents: number; paidCents: number }[]> {
  const rows = await runnerOf(db).all<{ ownerId: string; due: unknown; paid: unknown }>(sql`
    SELECT i."ownerId" AS "ownerId", SUM(i."amountCents") AS "due", SUM(i."paidCents") AS "paid"
    FROM "DealDueItem" i JOIN "Deal" d ON d."id" = i."dealId"
    WHERE i."orgId" = ${orgId} AND i."amountCents" > 0 AND i."dueDate" <= ${until}
      AND d."stage" IN ('reserved', 'contracted', 'sold')
    GROUP BY i."ownerId"`);
  return rows.map((r) => ({ ownerId: r.ownerId, dueCents: Number(r.due ?? 0), paidCents: Number(r.paid ?? 0) }));
}

/** Deals reserved (not awaiting or declined) and contracted in [from, to), of these owners (all when absent). */
export async function dealsOpenedAndSigned(
  db: DbLike,
  orgId: number,
  from: Date,
  to: Date,
  ownerIds?: string[],
): Promise<{ reserved: number; contracted: number }> {
  const owners = ownerIds ? sql` AND "ownerId" IN (${sqlSet(ownerIds)})` : sql``;
  const rows = await runnerOf(db).all<{ reserved: unknown; contracted: unknown }>(sql`
    SELECT
      (SELECT COUNT(*) FROM "Deal" WHERE "orgId" = ${orgId} AND "createdAt" >= ${from} AND "createdAt" < ${to}
        AND "stage" NOT IN ('awaiting_discount', 'declined')${owners}) AS "reserved",
      (SELECT COUNT(*) FROM "Deal" WHERE "orgId" = ${orgId} AND "contractedAt" >= ${from} AND "contractedAt" < ${to}
        ${owners}) AS "contracted"`);
  return { reserved: Number(rows[0]?.reserved ?? 0), contracted: Number(rows[0]?.contracted ?? 0) };
}
