import { countCollection } from './deal-targets.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import { isUniqueViolation, type Db } from '../../db/database.ts';
import { closeDueItems, findDeal, moveDealStage, recordDealChange, type Deal } from '../../db/deals/deal-repo.ts';
import {
  dueItemsOf,
  insertPayment,
  paymentOfViewExists,
  paymentsOf,
  setDealSold,
  setItemPaid,
} from '../../db/deals/payment-repo.ts';
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
 * Re-applies a deal's standing payments to its money items, earliest due first, and returns what
 * is still owed. Run after every payment, refund or undo, so the items never drift from the ledger.
 */
export async function reapplyPayments(tx: Tx, dealId: number, now: Date): Promise<number> {
  const items = (await dueItemsOf(tx, dealId)).filter((i) => carriesMoney(i.kind));
  // the bank's loan settles the loan item, not the down payment due before it
  const payments = (await paymentsOf(tx, dealId))
    .filter((p) => p.kind === 'payment')
    .map((p) => ({ cents: p.amountCents, settles: p.payer === 'bank' ? 'mortgage' : undefined }));
  const { paid, unapplied } = applyPayments(items, payments);
  let owed = 0;
  for (const item of items) {
    const p = paid.get(item.id) ?? 0;
    owed += item.amountCents - p;
    if (p !== item.paidCents || p >= item.amountCents !== (item.doneAt !== null))
      await setItemPaid(tx, item.id, p, p >= item.amountCents ? (item.doneAt ?? now) : null);
  }
  // negative when the payments exceed the plan: the caller refuses that
  return owed - unapplied;
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

/**
 * 回款: the secretary or the owner records an amount received against the deal's plan. It may not
 * exceed what is owed (before 簽約: the deposit). When nothing is owed after 簽約, the deal is sold.
 * The modal's view id is kept with the payment: a double click or a retry of the same modal records it once.
 */
export async function recordPayment(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  dealId: number;
  amount: string;
  receivedOn: string;
  note?: string;
  viewId?: string;
}): Promise<
  { ok: true; sold: boolean } | { ok: false; errors: Record<string, string>; params?: Record<string, string> }
> {
  const { chart } = o;
  const deal = Number.isInteger(o.dealId) ? await findDeal(o.db, chart.data.orgId, o.dealId) : null;
  if (!deal) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  if (!mayRecordPayment(chart, o.actorId, deal.ownerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'secretary or owner', 'deal.payment.not_allowed');
  if (deal.stage !== 'reserved' && deal.stage !== 'contracted')
    throw new AppError(ErrorCode.InvalidInput, {}, deal.stage, 'deal.wrong_stage');
  if (o.viewId && (await paymentOfViewExists(o.db, o.viewId))) return { ok: true, sold: false };
  const parsed = parseMoneyCents(o.amount, CONTRACT_AMOUNT_MAX_CENTS);
  if (!parsed.ok) return { ok: false, errors: { amount: `money.${parsed.error}` } };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.receivedOn)) return { ok: false, errors: { receivedOn: 'date' } };
  const now = o.clock.now();
  const today = formatDate(now, chart.data.timezone);
  if (o.receivedOn > today) return { ok: false, errors: { receivedOn: 'future' } };
  const items = (await dueItemsOf(o.db, deal.id)).filter((i) => carriesMoney(i.kind));
  const owed = items.reduce((sum, i) => sum + i.amountCents - i.paidCents, 0);
  if (parsed.cents > owed) {
    const max = formatMoney(owed, currencyOf(chart), localeOf(chart, o.actorId));
    return { ok: false, errors: { amount: 'payment_above_owed' }, params: { max } };
  }
  const sold = await transaction(o.db, async (tx) => {
    const paymentId = await insertPayment(tx, {
      sourceViewId: o.viewId,
      orgId: deal.orgId,
      dealId: deal.id,
      amountCents: parsed.cents,
      receivedOn: o.receivedOn,
      kind: 'payment',
      by: o.actorId,
      note: o.note,
      at: now,
    });
    const left = await reapplyPayments(tx, deal.id, now);
    // two payments at once may each have fitted: the ledger decides, and the later one is refused
    if (left < 0) throw new AppError(ErrorCode.InvalidInput, {}, 'overpaid concurrently', 'deal.payment.concurrent');
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.actorId,
      action: 'deal.payment',
      subject: `deal:${deal.id}`,
      detail: { cents: parsed.cents, on: o.receivedOn },
      at: now,
    });
    const amount = formatMoney(parsed.cents, currencyOf(chart), localeOf(chart, deal.ownerId));
    await noteInDealThread(
      tx,
      chart,
      deal,
      { key: 'deal.payment.noted', params: { amount, on: o.receivedOn, by: escapeMrkdwn(chart.nameOf(o.actorId)) } },
      now,
    );
    const paidUp = left === 0 && deal.stage === 'contracted';
    if (paidUp) await closeAsSold(tx, chart, deal, o.actorId, now);
    await refreshDealCard(tx, chart, deal.id, now);
    // last: the owner's month total, which the owner's other payments wait on, is locked only to the COMMIT
    await countCollection(tx, { chart, deal, paymentId, cents: parsed.cents, by: o.actorId, now });
    return paidUp;
  }).catch((error: unknown) => {
    // the same modal submitted twice at once: the first recorded it
    if (o.viewId && isUniqueViolation(error)) return false;
    throw error;
  });
  return { ok: true, sold };
}
