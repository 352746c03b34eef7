import { arrearsAt } from '../../domain/scorecards/month-end-arrears.ts';
import { dealCountsByOwner } from '../deals/deal-period-repo.ts';
import type { DealFigures } from '../../domain/scorecards/scorecard-rules.ts';
import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/**
 * A site's month per deal owner: 認購, 簽約 and the cancellations by the deals' one rule
 * (`dealCountsByOwner`: a reservation or contract counts in the month it was made, a cancellation in the
 * month it was approved, as its own figure), money received less money refunded (回款, as /targets counts
 * it; undone payments left out)
 * on the local days [firstDay, lastDay], and what items due by `lastDay` still owed at the month's end
 * (欠款), from the payment history: a later payment does not lower them.
 */
export async function dealFiguresByOwner(
  db: DbLike,
  orgId: number,
  o: { from: Date; to: Date; firstDay: string; lastDay: string },
): Promise<Map<string, DealFigures>> {
  const [counts, collected, arrears] = await Promise.all([
    dealCountsByOwner(db, orgId, o),
    runnerOf(db).all<{ ownerId: string; cents: unknown }>(sql`
      -- a refund is kept as a negative payment: the sum is what was received less what was refunded
      SELECT d."ownerId" AS "ownerId", SUM(p."amountCents") AS "cents"
      FROM "DealPayment" p JOIN "Deal" d ON d."id" = p."dealId"
      WHERE p."orgId" = ${orgId} AND p."undoneAt" IS NULL
        AND p."receivedOn" >= ${o.firstDay} AND p."receivedOn" <= ${o.lastDay}
      GROUP BY d."ownerId"`),
    arrearsAtMonthEnd(db, orgId, o),
  ]);
  const out = new Map<string, DealFigures>();
  const of = (id: string): DealFigures => {
    const known = out.get(id) ?? {
      reserved: 0,
      reservedCents: 0,
      contracted: 0,
      contractedCents: 0,
      cancelled: 0,
      collectedCents: 0,
      arrearsCents: 0,
    };
    out.set(id, known);
    return known;
  };
  for (const [ownerId, c] of counts) {
    const { reserved, reservedCents, contracted, contractedCents, cancelled } = c;
    Object.assign(of(ownerId), { reserved, reservedCents, contracted, contractedCents, cancelled });
  }
  for (const r of collected) of(r.ownerId).collectedCents = Number(r.cents ?? 0);
  for (const [ownerId, cents] of arrears) of(ownerId).arrearsCents = cents;
  return out;
}

/**
 * The overdue arrears of each owner as they stood at the month's end: the money items and the payments
 * standing then (received by `lastDay`, not undone before `to`) of the deals live then (reserved,
 * contracted or awaiting a discount, or moved on from those only after the month), applied by the
 * ledger's own rule.
 */
async function arrearsAtMonthEnd(
  db: DbLike,
  orgId: number,
  o: { to: Date; lastDay: string },
): Promise<Map<string, number>> {
  const run = runnerOf(db);
  const live = sql`"Deal" d WHERE d."orgId" = ${orgId} AND d."createdAt" < ${o.to}
    AND (d."stage" IN ('reserved', 'contracted', 'awaiting_discount')
      OR (d."stage" IN ('sold', 'cancel_requested', 'cancelled') AND d."stageChangedAt" >= ${o.to}))
    AND EXISTS (SELECT 1 FROM "DealDueItem" due WHERE due."dealId" = d."id" AND due."dueDate" <= ${o.lastDay}
      AND due."amountCents" > 0)`;
  const [items, payments] = await Promise.all([
    run.all<{ id: unknown; dealId: unknown; ownerId: string; kind: string; dueDate: string; amountCents: unknown }>(sql`
      SELECT i."id", i."dealId", i."ownerId", i."kind", i."dueDate", i."amountCents" FROM "DealDueItem" i
      WHERE i."dealId" IN (SELECT d."id" FROM ${live})`),
    run.all<{ dealId: unknown; amountCents: unknown; payer: string }>(sql`
      SELECT p."dealId", p."amountCents", p."payer" FROM "DealPayment" p
      WHERE p."dealId" IN (SELECT d."id" FROM ${live}) AND p."kind" = 'payment' AND p."receivedOn" <= ${o.lastDay}
        AND (p."undoneAt" IS NULL OR p."undoneAt" >= ${o.to})`),
  ]);
  return arrearsAt(
    items.map((i) => ({ ...i, id: Number(i.id), dealId: Number(i.dealId), amountCents: Number(i.amountCents) })),
    payments.map((p) => ({ dealId: Number(p.dealId), amountCents: Number(p.amountCents), payer: p.payer })),
    o.lastDay,
  );
}

/** Each market's share (hundredths of a point) as last typed for `month`. */
export async function sharesOfMonth(db: DbLike, orgId: number, month: string): Promise<Map<string, number>> {
  const rows = await runnerOf(db).all<{ marketCode: string; value: unknown }>(sql`
    SELECT "marketCode", "value" FROM "Actual"
    WHERE "orgId" = ${orgId} AND "metric" = 'share' AND "month" = ${month} AND "marketCode" <> ''
    ORDER BY "id"`);
  return new Map(rows.map((r) => [r.marketCode, Number(r.value)] as const));
}
