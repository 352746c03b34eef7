import { creditOf } from '../../db/accounts/credit-repo.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { claimIntakeKey } from '../../db/delivery/intake-repo.ts';
import { moveExposure } from '../../db/orders/exposure-repo.ts';
import {
  findOrder,
  insertOrder,
  overdueOf,
  recordOrderChange,
  setCreditVerdict,
  takeOrderNumber,
  type Order,
} from '../../db/orders/order-repo.ts';
import { markNeedOrdered } from '../../db/orders/replenishment-repo.ts';
import type { Db } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { checkCredit, daysBetween } from '../../domain/orders/credit-check.ts';
import { orderTotalCents } from '../../domain/orders/order-lines.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Clock } from '../../lib/clock.ts';
import {
  isEntryProblem,
  recheckDraft,
  requireBrand,
  today,
  type EntryProblem,
  type OrderDraft,
} from './check-order.ts';
import { postOrderCards, tellOwner } from './order-cards.ts';

export type PlaceOrderResult = { kind: 'placed'; order: Order } | { kind: 'duplicate' } | EntryProblem;

/**
 * Places a confirmed order in ONE unit of work: its number, the order and lines, the account's
 * exposure moved (the row every other order of the account queues on), the overdue invoices read, and
 * the verdict: within the limit and nothing overdue, approved at once; else held for the SSG leader.
 * The same confirmation submitted twice (`key`) places one order.
 */
export async function placeOrder(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  askerId: string;
  draft: OrderDraft;
  key: string;
}): Promise<PlaceOrderResult> {
  const { chart, askerId, draft } = o;
  requireBrand(chart);
  const checked = await recheckDraft(o.db, chart, askerId, draft);
  if (isEntryProblem(checked)) return checked;
  const { account, lines } = checked;
  const orgId = chart.data.orgId;
  const now = o.clock.now();
  const day = today(chart, o.clock);
  const totalCents = orderTotalCents(lines);
  const placed = await transaction(o.db, async (unit) => {
    if (!(await claimIntakeKey(unit, `order:${o.key}`, now))) return undefined;
    const number = await takeOrderNumber(unit, orgId);
    const order = await insertOrder(unit, {
      orgId,
      number,
      accountId: account.id,
      market: account.market,
      enteredById: askerId,
      ownerId: account.ownerId,
      requestedOn: draft.requestedOn,
      note: draft.note,
      lines,
      totalCents,
      now,
    });
    const exposure = await moveExposure(unit, {
      orgId,
      accountId: account.id,
      ordersCents: totalCents,
      receivableCents: 0,
      now,
    });
    const credit = await creditOf(unit, account.id);
    const overdue = await overdueOf(unit, account.id, day);
    const overdueDays = overdue.oldestDueOn ? daysBetween(overdue.oldestDueOn, day) : 0;
    const verdict = checkCredit({
      limitCents: credit?.limitCents ?? 0,
      ...exposure,
      overdueCents: overdue.cents,
      overdueDays,
    });
    await setCreditVerdict(unit, { id: order.id, ...verdict, overdueCents: overdue.cents, overdueDays, now });
    const state = verdict.approved ? 'approved' : 'pending_credit';
    await recordOrderChange(unit, {
      orgId,
      orderId: order.id,
      fromState: 'draft',
      toState: state,
      actorId: askerId,
      at: now,
    });
    if (draft.needId) await markNeedOrdered(unit, { id: draft.needId, orgId, orderId: order.id, now });
    await recordAudit(unit, { orgId, actor: askerId, action: 'order.place', subject: number, at: now });
    const stored = (await findOrder(unit, order.id)) as Order;
    await postOrderCards(unit, chart, stored, now);
    if (!verdict.approved) await tellOwner(unit, chart, stored, 'held', now);
    return stored;
  });
  return placed ? { kind: 'placed', order: placed } : { kind: 'duplicate' };
}
