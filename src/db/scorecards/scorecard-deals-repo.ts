import type { DealFigures } from '../../domain/scorecards/scorecard-rules.ts';
import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/**
 * A site's month per deal owner, from the deals ledger: deals reserved (認購, not awaiting a discount or
 * declined) and contracted (簽約) within [from, to) with their amounts, money received (回款, refunds and
 * undone payments left out) on the local days [firstDay, lastDay], and what items due by `lastDay` still
 * owe as the ledger stands (欠款).
 */
export async function dealFiguresByOwner(
  db: DbLike,
  orgId: number,
  o: { from: Date; to: Date; firstDay: string; lastDay: string },
): Promise<Map<string, DealFigures>> {
  const run = runnerOf(db);
  const [reserved, contracted, collected, arrears] = await Promise.all([
    run.all<{ ownerId: string; count: unknown; cents: unknown }>(sql`
      SELECT "ownerId", COUNT(*) AS "count", SUM("priceCents") AS "cents" FROM "Deal"
      WHERE "orgId" = ${orgId} AND "createdAt" >= ${o.from} AND "createdAt" < ${o.to}
        AND "stage" NOT IN ('awaiting_discount', 'declined')
      GROUP BY "ownerId"`),
    run.all<{ ownerId: string; count: unknown; cents: unknown }>(sql`
      SELECT "ownerId", COUNT(*) AS "count", SUM(COALESCE("totalCents", "priceCents")) AS "cents" FROM "Deal"
      WHERE "orgId" = ${orgId} AND "contractedAt" >= ${o.from} AND "contractedAt" < ${o.to}
      GROUP BY "ownerId"`),
    run.all<{ ownerId: string; cents: unknown }>(sql`
      SELECT d."ownerId" AS "ownerId", SUM(p."amountCents") AS "cents"
      FROM "DealPayment" p JOIN "Deal" d ON d."id" = p."dealId"
      WHERE p."orgId" = ${orgId} AND p."undoneAt" IS NULL AND p."kind" <> 'refund'
        AND p."receivedOn" >= ${o.firstDay} AND p."receivedOn" <= ${o.lastDay}
      GROUP BY d."ownerId"`),
    run.all<{ ownerId: string; cents: unknown }>(sql`
      SELECT i."ownerId" AS "ownerId", SUM(i."amountCents" - i."paidCents") AS "cents"
      FROM "DealDueItem" i JOIN "Deal" d ON d."id" = i."dealId"
      WHERE i."orgId" = ${orgId} AND i."doneAt" IS NULL AND i."amountCents" > i."paidCents"
        AND i."dueDate" <= ${o.lastDay} AND d."stage" IN ('reserved', 'contracted', 'awaiting_discount')
      GROUP BY i."ownerId"`),
  ]);
  const out = new Map<string, DealFigures>();
  const of = (id: string): DealFigures => {
    const known = out.get(id) ?? {
      reserved: 0,
      reservedCents: 0,
      contracted: 0,
      contractedCents: 0,
      collectedCents: 0,
      arrearsCents: 0,
    };
    out.set(id, known);
    return known;
  };
  for (const r of reserved)
    Object.assign(of(r.ownerId), { reserved: Number(r.count), reservedCents: Number(r.cents ?? 0) });
  for (const r of contracted)
    Object.assign(of(r.ownerId), { contracted: Number(r.count), contractedCents: Number(r.cents ?? 0) });
  for (const r of collected) of(r.ownerId).collectedCents = Number(r.cents ?? 0);
  for (const r of arrears) of(r.ownerId).arrearsCents = Number(r.cents ?? 0);
  return out;
}

/** Each market's share (hundredths of a point) as last typed for `month`. */
export async function sharesOfMonth(db: DbLike, orgId: number, month: string): Promise<Map<string, number>> {
  const rows = await runnerOf(db).all<{ marketCode: string; value: unknown }>(sql`
    SELECT "marketCode", "value" FROM "Actual"
    WHERE "orgId" = ${orgId} AND "metric" = 'share' AND "month" = ${month} AND "marketCode" <> ''
    ORDER BY "id"`);
  return new Map(rows.map((r) => [r.marketCode, Number(r.value)] as const));
}
