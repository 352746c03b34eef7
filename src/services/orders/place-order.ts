import type { Account } from '../../db/accounts/account-repo.ts';
import { auditWrite } from '../../db/audit-repo.ts';
import { messagesWrite } from '../../db/delivery/outbox-repo.ts';
import { claimIntakeKey } from '../../db/delivery/intake-repo.ts';
import { moveExposure } from '../../db/orders/exposure-repo.ts';
import {
  insertOrder,
  orderChangeWrite,
  orderNumberWrite,
  takeOrderNumber,
  type CreditVerdict,
  type Order,
} from '../../db/orders/order-repo.ts';
import { markNeedOrdered } from '../../db/orders/replenishment-repo.ts';
import { transaction, writeTogether, type Db, type Unit } from '../../db/unit-of-work.ts';
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
import { creditHolderOf, holderPosition, lockHolder } from './credit-holder.ts';
import { newOrderShown, ownerNotice, postOrderCards } from './order-cards.ts';

export type PlaceOrderResult = { kind: 'placed'; order: Order } | { kind: 'duplicate' } | EntryProblem;

/**
 * Places a confirmed order in ONE unit of work. First the account's exposure is moved (the row every
 * other order of the account queues on, so a second order at the same instant sees this one), the
 * overdue invoices read and the verdict reached: within the limit and nothing overdue, approved at
 * once; else held for the SSG leader. Then the order and its lines are stored under a stand-in number
 * and what its cards show is read. Only then is the organisation's number taken (its counter row,
 * which every order of the organisation waits for on PostgreSQL, stays locked to the commit): the
 * cards are queued with it, and the writes nobody reads (lines, change, audit, thread note, owner's DM)
 * go with the next statement or the COMMIT (writeTogether). A rollback gives the number back: no gaps.
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
  const totalCents = orderTotalCents(lines);
  const placed = await transaction(o.db, async (unit) => {
    if (!(await claimIntakeKey(unit, `order:${o.key}`, now))) return undefined;
    const verdict = await creditVerdict(unit, {
      account,
      totalCents,
      day: today(chart, o.clock),
      now,
    });
    const order = await insertOrder(unit, {
      orgId,
      number: `~${o.key}`,
      accountId: account.id,
      market: account.market,
      enteredById: askerId,
      ownerId: account.ownerId,
      requestedOn: draft.requestedOn,
      note: draft.note,
      lines,
      totalCents,
      verdict,
      now,
    });
    const change = { orgId, orderId: order.id, fromState: 'draft', toState: order.state, actorId: askerId, at: now };
    await writeTogether(unit, [orderChangeWrite(change)]);
    if (draft.needId) await markNeedOrdered(unit, { id: draft.needId, orgId, orderId: order.id, now });
    const shown = await newOrderShown(unit, chart, order);
    // as late as it can be: from here to the commit, the organisation's other orders wait
    const stored = { ...order, number: await takeOrderNumber(unit, orgId) };
    await writeTogether(unit, [orderNumberWrite(order.id, stored.number)]);
    const writes = await postOrderCards(unit, chart, stored, shown, now);
    if (!verdict.approved) writes.push(messagesWrite([ownerNotice(chart, stored, 'held', !!shown.unrated)], now));
    const audit = auditWrite({ orgId, actor: askerId, action: 'order.place', subject: stored.number, at: now });
    await writeTogether(unit, [...writes, audit]);
    return stored;
  });
  return placed ? { kind: 'placed', order: placed } : { kind: 'duplicate' };
}

/**
 * Moves the account's exposure by the order and checks the credit it is held to (see creditHolderOf),
 * its holder's exposure row locked to the commit first, so two orders against one limit queue.
 */
async function creditVerdict(
  unit: Unit,
  o: { account: Account; totalCents: number; day: string; now: Date },
): Promise<CreditVerdict> {
  const holder = await creditHolderOf(unit, o.account);
  await lockHolder(unit, holder, o.now);
  const { orgId, id: accountId } = o.account;
  await moveExposure(unit, { orgId, accountId, ordersCents: o.totalCents, receivableCents: 0, now: o.now });
  // an outlet without a distributor has no credit to check: nothing holds its order
  if (holder.kind === 'none') return { approved: true, excessCents: 0, overdueCents: 0, overdueDays: 0 };
  const position = await holderPosition(unit, { account: o.account, holder, day: o.day });
  const overdueDays = position.oldestDueOn ? daysBetween(position.oldestDueOn, o.day) : 0;
  const verdict = checkCredit({ ...position, limitCents: position.limitCents ?? 0, overdueDays });
  return { ...verdict, overdueCents: position.overdueCents, overdueDays };
}
