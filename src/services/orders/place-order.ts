import { isUniqueViolation } from '../../db/database.ts';
import type { Account } from '../../db/accounts/account-repo.ts';
import { auditWrite } from '../../db/audit-repo.ts';
import { messagesWrite } from '../../db/delivery/outbox-repo.ts';
import { intakeKeyTaken, intakeKeyWrite } from '../../db/delivery/intake-repo.ts';
import {
  insertOrder,
  orderChangeWrite,
  type CreditVerdict,
  type Order,
  type PlacedOrder,
} from '../../db/orders/order-repo.ts';
import { markNeedOrdered } from '../../db/orders/replenishment-repo.ts';
import { transaction, writeTogether, type Db, type Unit } from '../../db/unit-of-work.ts';
import { checkCredit, daysBetween } from '../../domain/orders/credit-check.ts';
import { orderTotalCents, type OrderLineInput } from '../../domain/orders/order-lines.ts';
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
import { holderPosition, orderExposureWrite, type CreditHolder } from './credit-holder.ts';
import { newOrderShown, ownerNotice, postOrderCards } from './order-cards.ts';

export type PlaceOrderResult = { kind: 'placed'; order: Order } | { kind: 'duplicate' } | EntryProblem;

/**
 * Places a confirmed order in ONE unit of work, in as few round trips as it can (on PostgreSQL each is
 * time other orders wait): the submission's key claimed and the exposure moved go in front of the
 * credit position's read, all in the first. The account's holder's exposure row (a distributor's,
 * the row every order checked against it queues on) is locked there to the commit, so a second order
 * at the same instant sees this one. Within the limit and nothing overdue, the order is approved at
 * once; else held for the SSG leader. Then the order is stored under the organisation's next number
 * (its counter row, which every order of the organisation waits for, stays locked to the commit), and
 * its cards are queued: what they show is known, not read back. The writes nobody reads (lines, change,
 * audit, thread note, owner's DM) go with the next statement or the COMMIT (writeTogether). A rollback
 * gives the number back: no gaps. The same confirmation submitted twice (`key`) places one order.
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
  // the account and whose credit it is checked against are read before the unit (one statement)
  const { account, holder, lines, names } = checked;
  const now = o.clock.now();
  const key = `order:${o.key}`;
  try {
    const { numberTaken, ...order } = await transaction(o.db, (unit) =>
      storeOrder(unit, { ...o, account, holder, lines, names, now, key }),
    );
    return { kind: 'placed', order: numberTaken ? { ...order, number: await numberTaken } : order };
  } catch (error) {
    // the key's claim failed (it goes with the first statement): placed already
    if (isUniqueViolation(error) && (await intakeKeyTaken(o.db, key))) return { kind: 'duplicate' };
    throw error;
  }
}

async function storeOrder(
  unit: Unit,
  o: {
    chart: OrgChart;
    clock: Clock;
    askerId: string;
    draft: OrderDraft;
    account: Account;
    holder: CreditHolder;
    lines: OrderLineInput[];
    names: Map<string, { name: string; unit: string }>;
    now: Date;
    key: string;
  },
): Promise<PlacedOrder> {
  const { chart, account, askerId, draft, now } = o;
  const orgId = chart.data.orgId;
  const totalCents = orderTotalCents(o.lines);
  await writeTogether(unit, [intakeKeyWrite(o.key, now)]);
  await writeTogether(unit, [orderExposureWrite(o.holder, account, totalCents, now)]);
  const verdict = await creditVerdict(unit, { account, holder: o.holder, totalCents, day: today(chart, o.clock) });
  const order = await insertOrder(unit, {
    orgId,
    accountId: account.id,
    market: account.market,
    enteredById: askerId,
    ownerId: account.ownerId,
    requestedOn: draft.requestedOn,
    note: draft.note,
    lines: o.lines,
    totalCents,
    verdict: verdict.verdict,
    now,
  });
  const change = { orgId, orderId: order.id, fromState: 'draft', toState: order.state, actorId: askerId, at: now };
  await writeTogether(unit, [orderChangeWrite(change)]);
  if (draft.needId) await markNeedOrdered(unit, { id: draft.needId, orgId, orderId: order.id, now });
  const lines = o.lines.map((l, i) => ({ ...l, lineNo: i + 1, shippedQuantity: 0, ...namedLine(o.names, l.sku) }));
  const shown = newOrderShown(chart, order, {
    account,
    lines,
    change: { ...change, note: '' },
    unrated: verdict.unrated,
  });
  const writes = await postOrderCards(unit, chart, order, shown, now);
  if (!verdict.verdict.approved) writes.push(messagesWrite([ownerNotice(chart, order, 'held', verdict.unrated)], now));
  const audit = auditWrite({ orgId, actor: askerId, action: 'order.place', subject: order.number, at: now });
  await writeTogether(unit, [...writes, audit]);
  return order;
}

const namedLine = (names: Map<string, { name: string; unit: string }>, sku: string) => ({
  name: names.get(sku)?.name ?? sku,
  unit: names.get(sku)?.unit ?? '',
});

/**
 * The credit check against the holder's position, read after the exposure moved (this order in it).
 * Unrated: its holder has no limit to go by, the reason it is held.
 */
async function creditVerdict(
  unit: Unit,
  o: { account: Account; holder: CreditHolder; totalCents: number; day: string },
): Promise<{ verdict: CreditVerdict; unrated: boolean }> {
  // an outlet without a distributor has no credit to check: nothing holds its order
  if (o.holder.kind === 'none')
    return { verdict: { approved: true, excessCents: 0, overdueCents: 0, overdueDays: 0 }, unrated: false };
  const position = await holderPosition(unit, { account: o.account, holder: o.holder, day: o.day });
  const overdueDays = position.oldestDueOn ? daysBetween(position.oldestDueOn, o.day) : 0;
  const verdict = checkCredit({ ...position, limitCents: position.limitCents ?? 0, overdueDays });
  return {
    verdict: { ...verdict, overdueCents: position.overdueCents, overdueDays },
    unrated: position.limitCents === undefined,
  };
}
