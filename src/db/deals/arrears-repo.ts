import { sql } from '../sql/sql-query.ts';
import { rowReader, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import type { OpenItem } from './payment-repo.ts';

/** One owner's overdue items: how many, what is still open on them, and the oldest few in full. */
export interface OwnerArrears {
  ownerId: string;
  count: number;
  openCents: number;
  items: OpenItem[];
}

/** The open items on live deals due on or before `until`: the filter both queries below share. */
const overdue = (orgId: number, until: string) => sql`
    FROM "DealDueItem" i JOIN "Deal" d ON d."id" = i."dealId"
    WHERE i."orgId" = ${orgId} AND i."doneAt" IS NULL AND i."dueDate" <= ${until}
      AND d."stage" IN ('reserved', 'contracted', 'awaiting_discount')`;

/**
 * `/deal arrears` over a whole site: counted and summed per owner in the database, and only the oldest
 * `perOwner` items of each read with their unit and customer (a list never shows more), so the answer
 * stays small however many items are overdue.
 */
export async function arrearsByOwner(
  db: DbLike,
  orgId: number,
  until: string,
  perOwner: number,
): Promise<OwnerArrears[]> {
  const runner = runnerOf(db);
  const totals = await runner.all<{ ownerId: string; count: unknown; open: unknown }>(sql`
    SELECT i."ownerId" AS "ownerId", COUNT(*) AS "count",
      SUM(CASE WHEN i."amountCents" > i."paidCents" THEN i."amountCents" - i."paidCents" ELSE 0 END) AS "open"
    ${overdue(orgId, until)}
    GROUP BY i."ownerId" ORDER BY MIN(i."dueDate"), i."ownerId"`);
  const rows = await runner.all(sql`
    SELECT t."id", t."dealId", t."ownerId", t."kind", t."dueDate", t."amountCents", t."paidCents", t."doneAt",
      t."reminderLevel", u."building" AS "building", u."number" AS "unitNumber", c."name" AS "customerName",
      t."cardOutboxId" AS "cardOutboxId"
    FROM (
      SELECT i."id", i."dealId", i."ownerId", i."kind", i."dueDate", i."amountCents", i."paidCents", i."doneAt",
        i."reminderLevel", d."unitId", d."customerId", d."cardOutboxId",
        ROW_NUMBER() OVER (PARTITION BY i."ownerId" ORDER BY i."dueDate", i."id") AS "rank"
      ${overdue(orgId, until)}
    ) t JOIN "Unit" u ON u."id" = t."unitId" JOIN "Customer" c ON c."id" = t."customerId"
    WHERE t."rank" <= ${perOwner}
    ORDER BY t."dueDate", t."id"`);
  const items = rows.map(
    rowReader<OpenItem>({
      numbers: ['id', 'dealId', 'amountCents', 'paidCents', 'reminderLevel', 'cardOutboxId'],
      dates: ['doneAt'],
    }),
  );
  return totals.map((t) => ({
    ownerId: t.ownerId,
    count: Number(t.count),
    openCents: Number(t.open ?? 0),
    items: items.filter((i) => i.ownerId === t.ownerId),
  }));
}
