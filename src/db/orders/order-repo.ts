import type { OrderLineInput } from '../../domain/orders/order-lines.ts';
import {
  LATE_ORDER_NUMBER_CLOSES,
  LATE_ORDER_NUMBER_OPENS,
  ORDER_NUMBER_DIGITS,
  ORDER_NUMBER_PREFIX,
  orderNumberOf,
} from '../../domain/orders/order-number.ts';
import { sql, sqlSet, type SqlQuery } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, writeTogether, type Write } from '../sql/write-together.ts';
import { canDeferRead, nextIdOf, valueAtCommit } from '../sql/number-at-commit.ts';

/** An order as stored; money in integer cents. */
export interface Order {
  id: number;
  orgId: number;
  number: string;
  accountId: number;
  market: string;
  enteredById: string;
  ownerId: string;
  requestedOn: string;
  note: string;
  totalCents: number;
  state: string;
  excessCents: number;
  overdueCents: number;
  overdueDays: number;
  approvalStep: string;
  decidedById: string;
  cancelReason: string;
  source: string;
  createdAt: Date;
  updatedAt: Date;
}

const orderOf = rowReader<Order>({
  numbers: ['id', 'orgId', 'accountId', 'totalCents', 'excessCents', 'overdueCents', 'overdueDays'],
  dates: ['createdAt', 'updatedAt'],
});

/** The organisation's counter moved on: its row stays locked to the commit on PostgreSQL (no gaps on rollback). */
const orderNumberTaking = (orgId: number) => sql`
    INSERT INTO "OrderCounter" ("orgId", "next") VALUES (${orgId}, 2)
    ON CONFLICT ("orgId") DO UPDATE SET "next" = "OrderCounter"."next" + 1
    RETURNING "next"`;

/**
 * orderNumberOf in SQL, from the same constants: the digits padded to at least ORDER_NUMBER_DIGITS, as
 * padStart pads (never cut).
 */
const orderNumberSql = (n: SqlQuery) =>
  sql`${ORDER_NUMBER_PREFIX}::text || lpad(${n}::text, GREATEST(length(${n}::text), ${ORDER_NUMBER_DIGITS}::int), '0')`;

/**
 * The new order's number (SO-000001…) as an expression of the INSERT: on PostgreSQL taken in the same
 * statement (a WITH of it), as every other order of the organisation then waits for the counter's
 * row until the commit: the order is inserted as late as it can be, just before the cards that show
 * the number. On SQLite (one writer) taken by a statement of its own.
 */
async function orderNumberFor(db: DbLike, orgId: number): Promise<{ taken: SqlQuery; number: SqlQuery }> {
  const runner = runnerOf(db);
  if (runner.provider === 'postgres') {
    const n = sql`("next" - 1)`;
    return {
      taken: sql`WITH "taken" AS (${orderNumberTaking(orgId)})`,
      number: sql`(SELECT ${orderNumberSql(n)} FROM "taken")`,
    };
  }
  const [row] = await runner.all<{ next: number | bigint }>(orderNumberTaking(orgId));
  return { taken: sql``, number: sql`${orderNumberOf(Number(row.next) - 1)}` };
}

/** The credit check's verdict on a new order: approved, or held with why and who is next. */
export interface CreditVerdict {
  approved: boolean;
  excessCents: number;
  overdueCents: number;
  overdueDays: number;
}

export interface NewOrder {
  orgId: number;
  accountId: number;
  market: string;
  enteredById: string;
  ownerId: string;
  requestedOn: string;
  note: string;
  lines: OrderLineInput[];
  totalCents: number;
  verdict: CreditVerdict;
  now: Date;
}

/**
 * Stores an order with its verdict (approved, or pending_credit at the SSG leader's step) under the
 * organisation's next number (orderNumberFor); its lines go as a write nobody reads (writeTogether: on
 * PostgreSQL with the unit's next statement).
 */
export async function insertOrder(db: DbLike, o: NewOrder): Promise<PlacedOrder> {
  const runner = runnerOf(db);
  if (canDeferRead(runner)) {
    // the number is taken in front of the COMMIT: until then the order's number is its token (see
    // LATE_ORDER_NUMBER_OPENS), unique as (orgId, number) must be, and what the unit queues carries it
    const { before, id } = nextIdOf('Order');
    const token = sql`${LATE_ORDER_NUMBER_OPENS} || ${id} || ${LATE_ORDER_NUMBER_CLOSES}`;
    const order = await storeOrder(db, o, { before, id, number: token });
    const taking = sql`
      WITH "taken" AS (${orderNumberTaking(o.orgId)})
      UPDATE "Order" SET "number" = (SELECT ${orderNumberSql(sql`("next" - 1)`)} FROM "taken")
      WHERE "id" = ${order.id} RETURNING "number"`;
    const numberTaken = valueAtCommit(runner, taking, (rows) => String(rows[0].number));
    return { ...order, numberTaken };
  }
  const { taken, number } = await orderNumberFor(db, o.orgId);
  return storeOrder(db, o, { before: taken, number });
}

/** A new order; on PostgreSQL its number (its token until then) once the unit has committed. */
export type PlacedOrder = Order & { numberTaken?: Promise<string> };

/** The INSERT and its lines: the number as SQL (with a WITH in front), an id given as SQL or the table's next. */
async function storeOrder(
  db: DbLike,
  o: NewOrder,
  at: { before: SqlQuery; number: SqlQuery; id?: SqlQuery },
): Promise<Order> {
  const v = o.verdict;
  const { before: taken, number } = at;
  const idColumn = at.id ? sql`"id", ` : sql``;
  const idValue = at.id ? sql`${at.id}, ` : sql``;
  const rows = await runnerOf(db).all(sql`${taken}
    INSERT INTO "Order" (${idColumn}"orgId", "number", "accountId", "market", "enteredById", "ownerId",
      "requestedOn", "note", "totalCents", "state", "approvalStep", "excessCents", "overdueCents", "overdueDays",
      "source", "createdAt", "updatedAt")
    VALUES (${idValue}${o.orgId}, ${number}, ${o.accountId}, ${o.market}, ${o.enteredById}, ${o.ownerId},
      ${o.requestedOn}, ${o.note}, ${o.totalCents}, ${v.approved ? 'approved' : 'pending_credit'},
      ${v.approved ? '' : 'ssg_leader'}, ${v.excessCents}, ${v.overdueCents}, ${v.overdueDays}, 'slack', ${o.now},
      ${o.now})
    RETURNING *`);
  const order = orderOf(rows[0]);
  let values = sql``;
  for (const [index, line] of o.lines.entries())
    values = sql`${values}${index === 0 ? sql`` : sql`, `}(${o.orgId}, ${order.id}, ${index + 1}, ${line.sku},
      ${line.quantity}, ${line.priceCents})`;
  if (o.lines.length > 0)
    await writeTogether(db, [
      asWrite(sql`INSERT INTO "OrderLine" ("orgId", "orderId", "lineNo", "sku", "quantity", "priceCents")
      VALUES ${values}`),
    ]);
  return order;
}

/**
 * Moves an order on only from the state and step it was read in: a second click, a reply after a
 * button, or a cancel racing an approval acts once (false for the one that lost).
 */
export async function moveOrder(
  db: DbLike,
  o: {
    id: number;
    from: { state: string; step: string };
    to: { state: string; step: string };
    deciderId?: string;
    cancelReason?: string;
    now: Date;
  },
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "Order" SET "state" = ${o.to.state}, "approvalStep" = ${o.to.step},
      "decidedById" = COALESCE(${o.deciderId ?? null}, "decidedById"),
      "cancelReason" = COALESCE(${o.cancelReason ?? null}, "cancelReason"), "updatedAt" = ${o.now}
    WHERE "id" = ${o.id} AND "state" = ${o.from.state} AND "approvalStep" = ${o.from.step}`);
  return changed === 1;
}

export interface OrderChange {
  orgId: number;
  orderId: number;
  fromState: string;
  toState: string;
  actorId: string;
  note?: string;
  at: Date;
}

export async function recordOrderChange(db: DbLike, o: OrderChange): Promise<void> {
  await runnerOf(db).run(orderChangeWrite(o));
}

/** recordOrderChange as a write to send with others (writeTogether). */
export const orderChangeWrite = (o: OrderChange): Write =>
  asWrite(sql`
    INSERT INTO "OrderChange" ("orgId", "orderId", "fromState", "toState", "actorId", "note", "at")
    VALUES (${o.orgId}, ${o.orderId}, ${o.fromState}, ${o.toState}, ${o.actorId}, ${o.note ?? ''}, ${o.at})`);

export async function findOrder(db: DbLike, id: number): Promise<Order | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Order" WHERE "id" = ${id}`);
  return rows[0] ? orderOf(rows[0]) : null;
}

export async function findOrderByNumber(db: DbLike, orgId: number, number: string): Promise<Order | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "Order" WHERE "orgId" = ${orgId} AND "number" = ${number}`);
  return rows[0] ? orderOf(rows[0]) : null;
}

export interface StoredLine {
  lineNo: number;
  sku: string;
  quantity: number;
  priceCents: number;
  shippedQuantity: number;
  name: string;
  unit: string;
}

/** An order's lines with the product's name and unit (the SKU alone when the catalogue has lost it). */
export async function linesOf(db: DbLike, orderId: number): Promise<StoredLine[]> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT l."lineNo", l."sku", l."quantity", l."priceCents", l."shippedQuantity", p."name", p."unit"
    FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
    LEFT JOIN "Product" p ON p."orgId" = o."orgId" AND p."sku" = l."sku"
    WHERE l."orderId" = ${orderId} ORDER BY l."lineNo"`);
  return rows.map((r) => ({
    lineNo: Number(r.lineNo),
    sku: String(r.sku),
    quantity: Number(r.quantity),
    priceCents: Number(r.priceCents),
    shippedQuantity: Number(r.shippedQuantity),
    name: String(r.name ?? r.sku),
    unit: String(r.unit ?? ''),
  }));
}

export interface OrderChangeRow {
  fromState: string;
  toState: string;
  actorId: string;
  note: string;
  at: Date;
}

export async function changesOf(db: DbLike, orderId: number): Promise<OrderChangeRow[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT "fromState", "toState", "actorId", "note", "at" FROM "OrderChange" WHERE "orderId" = ${orderId}
    ORDER BY "id"`);
  return rows.map(rowReader<OrderChangeRow>({ numbers: [], dates: ['at'] }));
}

/** Orders for `/order list`, newest first: of these owners (all when undefined), in a state if given. */
export async function listOrders(
  db: DbLike,
  o: { orgId: number; ownerIds?: string[]; state?: string; take: number },
): Promise<(Order & { accountCode: string; accountName: string })[]> {
  const owners = o.ownerIds ? sql`AND o."ownerId" IN (${sqlSet(o.ownerIds)})` : sql``;
  const state = o.state ? sql`AND o."state" = ${o.state}` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT o.*, a."code" AS "accountCode", a."name" AS "accountName" FROM "Order" o
    JOIN "Account" a ON a."id" = o."accountId"
    WHERE o."orgId" = ${o.orgId} ${owners} ${state} ORDER BY o."id" DESC LIMIT ${o.take}`);
  return rows.map((r) => ({ ...orderOf(r), accountCode: String(r.accountCode), accountName: String(r.accountName) }));
}

/** Remembers a card of the order (the outbox row that posts it), to rewrite it on every change. */
export async function addOrderCard(db: DbLike, orderId: number, outboxId: number): Promise<void> {
  await runnerOf(db).run(sql`INSERT INTO "OrderCard" ("orderId", "outboxId") VALUES (${orderId}, ${outboxId})`);
}

/** Keeps the cards queued (given as a SELECT of their outbox ids: queueMessagesKeepingIds) as the order's. */
export const keepOrderCards =
  (orderId: number) =>
  (ids: SqlQuery): SqlQuery =>
    sql`INSERT INTO "OrderCard" ("orderId", "outboxId") SELECT ${orderId}, "id" FROM (${ids}) AS "q"`;

/** The outbox id of the order's first card (the SSG desk's, when it has one), as SQL. */
export const firstCardOf = (orderId: number): SqlQuery =>
  sql`(SELECT MIN("outboxId") FROM "OrderCard" WHERE "orderId" = ${orderId})`;

/** The order's cards: the outbox row of each and where it went (a channel, or a person's id for a DM). */
export async function cardsOf(db: DbLike, orderId: number): Promise<{ outboxId: number; channel: string }[]> {
  const rows = await runnerOf(db).all<{ outboxId: unknown; channel: string }>(sql`
    SELECT c."outboxId", m."channel" FROM "OrderCard" c JOIN "OutboxMessage" m ON m."id" = c."outboxId"
    WHERE c."orderId" = ${orderId} ORDER BY c."outboxId"`);
  return rows.map((r) => ({ outboxId: Number(r.outboxId), channel: r.channel }));
}

/** The order one of whose cards is this message: a reply 通過 in its thread approves it. */
export async function findOrderByMessage(db: DbLike, channel: string, ts: string): Promise<Order | null> {
  const rows = await runnerOf(db).all(sql`
    SELECT o.* FROM "Order" o JOIN "OrderCard" c ON c."orderId" = o."id"
    JOIN "OutboxMessage" m ON m."id" = c."outboxId"
    WHERE m."sentChannel" = ${channel} AND m."sentTs" = ${ts}`);
  return rows[0] ? orderOf(rows[0]) : null;
}

/**
 * An order held for credit approval, with its account and whether the holder of its limit is rated at
 * all: the account itself, or an outlet's distributor (an outlet with none is checked by nothing).
 */
export type HeldOrder = Order & { accountCode: string; accountName: string; unrated: boolean };

/** Orders held at this approval step (ssg_leader | sales_director), oldest first; with `before`, waiting since. */
export async function heldOrders(
  db: DbLike,
  o: { orgId: number; step: string; before?: Date; take: number },
): Promise<HeldOrder[]> {
  const since = o.before ? sql`AND o."updatedAt" < ${o.before}` : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT o.*, a."code" AS "accountCode", a."name" AS "accountName",
      CASE WHEN (a."kind" <> 'outlet' OR d."id" IS NOT NULL) AND c."accountId" IS NULL THEN 1 ELSE 0 END AS "unrated"
    FROM "Order" o JOIN "Account" a ON a."id" = o."accountId"
    LEFT JOIN "Account" d ON a."kind" = 'outlet' AND a."distributorCode" <> '' AND d."orgId" = a."orgId"
      AND d."code" = a."distributorCode"
    LEFT JOIN "AccountCredit" c ON c."accountId" = CASE WHEN a."kind" = 'outlet' THEN d."id" ELSE a."id" END
    WHERE o."orgId" = ${o.orgId} AND o."state" = 'pending_credit' AND o."approvalStep" = ${o.step} ${since}
    ORDER BY o."id" LIMIT ${o.take}`);
  return rows.map((r) => ({
    ...orderOf(r),
    accountCode: String(r.accountCode),
    accountName: String(r.accountName),
    unrated: Number(r.unrated) === 1,
  }));
}
