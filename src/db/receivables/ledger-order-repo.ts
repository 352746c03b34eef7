import type { OrderProgress } from '../../domain/receivables/order-progress.ts';
import { sql, sqlSet } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** An order as the ledger sees it: its account, state, card and lines with what is shipped. */
export interface LedgerOrder {
  id: number;
  orgId: number;
  number: string;
  accountId: number;
  accountCode: string;
  accountName: string;
  market: string;
  ownerId: string;
  state: string;
  totalCents: number;
  lines: LedgerOrderLine[];
}

export interface LedgerOrderLine {
  id: number;
  lineNo: number;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  priceCents: number;
  shippedQuantity: number;
}

/** The order with this number in the organisation, with its lines in order, or null. */
export async function findLedgerOrder(db: DbLike, orgId: number, number: string): Promise<LedgerOrder | null> {
  const runner = runnerOf(db);
  const rows = await runner.all<Record<string, unknown>>(sql`
    SELECT o."id", o."orgId", o."number", o."accountId", a."code" AS "accountCode", a."name" AS "accountName",
      o."market", a."ownerId", o."state", o."totalCents"
    FROM "Order" o JOIN "Account" a ON a."id" = o."accountId"
    WHERE o."orgId" = ${orgId} AND o."number" = ${number}`);
  const row = rows[0];
  if (!row) return null;
  const lines = await runner.all<Record<string, unknown>>(sql`
    SELECT l."id", l."lineNo", l."sku", COALESCE(p."name", l."sku") AS "name", COALESCE(p."unit", '') AS "unit",
      l."quantity", l."priceCents", l."shippedQuantity"
    FROM "OrderLine" l LEFT JOIN "Product" p ON p."orgId" = l."orgId" AND p."sku" = l."sku"
    WHERE l."orderId" = ${Number(row.id)} ORDER BY l."lineNo"`);
  return {
    id: Number(row.id),
    orgId: Number(row.orgId),
    number: String(row.number),
    accountId: Number(row.accountId),
    accountCode: String(row.accountCode),
    accountName: String(row.accountName),
    market: String(row.market),
    ownerId: String(row.ownerId),
    state: String(row.state),
    totalCents: Number(row.totalCents),
    lines: lines.map((l) => ({
      id: Number(l.id),
      lineNo: Number(l.lineNo),
      sku: String(l.sku),
      name: String(l.name),
      unit: String(l.unit),
      quantity: Number(l.quantity),
      priceCents: Number(l.priceCents),
      shippedQuantity: Number(l.shippedQuantity),
    })),
  };
}

/** Adds to a line's shipped quantity unless that would ship more than ordered; false when refused. */
export async function addShipped(db: DbLike, lineId: number, quantity: number): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "OrderLine" SET "shippedQuantity" = "shippedQuantity" + ${quantity}
    WHERE "id" = ${lineId} AND "shippedQuantity" + ${quantity} <= "quantity"`);
  return changed === 1;
}

/** What happened to an order so far: shipped, delivered, invoiced and still open. */
export async function orderProgress(db: DbLike, orderId: number): Promise<OrderProgress> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT o."totalCents",
      (SELECT COALESCE(SUM(l."quantity"), 0) FROM "OrderLine" l WHERE l."orderId" = o."id") AS "ordered",
      (SELECT COALESCE(SUM(l."shippedQuantity"), 0) FROM "OrderLine" l WHERE l."orderId" = o."id") AS "shipped",
      (SELECT COUNT(*) FROM "Shipment" s WHERE s."orderId" = o."id") AS "shipments",
      (SELECT COUNT(*) FROM "Shipment" s WHERE s."orderId" = o."id" AND s."deliveredOn" = '') AS "undelivered",
      (SELECT COALESCE(SUM(i."amountCents"), 0) FROM "Invoice" i WHERE i."orderId" = o."id") AS "invoiced",
      (SELECT COALESCE(SUM(i."openCents"), 0) FROM "Invoice" i WHERE i."orderId" = o."id") AS "open"
    FROM "Order" o WHERE o."id" = ${orderId}`);
  const r = rows[0] ?? {};
  return {
    orderedQuantity: Number(r.ordered ?? 0),
    shippedQuantity: Number(r.shipped ?? 0),
    shipments: Number(r.shipments ?? 0),
    undelivered: Number(r.undelivered ?? 0),
    totalCents: Number(r.totalCents ?? 0),
    invoicedCents: Number(r.invoiced ?? 0),
    openInvoiceCents: Number(r.open ?? 0),
  };
}

/** Moves an order to a state, only from one of `from` (never out of cancelled); true when it moved. */
export async function setOrderState(
  db: DbLike,
  o: { orderId: number; state: string; from: readonly string[]; now: Date },
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "Order" SET "state" = ${o.state}, "updatedAt" = ${o.now}
    WHERE "id" = ${o.orderId} AND "state" <> ${o.state} AND "state" IN (${sqlSet([...o.from])})`);
  return changed === 1;
}
