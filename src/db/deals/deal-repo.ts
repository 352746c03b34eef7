import { sql, sqlSet, type SqlQuery, preparedSql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, writeTogether, type Write } from '../sql/write-together.ts';
import type { Read } from '../sql/read-together.ts';

/** A deal with its unit and customer, as the cards and lists show it. Money in cents. */
export interface Deal {
  id: number;
  orgId: number;
  unitId: number;
  customerId: number;
  ownerId: string;
  stage: string;
  stageChangedAt: Date;
  listPriceCents: number;
  priceCents: number;
  discountCents: number;
  depositCents: number;
  depositDate: string;
  signByDate: string;
  contractNo: string | null;
  totalCents: number | null;
  paymentMethod: string | null;
  plan: string | null;
  cancelReason: string | null;
  approvalOutboxId: number | null;
  cardOutboxId: number | null;
  createdAt: Date;
  building: string;
  unitNumber: string;
  customerName: string;
  customerPhone: string;
}

export const dealFromRow = rowReader<Deal>({
  numbers: [
    'id',
    'orgId',
    'unitId',
    'customerId',
    'listPriceCents',
    'priceCents',
    'discountCents',
    'depositCents',
    'totalCents',
    'approvalOutboxId',
    'cardOutboxId',
  ],
  dates: ['stageChangedAt', 'createdAt'],
});

export const DEAL_SELECT = sql`
  SELECT d."id", d."orgId", d."unitId", d."customerId", d."ownerId", d."stage", d."stageChangedAt", d."listPriceCents",
    d."priceCents", d."discountCents", d."depositCents", d."depositDate", d."signByDate", d."contractNo",
      d."totalCents",
    d."paymentMethod", d."plan", d."cancelReason", d."approvalOutboxId", d."cardOutboxId", d."createdAt",
    u."building" AS "building", u."number" AS "unitNumber", c."name" AS "customerName", c."phone" AS "customerPhone"
  FROM "Deal" d JOIN "Unit" u ON u."id" = d."unitId" JOIN "Customer" c ON c."id" = d."customerId"`;

/** One deal of the organisation, or null (to send with other reads: readTogether). */
export const dealRead = (orgId: number, id: number): Read<Deal | null> => ({
  query: preparedSql(sql`${DEAL_SELECT} WHERE d."orgId" = ${orgId} AND d."id" = ${id}`),
  read: (rows) => (rows[0] ? dealFromRow(rows[0]) : null),
});

export async function findDeal(db: DbLike, orgId: number, id: number): Promise<Deal | null> {
  const { query, read } = dealRead(orgId, id);
  return read(await runnerOf(db).all(query));
}

export interface NewDeal {
  orgId: number;
  unitId: number;
  customerId: number;
  ownerId: string;
  stage: string;
  listPriceCents: number;
  priceCents: number;
  discountCents: number;
  depositCents: number;
  depositDate: string;
  signByDate: string;
  now: Date;
}

export async function insertDeal(unit: DbLike, d: NewDeal): Promise<number> {
  const rows = await runnerOf(unit).all<{ id: unknown }>(sql`
    INSERT INTO "Deal" ("orgId", "unitId", "customerId", "ownerId", "stage", "stageChangedAt", "listPriceCents",
      "priceCents",
      "discountCents", "depositCents", "depositDate", "signByDate", "createdAt")
    VALUES (${d.orgId}, ${d.unitId}, ${d.customerId}, ${d.ownerId}, ${d.stage}, ${d.now}, ${d.listPriceCents},
      ${d.priceCents},
      ${d.discountCents}, ${d.depositCents}, ${d.depositDate}, ${d.signByDate}, ${d.now})
    RETURNING "id"`);
  return Number(rows[0].id);
}

/** Moves a deal from the stage the caller saw; false when another click or instance got there first. */
export async function moveDealStage(unit: DbLike, id: number, from: string, to: string, now: Date): Promise<boolean> {
  const changed = await runnerOf(unit).run(sql`
    UPDATE "Deal" SET "stage" = ${to}, "stageChangedAt" = ${now} WHERE "id" = ${id} AND "stage" = ${from}`);
  return changed === 1;
}

export async function recordDealChange(
  unit: DbLike,
  c: { dealId: number; from: string; to: string; by: string; note?: string; at: Date },
): Promise<void> {
  // nobody reads it back in the unit: with the next statement or the COMMIT on PostgreSQL (writeTogether)
  await writeTogether(unit, [
    asWrite(sql`
    INSERT INTO "DealChange" ("dealId", "fromStage", "toStage", "by", "note", "at")
    VALUES (${c.dealId}, ${c.from}, ${c.to}, ${c.by}, ${c.note ?? null}, ${c.at})`),
  ]);
}

export async function setDealMessages(
  unit: DbLike,
  id: number,
  ids: { approvalOutboxId?: number | null; cardOutboxId?: number },
): Promise<void> {
  const writes: Write[] = [];
  if (ids.approvalOutboxId !== undefined)
    writes.push(asWrite(sql`UPDATE "Deal" SET "approvalOutboxId" = ${ids.approvalOutboxId} WHERE "id" = ${id}`));
  if (ids.cardOutboxId !== undefined)
    writes.push(asWrite(sql`UPDATE "Deal" SET "cardOutboxId" = ${ids.cardOutboxId} WHERE "id" = ${id}`));
  for (const write of writes) await writeTogether(unit, [write]);
}

/** The update that keeps the card's id (given as SQL) on the deal (queueMessageKeepingId). */
export const keepDealCard = (id: number) => (outboxId: SqlQuery) =>
  sql`UPDATE "Deal" SET "cardOutboxId" = ${outboxId} WHERE "id" = ${id}`;

/** The deal whose approval request (or card) is the parent of this thread. */
export async function findDealByMessage(db: DbLike, orgId: number, channel: string, ts: string): Promise<Deal | null> {
  const rows = await runnerOf(db).all(sql`${DEAL_SELECT}
    WHERE d."orgId" = ${orgId} AND d."approvalOutboxId" IN
      (SELECT "id" FROM "OutboxMessage" WHERE "sentChannel" = ${channel} AND "sentTs" = ${ts})`);
  return rows[0] ? dealFromRow(rows[0]) : null;
}

export async function dealHistory(
  db: DbLike,
  dealId: number,
): Promise<{ fromStage: string; toStage: string; by: string; note: string | null; at: Date }[]> {
  const rows = await runnerOf(db).all(sql`
    SELECT "fromStage", "toStage", "by", "note", "at" FROM "DealChange" WHERE "dealId" = ${dealId} ORDER BY "id"`);
  return rows.map(
    rowReader<{ fromStage: string; toStage: string; by: string; note: string | null; at: Date }>({
      numbers: [],
      dates: ['at'],
    }),
  );
}

export interface NewDueItem {
  orgId: number;
  dealId: number;
  ownerId: string;
  kind: string;
  dueDate: string;
  amountCents: number;
}

/** Nobody reads its id: with the unit's next statement or its COMMIT on PostgreSQL (writeTogether). */
export async function insertDueItem(unit: DbLike, item: NewDueItem): Promise<void> {
  await writeTogether(unit, [
    asWrite(sql`
    INSERT INTO "DealDueItem" ("orgId", "dealId", "ownerId", "kind", "dueDate", "amountCents", "paidCents",
      "reminderLevel")
    VALUES (${item.orgId}, ${item.dealId}, ${item.ownerId}, ${item.kind}, ${item.dueDate}, ${item.amountCents}, 0, 0)`),
  ]);
}

/** Closes a deal's open items of these kinds (or all), as done at `now`. */
export async function closeDueItems(unit: DbLike, dealId: number, now: Date, kinds?: string[]): Promise<void> {
  const which = kinds ? sql` AND "kind" IN (${sqlSet(kinds)})` : sql``;
  await runnerOf(unit).run(
    sql`UPDATE "DealDueItem" SET "doneAt" = ${now} WHERE "dealId" = ${dealId} AND "doneAt" IS NULL${which}`,
  );
}

/** Who holds a unit: the owner of the deal it is in, if any. */
export async function holderOfUnit(db: DbLike, unitId: number): Promise<{ dealId: number; ownerId: string } | null> {
  const rows = await runnerOf(db).all<{ id: unknown; ownerId: string }>(sql`
    SELECT d."id", d."ownerId" FROM "Unit" u JOIN "Deal" d ON d."id" = u."dealId" WHERE u."id" = ${unitId}`);
  return rows[0] ? { dealId: Number(rows[0].id), ownerId: rows[0].ownerId } : null;
}

/** Deals matching a contract number, a unit (building and number), a customer's name in part, or an id. */
export async function searchDeals(db: DbLike, orgId: number, query: string, take = 20): Promise<Deal[]> {
  const [building = '', number = ''] = query.split(/\s+/);
  const id = /^#?\d{1,9}$/.test(query) ? Number(query.replace('#', '')) : -1;
  const like = `%${query.replace(/[%_\\]/g, '')}%`;
  const rows = await runnerOf(db).all(sql`${DEAL_SELECT}
    WHERE d."orgId" = ${orgId} AND (d."id" = ${id} OR d."contractNo" = ${query}
      OR (u."building" = ${building} AND u."number" = ${number}) OR c."name" LIKE ${like})
    ORDER BY d."id" DESC LIMIT ${take}`);
  return rows.map(dealFromRow);
}

/** Which deals a list shows: these owners (all when null), one stage, only those with an item overdue. */
export interface DealFilter {
  ownerIds: string[] | null;
  stage?: string;
  /** Only deals with an open item due on or before this day (yyyy-MM-dd). */
  overdueBy?: string;
}

function dealWhere(orgId: number, f: DealFilter) {
  const owners = f.ownerIds ? sql` AND d."ownerId" IN (${sqlSet(f.ownerIds)})` : sql``;
  const inStage = f.stage ? sql` AND d."stage" = ${f.stage}` : sql``;
  const overdue = f.overdueBy
    ? // the open items' index (orgId, doneAt, dueDate) finds the few overdue deals, not a probe per deal
      sql` AND d."stage" IN ('reserved', 'contracted', 'awaiting_discount') AND d."id" IN (SELECT i."dealId"
        FROM "DealDueItem" i WHERE i."orgId" = ${orgId} AND i."doneAt" IS NULL AND i."dueDate" <= ${f.overdueBy})`
    : sql``;
  return sql`${owners}${inStage}${overdue}`;
}

/** Live and finished deals of the filter, stuck ones (oldest stage change) first. */
export async function listDeals(db: DbLike, orgId: number, f: DealFilter, take = 40): Promise<Deal[]> {
  // the deals still being worked first (the longest unmoved at the top), the ended ones after them
  const rows = await runnerOf(db).all(sql`${DEAL_SELECT}
    WHERE d."orgId" = ${orgId}${dealWhere(orgId, f)}
    ORDER BY CASE WHEN d."stage" IN ('cancelled', 'declined') THEN 1 ELSE 0 END, d."stageChangedAt", d."id"
    LIMIT ${take}`);
  return rows.map(dealFromRow);
}

/** Counts and amounts per stage over the filter's deals (its stage too: the summary covers the filter). */
export async function dealStageTotals(
  db: DbLike,
  orgId: number,
  f: DealFilter,
): Promise<{ stage: string; count: number; amountCents: number }[]> {
  const rows = await runnerOf(db).all<{ stage: string; count: unknown; amount: unknown }>(sql`
    SELECT d."stage" AS "stage", COUNT(*) AS "count", SUM(COALESCE(d."totalCents", d."priceCents")) AS "amount"
    FROM "Deal" d WHERE d."orgId" = ${orgId}${dealWhere(orgId, f)} GROUP BY d."stage"`);
  return rows.map((r) => ({ stage: r.stage, count: Number(r.count), amountCents: Number(r.amount ?? 0) }));
}

/** The customer's deal that drives its file's 認購 and 簽約 (one not declined or cancelled), if any. */
export async function drivingDealOf(db: DbLike, customerId: number): Promise<{ id: number; stage: string } | null> {
  const rows = await runnerOf(db).all<{ id: unknown; stage: string }>(
    sql`SELECT "id", "stage" ${drivingDealOfCustomer(sql`${customerId}`)}`,
  );
  return rows[0] ? { id: Number(rows[0].id), stage: rows[0].stage } : null;
}

/** `FROM … LIMIT 1` of drivingDealOf, for the customer given as SQL (a column of another statement). */
export const drivingDealOfCustomer = (customerId: SqlQuery): SqlQuery => sql`FROM "Deal"
    WHERE "customerId" = ${customerId}
      AND "stage" IN ('awaiting_discount', 'reserved', 'contracted', 'sold', 'cancel_requested')
    ORDER BY "id" DESC LIMIT 1`;
