import { countCollection } from './deal-targets.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { isUniqueViolation, type Db } from '../../db/database.ts';
import { closeDueItems, dealRead, moveDealStage, recordDealChange, type Deal } from '../../db/deals/deal-repo.ts';
import {
  dueItemsRead,
  paymentInsert,
  paymentOfViewRead,
  paymentsRead,
  setDealSold,
  setItemPaid,
  type DueItem,
  type Payment,
} from '../../db/deals/payment-repo.ts';
import { readTogether } from '../../db/unit-of-work.ts';
import { moveUnitState, recordUnitChange } from '../../db/deals/unit-repo.ts';
import type { Unit as Tx } from '../../db/unit-of-work.ts';
import { transaction } from '../../db/unit-of-work.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, formatMoney, parseMoneyCents } from '../../domain/deals/money.ts';
import { applyPayments, carriesMoney } from '../../domain/deals/payments.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { mayRecordPayment } from './deal-access.ts';
import { currencyOf, noteInDealThread, refreshDealCard, tell } from './deal-messages.ts';

/**
 * Applies a deal's standing payments to its money items, earliest due first, and writes each item
 * whose share changed. Returns the items as they now stand, and what is still owed: negative when
 * the payments exceed the plan (the caller refuses that).
 */
async function settleItems(
  tx: Tx,
  items: DueItem[],
  standing: Payment[],
  now: Date,
): Promise<{ items: DueItem[]; owed: number }> {
  // the bank's loan settles the loan item, not the down payment due before it
  const payments = standing
    .filter((p) => p.kind === 'payment')
    .map((p) => ({ cents: p.amountCents, settles: p.payer === 'bank' ? 'mortgage' : undefined }));
  const { paid, unapplied } = applyPayments(
    items.filter((i) => carriesMoney(i.kind)),
    payments,
  );
  let owed = 0;
  const settled: DueItem[] = [];
  for (const item of items) {
    if (!carriesMoney(item.kind)) {
      settled.push(item);
      continue;
    }
    const p = paid.get(item.id) ?? 0;
    owed += item.amountCents - p;
    const doneAt = p >= item.amountCents ? (item.doneAt ?? now) : null;
    if (p !== item.paidCents || doneAt !== item.doneAt) await setItemPaid(tx, item.id, p, doneAt);
    settled.push({ ...item, paidCents: p, doneAt });
  }
  return { items: settled, owed: owed - unapplied };
}

/**
 * Re-applies a deal's standing payments to its money items and returns what is still owed. Run after
 * every payment, refund or undo, so the items never drift from the ledger.
 */
export async function reapplyPayments(tx: Tx, dealId: number, now: Date): Promise<number> {
  const [items, payments] = await readTogether(tx, [dueItemsRead(dealId), paymentsRead(dealId)]);
  return (await settleItems(tx, items, payments, now)).owed;
}

/** Closes 尾款: everything is paid, the deal and its unit are 已售. */
export async function closeAsSold(tx: Tx, chart: OrgChart, deal: Deal, actorId: string, now: Date): Promise<void> {
  await moveDealStage(tx, deal.id, 'contracted', 'sold', now);
  await setDealSold(tx, deal.id, now);
  await recordDealChange(tx, { dealId: deal.id, from: 'contracted', to: 'sold', by: actorId, at: now });
  await moveUnitState(tx, deal.unitId, { from: 'contracted', to: 'sold', dealId: deal.id, now });
  await recordUnitChange(tx, {
    orgId: deal.orgId,
    unitId: deal.unitId,
    kind: 'state',
    fromValue: 'contracted',
    toValue: 'sold',
    by: actorId,
    at: now,
    note: `deal:${deal.id}`,
  });
  await closeDueItems(tx, deal.id, now, ['final']);
  const unit = escapeMrkdwn(`${deal.building} ${deal.unitNumber}`);
  await tell(tx, chart, deal.ownerId, 'deal.sold', { unit, id: deal.id }, now);
}

interface PaymentInput {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  dealId: number;
  amount: string;
  receivedOn: string;
  note?: string;
  viewId?: string;
}

type PaymentAnswer =
  | { ok: true; sold: boolean }
  | { ok: false; errors: Record<string, string>; params?: Record<string, string> };

/**
 * 回款: the secretary or the owner records an amount received against the deal's plan. It may not
 * exceed what is owed (before 簽約: the deposit). When nothing is owed after 簽約, the deal is sold.
 * The modal's view id is kept with the payment: a double click or a retry of the same modal records it once.
 */
export async function recordPayment(o: PaymentInput): Promise<PaymentAnswer> {
  const { chart } = o;
  if (!Number.isInteger(o.dealId)) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  // the deal, whether this modal already recorded its payment, and what is owed: one round trip
  const [deal, recorded, items] = await readTogether(o.db, [
    dealRead(chart.data.orgId, o.dealId),
    paymentOfViewRead(o.viewId ?? ''), // no view id (a test or a job): no modal's payment to find
    dueItemsRead(o.dealId),
  ]);
  if (!deal) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  if (!mayRecordPayment(chart, o.actorId, deal.ownerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'secretary or owner', 'deal.payment.not_allowed');
  if (deal.stage !== 'reserved' && deal.stage !== 'contracted')
    throw new AppError(ErrorCode.InvalidInput, {}, deal.stage, 'deal.wrong_stage');
  if (o.viewId && recorded) return { ok: true, sold: false };
  const parsed = parseMoneyCents(o.amount, CONTRACT_AMOUNT_MAX_CENTS);
  if (!parsed.ok) return { ok: false, errors: { amount: `money.${parsed.error}` } };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.receivedOn)) return { ok: false, errors: { receivedOn: 'date' } };
  const now = o.clock.now();
  const today = formatDate(now, chart.data.timezone);
  if (o.receivedOn > today) return { ok: false, errors: { receivedOn: 'future' } };
  const owed = items.filter((i) => carriesMoney(i.kind)).reduce((sum, i) => sum + i.amountCents - i.paidCents, 0);
  if (parsed.cents > owed) {
    const max = formatMoney(owed, currencyOf(chart), localeOf(chart, o.actorId));
    return { ok: false, errors: { amount: 'payment_above_owed' }, params: { max } };
  }
  const sold = await storePayment(o, deal, parsed.cents, now).catch((error: unknown) => {
    // the same modal submitted twice at once: the first recorded it
    if (o.viewId && isUniqueViolation(error)) return false;
    throw error;
  });
  return { ok: true, sold };
}

/**
 * The payment's unit of work. On PostgreSQL two round trips: the payment with the deal, its items and
 * payments read back after it; then what it changes, its messages and the owner's month total with the
 * COMMIT. Returns whether the deal is now sold.
 */
async function storePayment(o: PaymentInput, checked: Deal, cents: number, now: Date): Promise<boolean> {
  const { chart } = o;
  return transaction(o.db, async (tx) => {
    const [paymentId, fresh, items, payments] = await readTogether(tx, [
      paymentInsert({
        sourceViewId: o.viewId,
        orgId: checked.orgId,
        dealId: checked.id,
        amountCents: cents,
        receivedOn: o.receivedOn,
        kind: 'payment',
        by: o.actorId,
        note: o.note,
        at: now,
      }),
      dealRead(checked.orgId, checked.id),
      dueItemsRead(checked.id),
      paymentsRead(checked.id),
    ]);
    const deal = fresh ?? checked;
    // cancelled or sold by someone else since the check: nothing is recorded
    if (deal.stage !== 'reserved' && deal.stage !== 'contracted')
      throw new AppError(ErrorCode.InvalidInput, {}, deal.stage, 'deal.wrong_stage');
    const settled = await settleItems(tx, items, payments, now);
    // two payments at once may each have fitted: the ledger decides, and the later one is refused
    if (settled.owed < 0)
      throw new AppError(ErrorCode.InvalidInput, {}, 'overpaid concurrently', 'deal.payment.concurrent');
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.actorId,
      action: 'deal.payment',
      subject: `deal:${deal.id}`,
      detail: { cents, on: o.receivedOn },
      at: now,
    });
    const amount = formatMoney(cents, currencyOf(chart), localeOf(chart, deal.ownerId));
    const by = escapeMrkdwn(chart.nameOf(o.actorId));
    const note = { key: 'deal.payment.noted' as const, params: { amount, on: o.receivedOn, by } };
    await noteInDealThread(tx, chart, deal, note, now);
    const paidUp = settled.owed === 0 && deal.stage === 'contracted';
    if (paidUp) await closeAsSold(tx, chart, deal, o.actorId, now);
    // the card from what the unit knows; once sold, its stage changed here: read again
    const known = paidUp ? undefined : { deal, items: settled.items, payments };
    await refreshDealCard(tx, chart, deal.id, now, known);
    // last: the owner's month total, which the owner's other payments wait on, is locked only to the COMMIT
    await countCollection(tx, { chart, deal, paymentId, cents, by: o.actorId, now });
    return paidUp;
  });
}
