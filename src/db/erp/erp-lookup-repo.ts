import type { OpenInvoice } from '../../domain/receivables/settlement.ts';
import type { DocRef } from '../../domain/erp/invoice-rows.ts';
import type { AccountRef, KnownDoc } from '../../domain/erp/ledger-lookups.ts';
import type { OrderRef } from '../../domain/erp/shipment-rows.ts';
import { sql, sqlSet } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

// What an ERP import checks its rows against: the register, the catalogue and the ledger's documents.

/** Every account of the organisation by code, with its terms from the credit table. */
export async function accountRefs(db: DbLike, orgId: number): Promise<Map<string, AccountRef>> {
  const rows = await runnerOf(db).all<{
    id: number | bigint;
    code: string;
    market: string;
    ownerId: string;
    termsDays: number | bigint | null;
  }>(sql`
    SELECT a."id", a."code", a."market", a."ownerId", c."termsDays" FROM "Account" a
    LEFT JOIN "AccountCredit" c ON c."accountId" = a."id" WHERE a."orgId" = ${orgId}`);
  return new Map(
    rows.map((r) => [
      r.code,
      {
        id: Number(r.id),
        code: r.code,
        market: r.market,
        ownerId: r.ownerId,
        termsDays: r.termsDays === null ? null : Number(r.termsDays),
      },
    ]),
  );
}

/** The catalogue's list prices by SKU. */
export async function productPrices(db: DbLike, orgId: number): Promise<Map<string, number>> {
  const rows = await runnerOf(db).all<{ sku: string; listPriceCents: number | bigint }>(sql`
    SELECT "sku", "listPriceCents" FROM "Product" WHERE "orgId" = ${orgId}`);
  return new Map(rows.map((r) => [r.sku, Number(r.listPriceCents)]));
}

export type LedgerTable = 'Order' | 'Shipment' | 'Invoice' | 'Payment' | 'Product';

/** Which of these document numbers (SKUs for products) the ledger already has. */
export async function knownNumbers(
  db: DbLike,
  orgId: number,
  table: LedgerTable,
  numbers: string[],
): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const set = sqlSet(numbers);
  const runner = runnerOf(db);
  type Row = { n: string };
  const rows =
    table === 'Order'
      ? await runner.all<Row>(
          sql`SELECT "number" AS "n" FROM "Order" WHERE "orgId" = ${orgId} AND "number" IN (${set})`,
        )
      : table === 'Shipment'
        ? await runner.all<Row>(
            sql`SELECT "number" AS "n" FROM "Shipment" WHERE "orgId" = ${orgId} AND "number" IN (${set})`,
          )
        : table === 'Invoice'
          ? await runner.all<Row>(
              sql`SELECT "number" AS "n" FROM "Invoice" WHERE "orgId" = ${orgId} AND "number" IN (${set})`,
            )
          : table === 'Payment'
            ? await runner.all<Row>(
                sql`SELECT "number" AS "n" FROM "Payment" WHERE "orgId" = ${orgId} AND "number" IN (${set})`,
              )
            : await runner.all<Row>(
                sql`SELECT "sku" AS "n" FROM "Product" WHERE "orgId" = ${orgId} AND "sku" IN (${set})`,
              );
  return new Set(rows.map((r) => r.n));
}

/**
 * The ledger's documents of these numbers, with what a second import of each is compared with: the
 * account and amount (an order's total), or for a shipment the units it shipped.
 */
export async function knownDocs(
  db: DbLike,
  orgId: number,
  table: 'Order' | 'Shipment' | 'Invoice' | 'Payment' | 'CreditNote',
  numbers: string[],
): Promise<Map<string, KnownDoc>> {
  if (numbers.length === 0) return new Map();
  const set = sqlSet(numbers);
  const where = sql`WHERE d."orgId" = ${orgId} AND d."number" IN (${set})`;
  const query =
    table === 'Order'
      ? sql`SELECT d."number" AS "n", d."accountId" AS "a", d."totalCents" AS "f" FROM "Order" d ${where}`
      : table === 'Invoice'
        ? sql`SELECT d."number" AS "n", d."accountId" AS "a", d."amountCents" AS "f" FROM "Invoice" d ${where}`
        : table === 'Payment'
          ? sql`SELECT d."number" AS "n", d."accountId" AS "a", d."amountCents" AS "f" FROM "Payment" d ${where}`
          : table === 'CreditNote'
            ? sql`SELECT d."number" AS "n", d."accountId" AS "a", d."amountCents" AS "f" FROM "CreditNote" d ${where}`
            : sql`SELECT d."number" AS "n", NULL AS "a", COALESCE(SUM(l."quantity"), 0) AS "f" FROM "Shipment" d
              LEFT JOIN "ShipmentLine" l ON l."shipmentId" = d."id" ${where} GROUP BY d."number"`;
  const rows = await runnerOf(db).all<{ n: string; a: unknown; f: unknown }>(query);
  return new Map(rows.map((r) => [r.n, { accountId: r.a === null ? null : Number(r.a), figure: Number(r.f) }]));
}

/** Orders by number with their lines and what each has shipped: what a shipment is checked against. */
export async function orderRefs(db: DbLike, orgId: number, numbers: string[]): Promise<Map<string, OrderRef>> {
  if (numbers.length === 0) return new Map();
  const rows = await runnerOf(db).all<{
    id: number | bigint;
    number: string;
    state: string;
    code: string;
    market: string;
    ownerId: string;
    lineId: number | bigint;
    sku: string;
    quantity: number | bigint;
    shipped: number | bigint;
    priceCents: number | bigint;
  }>(sql`
    SELECT o."id", o."number", o."state", a."code", o."market", o."ownerId", l."id" AS "lineId", l."sku", l."quantity",
      l."shippedQuantity" AS "shipped",
      l."priceCents"
    FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o."id" JOIN "Account" a ON a."id" = o."accountId"
    WHERE o."orgId" = ${orgId} AND o."number" IN (${sqlSet(numbers)}) ORDER BY o."id", l."lineNo"`);
  const out = new Map<string, OrderRef>();
  for (const r of rows) {
    const order = out.get(r.number) ?? {
      id: Number(r.id),
      number: r.number,
      state: r.state,
      accountCode: r.code,
      market: r.market,
      ownerId: r.ownerId,
      lines: [],
    };
    order.lines.push({
      id: Number(r.lineId),
      sku: r.sku,
      quantity: Number(r.quantity),
      shipped: Number(r.shipped),
      priceCents: Number(r.priceCents),
    });
    out.set(r.number, order);
  }
  return out;
}

/** Orders and shipments by number, with their account: what an invoice may name. */
export async function docRefs(
  db: DbLike,
  orgId: number,
  table: 'Order' | 'Shipment',
  numbers: string[],
): Promise<Map<string, DocRef>> {
  if (numbers.length === 0) return new Map();
  type Row = { number: string; id: number | bigint; accountId: number | bigint; orderId: number | bigint };
  const rows =
    table === 'Order'
      ? await runnerOf(db).all<Row>(sql`
          SELECT "number", "id", "accountId", "id" AS "orderId" FROM "Order"
          WHERE "orgId" = ${orgId} AND "number" IN (${sqlSet(numbers)})`)
      : await runnerOf(db).all<Row>(sql`
          SELECT s."number", s."id", o."accountId", s."orderId" FROM "Shipment" s JOIN "Order" o ON o."id" = s."orderId"
          WHERE s."orgId" = ${orgId} AND s."number" IN (${sqlSet(numbers)})`);
  return new Map(
    rows.map((r) => [r.number, { id: Number(r.id), accountId: Number(r.accountId), orderId: Number(r.orderId) }]),
  );
}

/** Invoices by number → their account: what a payment may name. */
export async function invoiceAccounts(db: DbLike, orgId: number, numbers: string[]): Promise<Map<string, number>> {
  if (numbers.length === 0) return new Map();
  const rows = await runnerOf(db).all<{ number: string; accountId: number | bigint }>(sql`
    SELECT "number", "accountId" FROM "Invoice" WHERE "orgId" = ${orgId} AND "number" IN (${sqlSet(numbers)})`);
  return new Map(rows.map((r) => [r.number, Number(r.accountId)]));
}

/** An account's invoices still owed, as settlement needs them. */
export async function openInvoicesOf(db: DbLike, accountId: number): Promise<OpenInvoice[]> {
  const rows = await runnerOf(db).all<{
    id: number | bigint;
    number: string;
    issuedOn: string;
    dueOn: string;
    openCents: number | bigint;
  }>(sql`
    SELECT "id", "number", "issuedOn", "dueOn", "openCents" FROM "Invoice"
    WHERE "accountId" = ${accountId} AND "openCents" > 0`);
  return rows.map((r) => ({ ...r, id: Number(r.id), openCents: Number(r.openCents) }));
}
