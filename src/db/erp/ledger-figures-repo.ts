import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** One market's ledger figures for the SLT's agenda, in cents. */
export interface MarketLedgerFigures {
  salesCents: number;
  over60Cents: number;
  heldOrders: number;
  heldCents: number;
}

type Row = { market: string; total: number | bigint | string | null; n?: number | bigint };

/**
 * By market: sales between two days (invoices issued, or shipments' lines at their order's prices),
 * receivables more than 60 days past due on `over60Before` (due before it), and orders held for credit.
 */
export async function ledgerFiguresByMarket(
  db: DbLike,
  o: { orgId: number; from: string; to: string; over60Before: string; salesFrom: 'invoices' | 'shipments' },
): Promise<Map<string, MarketLedgerFigures>> {
  const runner = runnerOf(db);
  const sales =
    o.salesFrom === 'invoices'
      ? sql`SELECT "market", SUM("amountCents") AS "total" FROM "Invoice"
          WHERE "orgId" = ${o.orgId} AND "issuedOn" >= ${o.from} AND "issuedOn" <= ${o.to} GROUP BY "market"`
      : sql`SELECT o."market", SUM(sl."quantity" * ol."priceCents") AS "total" FROM "ShipmentLine" sl
          JOIN "Shipment" s ON s."id" = sl."shipmentId" JOIN "OrderLine" ol ON ol."id" = sl."orderLineId"
          JOIN "Order" o ON o."id" = s."orderId"
          WHERE s."orgId" = ${o.orgId} AND s."shippedOn" >= ${o.from} AND s."shippedOn" <= ${o.to} GROUP BY o."market"`;
  const [sold, over60, held] = await Promise.all([
    runner.all<Row>(sales),
    runner.all<Row>(sql`
      SELECT "market", SUM("openCents") AS "total" FROM "Invoice"
      WHERE "orgId" = ${o.orgId} AND "openCents" > 0 AND "dueOn" < ${o.over60Before} GROUP BY "market"`),
    runner.all<Row>(sql`
      SELECT "market", SUM("totalCents") AS "total", COUNT(*) AS "n" FROM "Order"
      WHERE "orgId" = ${o.orgId} AND "state" = 'pending_credit' GROUP BY "market"`),
  ]);
  const out = new Map<string, MarketLedgerFigures>();
  const of = (market: string) => {
    const figures = out.get(market) ?? { salesCents: 0, over60Cents: 0, heldOrders: 0, heldCents: 0 };
    out.set(market, figures);
    return figures;
  };
  for (const r of sold) of(r.market).salesCents = Number(r.total ?? 0);
  for (const r of over60) of(r.market).over60Cents = Number(r.total ?? 0);
  for (const r of held) {
    of(r.market).heldCents = Number(r.total ?? 0);
    of(r.market).heldOrders = Number(r.n ?? 0);
  }
  return out;
}
