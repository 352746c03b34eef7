import type { AgingTable } from '../../domain/receivables/aging.ts';
import { bucketBounds } from '../../domain/receivables/aging.ts';
import type { OpenInvoice } from '../../domain/receivables/settlement.ts';
import { sql, sqlList } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

export interface NewInvoice {
  orgId: number;
  number: string;
  accountId: number;
  market: string;
  orderId: number | null;
  shipmentId: number | null;
  issuedOn: string;
  dueOn: string;
  amountCents: number;
  now: Date;
}

export async function insertInvoice(db: DbLike, o: NewInvoice): Promise<number> {
  const rows = await runnerOf(db).all<{ id: number | bigint }>(sql`
    INSERT INTO "Invoice" ("orgId", "number", "accountId", "market", "orderId", "shipmentId", "issuedOn", "dueOn",
      "amountCents", "openCents", "createdAt")
    VALUES (${o.orgId}, ${o.number}, ${o.accountId}, ${o.market}, ${o.orderId}, ${o.shipmentId}, ${o.issuedOn},
      ${o.dueOn}, ${o.amountCents}, ${o.amountCents}, ${o.now})
    RETURNING "id"`);
  return Number(rows[0].id);
}

export interface OpenInvoiceRow extends OpenInvoice {
  orderId: number | null;
}

const openFromRow = (r: Record<string, unknown>): OpenInvoiceRow => ({
  id: Number(r.id),
  number: String(r.number),
  issuedOn: String(r.issuedOn),
  dueOn: String(r.dueOn),
  openCents: Number(r.openCents),
  orderId: r.orderId === null || r.orderId === undefined ? null : Number(r.orderId),
});

/** The account's invoices with something still open (the index on accountId, openCents). */
export async function openInvoicesOf(db: DbLike, accountId: number): Promise<OpenInvoiceRow[]> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT "id", "number", "issuedOn", "dueOn", "openCents", "orderId" FROM "Invoice"
    WHERE "accountId" = ${accountId} AND "openCents" > 0 ORDER BY "dueOn", "issuedOn", "number"`);
  return rows.map(openFromRow);
}

/** Invoices of the organisation by number, open or not, with their account. */
export async function invoicesByNumber(
  db: DbLike,
  orgId: number,
  numbers: readonly string[],
): Promise<(OpenInvoiceRow & { accountId: number })[]> {
  if (numbers.length === 0) return [];
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT "id", "number", "issuedOn", "dueOn", "openCents", "orderId", "accountId" FROM "Invoice"
    WHERE "orgId" = ${orgId} AND "number" IN (${sqlList(numbers)})`);
  return rows.map((r) => ({ ...openFromRow(r), accountId: Number(r.accountId) }));
}

/** Takes an amount off an invoice's open balance, never below zero: false when it has less open. */
export async function reduceOpen(db: DbLike, invoiceId: number, cents: number): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "Invoice" SET "openCents" = "openCents" - ${cents} WHERE "id" = ${invoiceId} AND "openCents" >= ${cents}`);
  return changed === 1;
}

const agingColumns = (today: string) => {
  const b = bucketBounds(today);
  return sql`
    COALESCE(SUM(CASE WHEN "dueOn" >= ${b.start30} THEN "openCents" ELSE 0 END), 0) AS "d0_30",
    COALESCE(SUM(CASE WHEN "dueOn" < ${b.start30} AND "dueOn" >= ${b.start60} THEN "openCents" ELSE 0 END), 0)
      AS "d31_60",
    COALESCE(SUM(CASE WHEN "dueOn" < ${b.start60} AND "dueOn" >= ${b.start90} THEN "openCents" ELSE 0 END), 0)
      AS "d61_90",
    COALESCE(SUM(CASE WHEN "dueOn" < ${b.start90} THEN "openCents" ELSE 0 END), 0) AS "d90_plus"`;
};

const agingFromRow = (r: Record<string, unknown>): AgingTable => ({
  d0_30: Number(r.d0_30 ?? 0),
  d31_60: Number(r.d31_60 ?? 0),
  d61_90: Number(r.d61_90 ?? 0),
  d90_plus: Number(r.d90_plus ?? 0),
});

/** An account's open invoices summed per aging bucket on `today`. */
export async function agingOfAccount(db: DbLike, accountId: number, today: string): Promise<AgingTable> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT ${agingColumns(today)} FROM "Invoice" WHERE "accountId" = ${accountId} AND "openCents" > 0`);
  return agingFromRow(rows[0] ?? {});
}

export interface AccountAging extends AgingTable {
  accountId: number;
  code: string;
  name: string;
  ownerId: string;
}

/**
 * A market's open invoices per account and bucket, the oldest debts first: the market's accounts,
 * then only their open invoices through the index on Invoice(accountId, openCents), never the
 * settled ones.
 */
export async function agingOfMarket(
  db: DbLike,
  o: { orgId: number; market: string; today: string },
): Promise<AccountAging[]> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT i."accountId", a."code", a."name", a."ownerId", ${agingColumns(o.today)}
    FROM "Account" a JOIN "Invoice" i ON i."accountId" = a."id" AND i."openCents" > 0
    WHERE a."orgId" = ${o.orgId} AND a."market" = ${o.market}
    GROUP BY i."accountId", a."code", a."name", a."ownerId"`);
  return rows
    .map((r) => ({
      ...agingFromRow(r),
      accountId: Number(r.accountId),
      code: String(r.code),
      name: String(r.name),
      ownerId: String(r.ownerId),
    }))
    .sort((x, y) => y.d90_plus - x.d90_plus || y.d61_90 - x.d61_90 || x.code.localeCompare(y.code));
}
