import { sql, sqlList } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';
import type { Exposure } from './exposure-repo.ts';

/** A credit holder's position: its limit (undefined: unrated), its group's exposure, and what is overdue. */
export interface CreditPosition extends Exposure {
  limitCents: number | undefined;
  overdueCents: number;
  oldestDueOn: string | null;
}

/**
 * In ONE statement (an order's check reads it under the holder's lock, so every round trip here is
 * time other orders of the same distributor wait): the holder's limit, the exposure of the holder and
 * the outlets that belong to it, and the open invoices of `owing` past due on `day`.
 */
export async function readCreditPosition(
  db: DbLike,
  o: { orgId: number; holderId: number; holderCode: string; owing: number[]; day: string },
): Promise<CreditPosition> {
  const rows = await runnerOf(db).all<Record<string, unknown>>(sql`
    SELECT g."openOrdersCents", g."receivableCents", c."limitCents", d."cents" AS "overdueCents",
      d."oldest" AS "oldestDueOn"
    FROM (SELECT SUM(e."openOrdersCents") AS "openOrdersCents", SUM(e."receivableCents") AS "receivableCents"
        FROM "AccountExposure" e JOIN "Account" a ON a."id" = e."accountId"
        WHERE a."orgId" = ${o.orgId} AND (a."id" = ${o.holderId} OR a."distributorCode" = ${o.holderCode})) AS g
      CROSS JOIN (SELECT COALESCE(SUM("openCents"), 0) AS "cents", MIN("dueOn") AS "oldest" FROM "Invoice"
        WHERE "accountId" IN (${sqlList(o.owing)}) AND "openCents" > 0 AND "dueOn" < ${o.day}) AS d
      LEFT JOIN "AccountCredit" c ON c."accountId" = ${o.holderId}`);
  const row = rows[0] ?? {};
  return {
    openOrdersCents: Number(row.openOrdersCents ?? 0),
    receivableCents: Number(row.receivableCents ?? 0),
    limitCents: row.limitCents === null || row.limitCents === undefined ? undefined : Number(row.limitCents),
    overdueCents: Number(row.overdueCents ?? 0),
    oldestDueOn: row.oldestDueOn ? String(row.oldestDueOn) : null,
  };
}
