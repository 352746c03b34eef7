import { sql, preparedSql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, writeTogether } from '../sql/write-together.ts';
import type { Read } from '../sql/read-together.ts';

export interface DueItem {
  id: number;
  dealId: number;
  ownerId: string;
  kind: string;
  dueDate: string;
  amountCents: number;
  paidCents: number;
  doneAt: Date | null;
  reminderLevel: number;
}

const itemFromRow = rowReader<DueItem>({
  numbers: ['id', 'dealId', 'amountCents', 'paidCents', 'reminderLevel'],
  dates: ['doneAt'],
});

/** A deal's due items, earliest first (to send with other reads: readTogether). */
export const dueItemsRead = (dealId: number): Read<DueItem[]> => ({
  query: preparedSql(sql`
    SELECT "id", "dealId", "ownerId", "kind", "dueDate", "amountCents", "paidCents", "doneAt", "reminderLevel"
    FROM "DealDueItem" WHERE "dealId" = ${dealId} ORDER BY "dueDate", "id"`),
  read: (rows) => rows.map(itemFromRow),
});

export async function dueItemsOf(db: DbLike, dealId: number): Promise<DueItem[]> {
  const { query, read } = dueItemsRead(dealId);
  return read(await runnerOf(db).all(query));
}

/** With the unit's next statement or its COMMIT on PostgreSQL (writeTogether): its count is not read. */
export async function setItemPaid(unit: DbLike, id: number, paidCents: number, doneAt: Date | null): Promise<void> {
  await writeTogether(unit, [
    asWrite(sql`UPDATE "DealDueItem" SET "paidCents" = ${paidCents}, "doneAt" = ${doneAt} WHERE "id" = ${id}`),
  ]);
}

/** Marks a step's open item done (a mortgage's documents, the registration), or opens it again. */
export async function setStepDone(unit: DbLike, dealId: number, kind: string, doneAt: Date | null): Promise<void> {
  await runnerOf(unit).run(
    sql`UPDATE "DealDueItem" SET "doneAt" = ${doneAt} WHERE "dealId" = ${dealId} AND "kind" = ${kind}`,
  );
}

/** Removes items a contract planned (an undone 簽約). */
export async function deleteItems(unit: DbLike, dealId: number, kinds: string[]): Promise<void> {
  for (const kind of kinds)
    await runnerOf(unit).run(sql`DELETE FROM "DealDueItem" WHERE "dealId" = ${dealId} AND "kind" = ${kind}`);
}

export interface NewPayment {
  orgId: number;
  dealId: number;
  amountCents: number;
  receivedOn: string;
  kind: 'payment' | 'refund';
  /** who paid: the buyer (default) or the bank (the mortgage loan disbursed) */
  payer?: Payer;
  by: string;
  note?: string;
  at: Date;
  /** the modal that recorded it: unique, so a double submit is refused by the database */
  sourceViewId?: string;
}

/** The payment stored, and its id (to send with other reads: readTogether). */
export const paymentInsert = (p: NewPayment): Read<number> => ({
  query: sql`
    INSERT INTO "DealPayment"
      ("orgId", "dealId", "amountCents", "receivedOn", "kind", "payer", "by", "note", "at", "sourceViewId")
    VALUES (${p.orgId}, ${p.dealId}, ${p.amountCents}, ${p.receivedOn}, ${p.kind}, ${p.payer ?? 'buyer'}, ${p.by},
      ${p.note ?? null}, ${p.at}, ${p.sourceViewId ?? null})
    RETURNING "id"`,
  read: (rows) => Number(rows[0].id),
});

export async function insertPayment(unit: DbLike, p: NewPayment): Promise<number> {
  const { query, read } = paymentInsert(p);
  return read(await runnerOf(unit).all(query));
}

export type Payer = 'buyer' | 'bank';

export interface Payment {
  id: number;
  amountCents: number;
  receivedOn: string;
  kind: string;
  payer: Payer;
  by: string;
  note: string | null;
  at: Date;
}

const paymentFromRow = rowReader<Payment>({ numbers: ['id', 'amountCents'], dates: ['at'] });

/** A deal's payments still standing (not undone), in the order received (to send with other reads). */
export const paymentsRead = (dealId: number): Read<Payment[]> => ({
  query: preparedSql(sql`
    SELECT "id", "amountCents", "receivedOn", "kind", "payer", "by", "note", "at" FROM "DealPayment"
    WHERE "dealId" = ${dealId} AND "undoneAt" IS NULL ORDER BY "id"`),
  read: (rows) => rows.map(paymentFromRow),
});

/** A deal's payments still standing (not undone), in the order received. */
export async function paymentsOf(db: DbLike, dealId: number): Promise<Payment[]> {
  const { query, read } = paymentsRead(dealId);
  return read(await runnerOf(db).all(query));
}

/** Every payment of a deal for its history, undone ones too (with when they were undone), in order. */
export async function paymentHistoryOf(db: DbLike, dealId: number): Promise<(Payment & { undoneAt: Date | null })[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT "id", "amountCents", "receivedOn", "kind", "by", "note", "at", "undoneAt" FROM "DealPayment"
    WHERE "dealId" = ${dealId} ORDER BY "id"`);
  return rows.map(
    rowReader<Payment & { undoneAt: Date | null }>({ numbers: ['id', 'amountCents'], dates: ['at', 'undoneAt'] }),
  );
}

export async function undoPayment(unit: DbLike, id: number, now: Date): Promise<boolean> {
  return (
    (await runnerOf(unit).run(
      sql`UPDATE "DealPayment" SET "undoneAt" = ${now} WHERE "id" = ${id} AND "undoneAt" IS NULL`,
    )) === 1
  );
}

/** Writes the signed contract onto the deal; false when the contract number is another deal's. */
export async function setContract(
  unit: DbLike,
  dealId: number,
  c: {
    contractNo: string | null;
    totalCents: number | null;
    method: string | null;
    plan: string | null;
    at: Date | null;
  },
): Promise<void> {
  await runnerOf(unit).run(sql`
    UPDATE "Deal" SET "contractNo" = ${c.contractNo}, "totalCents" = ${c.totalCents}, "paymentMethod" = ${c.method},
      "plan" = ${c.plan}, "contractedAt" = ${c.at} WHERE "id" = ${dealId}`);
}

export async function contractNoTaken(db: DbLike, orgId: number, contractNo: string): Promise<boolean> {
  const rows = await runnerOf(db).all(
    sql`SELECT 1 AS "x" FROM "Deal" WHERE "orgId" = ${orgId} AND "contractNo" = ${contractNo}`,
  );
  return rows.length > 0;
}

export async function setDealPlan(unit: DbLike, dealId: number, plan: string): Promise<void> {
  await runnerOf(unit).run(sql`UPDATE "Deal" SET "plan" = ${plan} WHERE "id" = ${dealId}`);
}

export async function setDealSold(unit: DbLike, dealId: number, at: Date | null): Promise<void> {
  await runnerOf(unit).run(sql`UPDATE "Deal" SET "soldAt" = ${at} WHERE "id" = ${dealId}`);
}

export async function setCancelReason(unit: DbLike, dealId: number, reason: string | null): Promise<void> {
  await runnerOf(unit).run(sql`UPDATE "Deal" SET "cancelReason" = ${reason} WHERE "id" = ${dealId}`);
}

/** An open due item of a live deal, with what the messages name. */
export interface OpenItem extends DueItem {
  building: string;
  unitNumber: string;
  customerName: string;
  cardOutboxId: number | null;
}

/** The organisation's open due items on live deals, due on or before `until`. */
export async function openDueItems(db: DbLike, orgId: number, until: string): Promise<OpenItem[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT i."id", i."dealId", i."ownerId", i."kind", i."dueDate", i."amountCents", i."paidCents", i."doneAt",
      i."reminderLevel", u."building" AS "building", u."number" AS "unitNumber", c."name" AS "customerName",
      d."cardOutboxId" AS "cardOutboxId"
    FROM "DealDueItem" i JOIN "Deal" d ON d."id" = i."dealId" JOIN "Unit" u ON u."id" = d."unitId"
      JOIN "Customer" c ON c."id" = d."customerId"
    WHERE i."orgId" = ${orgId} AND i."doneAt" IS NULL AND i."dueDate" <= ${until}
      AND d."stage" IN ('reserved', 'contracted', 'awaiting_discount')
    ORDER BY i."dueDate", i."id"`);
  return rows.map(
    rowReader<OpenItem>({
      numbers: ['id', 'dealId', 'amountCents', 'paidCents', 'reminderLevel', 'cardOutboxId'],
      dates: ['doneAt'],
    }),
  );
}

export async function setChaseLevel(unit: DbLike, id: number, level: number): Promise<void> {
  await runnerOf(unit).run(sql`UPDATE "DealDueItem" SET "reminderLevel" = ${level} WHERE "id" = ${id}`);
}

/** Whether a modal already recorded a payment: its double submit acts once (to send with other reads). */
export const paymentOfViewRead = (viewId: string): Read<boolean> => ({
  query: preparedSql(sql`SELECT 1 AS "x" FROM "DealPayment" WHERE "sourceViewId" = ${viewId}`),
  read: (rows) => rows.length > 0,
});

/** Whether a modal already recorded a payment: its double submit acts once. */
export async function paymentOfViewExists(db: DbLike, viewId: string): Promise<boolean> {
  const { query, read } = paymentOfViewRead(viewId);
  return read(await runnerOf(db).all(query));
}
