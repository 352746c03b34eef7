import { countCollection, customerFollowsDeal } from './deal-targets.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import {
  closeDueItems,
  findDeal,
  moveDealStage,
  recordDealChange,
  setDealMessages,
  type Deal,
} from '../../db/deals/deal-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { insertPayment, paymentsOf, setCancelReason, setDealPlan } from '../../db/deals/payment-repo.ts';
import { moveUnitState, recordUnitChange } from '../../db/deals/unit-repo.ts';
import { transaction, type DbLike } from '../../db/unit-of-work.ts';
import { CONTRACT_AMOUNT_MAX_CENTS, formatMoney, isNoAmount, parseMoneyCents } from '../../domain/deals/money.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { cancelApproval } from '../../views/deals/deal-card.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { isProjectManager } from './deal-access.ts';
import { currencyOf, projectManagerOf, refreshDealCard, tell } from './deal-messages.ts';
import { dealAlreadyHandled } from './deal-handled.ts';
import { planOf } from './deal-plan.ts';
import { actableDeal } from './sign-contract.ts';
import { REFUND_NOTE } from '../../domain/deals/payments.ts';

/**
 * 退訂 / 退房: the owner's chain asks, with a reason and any refund (at most what was paid); the PM
 * approves (button or 通過) and the unit is 可售 again, or declines and the deal goes on as it was.
 */
export async function requestCancellation(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  dealId: number;
  reason: string;
  refund?: string;
}): Promise<{ ok: true } | { ok: false; errors: Record<string, string>; params?: Record<string, string> }> {
  const { chart } = o;
  const deal = await actableDeal(o, ['reserved', 'contracted']);
  const reason = o.reason.trim();
  if (!reason) return { ok: false, errors: { reason: 'reason' } };
  const paid = (await paymentsOf(o.db, deal.id)).reduce(
    (sum, p) => sum + (p.kind === 'payment' ? p.amountCents : 0),
    0,
  );
  let refundCents = 0;
  // an optional refund typed as 0 is no refund, as a blank one is
  if (!isNoAmount(o.refund)) {
    const parsed = parseMoneyCents(o.refund, CONTRACT_AMOUNT_MAX_CENTS);
    if (!parsed.ok) return { ok: false, errors: { refund: `money.${parsed.error}` } };
    if (parsed.cents > paid)
      return {
        ok: false,
        errors: { refund: 'refund_above_paid' },
        params: { max: formatMoney(paid, currencyOf(chart), localeOf(chart, o.actorId)) },
      };
    refundCents = parsed.cents;
  }
  const pm = projectManagerOf(chart);
  if (!pm) throw new AppError(ErrorCode.NoApprover, {}, 'no PM');
  const now = o.clock.now();
  await transaction(o.db, async (tx) => {
    if (!(await moveDealStage(tx, deal.id, deal.stage, 'cancel_requested', now)))
      throw await dealAlreadyHandled(tx, chart, { dealId: deal.id, askerId: o.actorId });
    const plan = {
      ...planOf(deal.plan),
      cancel: { from: deal.stage, refundCents, refundOn: formatDate(now, chart.data.timezone) },
    };
    await setDealPlan(tx, deal.id, JSON.stringify(plan));
    await setCancelReason(tx, deal.id, reason);
    await recordDealChange(tx, {
      dealId: deal.id,
      from: deal.stage,
      to: 'cancel_requested',
      by: o.actorId,
      at: now,
      note: truncate(reason, 300),
    });
    const moved = await refreshDealCard(tx, chart, deal.id, now);
    const locale = localeOf(chart, pm);
    const request = cancelApproval(moved, {
      locale,
      currency: currencyOf(chart),
      ownerName: chart.nameOf(deal.ownerId),
      byName: chart.nameOf(o.actorId),
      reason,
      refund: formatMoney(refundCents, currencyOf(chart), locale),
    });
    const sent = await queueDirectMessage(tx, pm, request, now);
    await setDealMessages(tx, deal.id, { approvalOutboxId: sent.id });
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.actorId,
      action: 'deal.cancel_requested',
      subject: `deal:${deal.id}`,
      detail: { reason, refundCents },
      at: now,
    });
  });
  return { ok: true };
}

/** The PM's answer to a cancellation; a second click acts on nothing. */
export async function decideCancellation(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  dealId: number;
  deciderId: string;
  approve: boolean;
}): Promise<void> {
  const { chart } = o;
  // who decides first: anyone else learns nothing of the deal, not even whether it exists
  if (!isProjectManager(chart, o.deciderId))
    throw new AppError(ErrorCode.Forbidden, {}, 'PM only', 'deal.cancel.pm_only');
  const deal = await findDeal(o.db, chart.data.orgId, o.dealId);
  if (!deal) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  const handled = (db: DbLike) => dealAlreadyHandled(db, chart, { dealId: deal.id, askerId: o.deciderId });
  if (deal.stage !== 'cancel_requested') throw await handled(o.db);
  const plan = planOf(deal.plan);
  const back = plan.cancel?.from ?? 'reserved';
  const to = o.approve ? 'cancelled' : back;
  const now = o.clock.now();
  await transaction(o.db, async (tx) => {
    if (!(await moveDealStage(tx, deal.id, 'cancel_requested', to, now))) throw await handled(tx);
    await recordDealChange(tx, { dealId: deal.id, from: 'cancel_requested', to, by: o.deciderId, at: now });
    if (o.approve) {
      await moveUnitState(tx, deal.unitId, {
        from: back === 'contracted' ? 'contracted' : 'reserved',
        to: 'available',
        dealId: null,
        now,
      });
      await recordUnitChange(tx, {
        orgId: deal.orgId,
        unitId: deal.unitId,
        kind: 'state',
        fromValue: back,
        toValue: 'available',
        by: o.deciderId,
        at: now,
        note: `deal:${deal.id}`,
      });
      await closeDueItems(tx, deal.id, now);
      await refundAndRelease(tx, chart, deal, o.deciderId, now);
    }
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.deciderId,
      action: `deal.cancel_${o.approve ? 'approved' : 'declined'}`,
      subject: `deal:${deal.id}`,
      at: now,
    });
    await refreshDealCard(tx, chart, deal.id, now);
    const params = {
      unit: escapeMrkdwn(`${deal.building} ${deal.unitNumber}`),
      by: escapeMrkdwn(chart.nameOf(o.deciderId)),
    };
    const key = o.approve ? 'deal.cancel.approved' : 'deal.cancel.declined';
    await tell(tx, chart, deal.ownerId, key, params, now);
    if (deal.approvalOutboxId) {
      const text = t(localeOf(chart, o.deciderId), key, params);
      await enqueueMessage(
        tx,
        { method: 'chat.update', channel: '', args: { text, blocks: [] }, updateOfId: deal.approvalOutboxId },
        now,
      );
    }
  });
}

/**
 * The refund is recorded (and counts back from 回款金額), and the customer file is back at 來訪中. The
 * deal's 認購 and 簽約 stay counted in the months they were made: the cancellation is a figure of its
 * own, in the month it is approved (the rule of `db/deals/deal-period-repo.ts`, which every report follows).
 */
async function refundAndRelease(tx: DbLike, chart: OrgChart, deal: Deal, by: string, now: Date): Promise<void> {
  const plan = planOf(deal.plan);
  const refund = plan.cancel?.refundCents ?? 0;
  if (refund > 0) {
    const paymentId = await insertPayment(tx, {
      orgId: deal.orgId,
      dealId: deal.id,
      amountCents: -refund,
      // the money goes back when the PM approves, not when it was asked for: the export's period follows it
      receivedOn: formatDate(now, chart.data.timezone),
      kind: 'refund',
      by,
      note: REFUND_NOTE,
      at: now,
    });
    await countCollection(tx, { chart, deal, paymentId, cents: -refund, by, now });
  }
  await customerFollowsDeal(tx, { chart, deal, to: 'visiting', by, now, back: true });
}
