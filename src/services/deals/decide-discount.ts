import { dealAlreadyHandled } from './deal-handled.ts';
import { countReservation } from './deal-targets.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import {
  closeDueItems,
  dealHistory,
  findDeal,
  moveDealStage,
  recordDealChange,
  type Deal,
} from '../../db/deals/deal-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { moveUnitState, recordUnitChange } from '../../db/deals/unit-repo.ts';
import { transaction, type DbLike } from '../../db/unit-of-work.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDateTime } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { discountApproval } from '../../views/deals/deal-card.ts';
import { localeOf } from '../org/locale-of.ts';
import { isProjectManager } from './deal-access.ts';
import { currencyOf, refreshDealCard, tell } from './deal-messages.ts';

export interface DecideDiscountOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  dealId: number;
  deciderId: string;
  approve: boolean;
  /** Why it is declined: required then, told to the salesperson, kept in the deal's history and on the PM's card. */
  reason?: string;
}

/**
 * The discount the PM is asked to decide. Anyone else learns nothing of the deal, not even whether it
 * exists; one decided already is answered with who decided it and when. The decline button checks this
 * before it opens the modal asking why, as the decision does again when the modal is submitted.
 */
export async function loadDecidableDiscount(o: {
  db: DbLike;
  chart: OrgChart;
  dealId: number;
  deciderId: string;
}): Promise<Deal> {
  const { chart } = o;
  if (!isProjectManager(chart, o.deciderId))
    throw new AppError(ErrorCode.Forbidden, {}, 'discounts are the PM’s', 'deal.discount.pm_only');
  const deal = await findDeal(o.db, chart.data.orgId, o.dealId);
  if (!deal) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  if (deal.stage !== 'awaiting_discount')
    throw await dealAlreadyHandled(o.db, chart, { dealId: deal.id, askerId: o.deciderId });
  return deal;
}

/**
 * The PM approves a discount (button or a reply 通過 in the request's thread): the reservation
 * stands. Declined, with a reason (the modal, or a reply 不核准：… in the thread), the unit is 可售
 * again. A second click or submit acts on nothing.
 */
export async function decideDiscount(o: DecideDiscountOptions): Promise<Deal> {
  const { chart } = o;
  const deal = await loadDecidableDiscount(o);
  const reason = o.approve ? '' : (o.reason ?? '').trim();
  if (!o.approve && !reason)
    throw new AppError(ErrorCode.InvalidInput, {}, 'a decline needs a reason', 'deal.discount.reason_required');
  const now = o.clock.now();
  const to = o.approve ? 'reserved' : 'declined';
  return transaction(o.db, async (tx) => {
    if (!(await moveDealStage(tx, deal.id, 'awaiting_discount', to, now)))
      throw await dealAlreadyHandled(tx, chart, { dealId: deal.id, askerId: o.deciderId });
    const note = reason ? truncate(reason, 300) : undefined;
    await recordDealChange(tx, { dealId: deal.id, from: 'awaiting_discount', to, by: o.deciderId, note, at: now });
    if (o.approve) await countReservation(tx, { chart, deal, by: o.deciderId, now });
    else await releaseUnit(tx, deal, o.deciderId, now);
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.deciderId,
      action: `deal.discount_${to}`,
      subject: `deal:${deal.id}`,
      detail: reason ? { reason } : undefined,
      at: now,
    });
    const moved = await refreshDealCard(tx, chart, deal.id, now);
    await tellDecision(tx, { chart, deal, moved, deciderId: o.deciderId, approve: o.approve, reason, now });
    return moved;
  });
}

/** Declined: the unit is 可售 again and the deal's dates are no longer chased. */
async function releaseUnit(tx: DbLike, deal: Deal, by: string, now: Date): Promise<void> {
  await moveUnitState(tx, deal.unitId, { from: 'reserved', to: 'available', dealId: null, now });
  const change = { orgId: deal.orgId, unitId: deal.unitId, kind: 'state' as const, by, at: now };
  await recordUnitChange(tx, { ...change, fromValue: 'reserved', toValue: 'available', note: `deal:${deal.id}` });
  await closeDueItems(tx, deal.id, now);
}

/**
 * The salesperson is told (with the reason of a decline), and the PM's request keeps what was asked
 * (who, the unit, the prices, the discount) under the decision: who, when, approved or declined and why.
 */
async function tellDecision(
  tx: DbLike,
  o: { chart: OrgChart; deal: Deal; moved: Deal; deciderId: string; approve: boolean; reason: string; now: Date },
): Promise<void> {
  const { chart, deal, now } = o;
  const params = {
    unit: escapeMrkdwn(`${deal.building} ${deal.unitNumber}`),
    by: escapeMrkdwn(chart.nameOf(o.deciderId)),
    discount: formatMoney(deal.discountCents, currencyOf(chart), localeOf(chart, deal.ownerId)),
    reason: escapeMrkdwn(truncate(o.reason, 500)),
  };
  await tell(tx, chart, deal.ownerId, o.approve ? 'deal.discount.approved' : 'deal.discount.declined', params, now);
  if (!deal.approvalOutboxId) return;
  // who asked: the one who reserved it, as the request named them
  const askedBy = (await dealHistory(tx, deal.id)).find((c) => c.toStage === 'awaiting_discount')?.by;
  const card = discountApproval(o.moved, {
    locale: localeOf(chart, o.deciderId),
    currency: currencyOf(chart),
    ownerName: chart.nameOf(deal.ownerId),
    byName: chart.nameOf(askedBy ?? deal.ownerId),
    decision: {
      approved: o.approve,
      byName: chart.nameOf(o.deciderId),
      at: formatDateTime(now, chart.data.timezone),
      reason: o.reason,
    },
  });
  await enqueueMessage(tx, { method: 'chat.update', channel: '', args: card, updateOfId: deal.approvalOutboxId }, now);
}
