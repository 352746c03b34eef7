import { sql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';

/** A stock-out or replenishment need recorded at an account (補貨記錄). */
export interface ReplenishmentNeed {
  id: number;
  orgId: number;
  accountId: number;
  sku: string;
  urgency: string;
  note: string;
  reportedById: string;
  state: string;
  orderId: number | null;
  closeReason: string;
  createdAt: Date;
  closedAt: Date | null;
}

const needOf = rowReader<ReplenishmentNeed>({
  numbers: ['id', 'orgId', 'accountId', 'orderId'],
  dates: ['createdAt', 'closedAt'],
});

export async function insertNeed(
  db: DbLike,
  o: { orgId: number; accountId: number; sku: string; urgency: string; note: string; reportedById: string; now: Date },
): Promise<ReplenishmentNeed> {
  const rows = await runnerOf(db).all(sql`
    INSERT INTO "ReplenishmentNeed"
      ("orgId", "accountId", "sku", "urgency", "note", "reportedById", "state", "createdAt")
    VALUES (${o.orgId}, ${o.accountId}, ${o.sku}, ${o.urgency}, ${o.note}, ${o.reportedById}, 'open', ${o.now})
    RETURNING *`);
  return needOf(rows[0]);
}

export async function findNeed(db: DbLike, id: number): Promise<ReplenishmentNeed | null> {
  const rows = await runnerOf(db).all(sql`SELECT * FROM "ReplenishmentNeed" WHERE "id" = ${id}`);
  return rows[0] ? needOf(rows[0]) : null;
}

/** Marks an open need as ordered by this order; false when it was no longer open. */
export async function markNeedOrdered(
  db: DbLike,
  o: { id: number; orgId: number; orderId: number; now: Date },
): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "ReplenishmentNeed" SET "state" = 'ordered', "orderId" = ${o.orderId}, "closedAt" = ${o.now}
    WHERE "id" = ${o.id} AND "orgId" = ${o.orgId} AND "state" = 'open'`);
  return changed === 1;
}

/** Closes an open need with a reason; false when it was no longer open. */
export async function closeNeed(db: DbLike, o: { id: number; reason: string; now: Date }): Promise<boolean> {
  const changed = await runnerOf(db).run(sql`
    UPDATE "ReplenishmentNeed" SET "state" = 'closed', "closeReason" = ${o.reason}, "closedAt" = ${o.now}
    WHERE "id" = ${o.id} AND "state" = 'open'`);
  return changed === 1;
}

/** Open needs of these accounts (all the organisation's when only it is named), urgent first, then oldest. */
export async function openNeeds(
  db: DbLike,
  o: { orgId?: number; accountIds?: number[] },
): Promise<(ReplenishmentNeed & { accountCode: string; accountName: string })[]> {
  if (o.accountIds && o.accountIds.length === 0) return [];
  const accounts = o.accountIds
    ? sql`AND n."accountId" IN (SELECT CAST("key" AS INTEGER) FROM json_each(${JSON.stringify(
        Object.fromEntries(o.accountIds.map((id) => [id, 1])),
      )}))`
    : sql``;
  const rows = await runnerOf(db).all(sql`
    SELECT n.*, a."code" AS "accountCode", a."name" AS "accountName" FROM "ReplenishmentNeed" n
    JOIN "Account" a ON a."id" = n."accountId"
    WHERE n."state" = 'open' ${o.orgId === undefined ? sql`` : sql`AND n."orgId" = ${o.orgId}`} ${accounts}
    ORDER BY CASE WHEN n."urgency" = 'urgent' THEN 0 ELSE 1 END, n."id" LIMIT 200`);
  return rows.map((r) => ({ ...needOf(r), accountCode: String(r.accountCode), accountName: String(r.accountName) }));
}
