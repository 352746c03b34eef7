import { dealAlreadyHandled } from './deal-handled.ts';
import { countReservation } from './deal-targets.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import { closeDueItems, findDeal, moveDealStage, recordDealChange, type Deal } from '../../db/deals/deal-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import { moveUnitState, recordUnitChange } from '../../db/deals/unit-repo.ts';
import { transaction, type DbLike } from '../../db/unit-of-work.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
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
}

/**
 * The PM approves a discount (button or a reply 通過 in the request's thread): the reservation
 * stands. Declined, the unit is 可售 again. A second click acts on nothing.
 */
export async function decideDiscount(o: DecideDiscountOptions): Promise<Deal> {
  const { chart } = o;
  // who decides first: anyone else learns nothing of the deal, not even whether it exists
  if (!isProjectManager(chart, o.deciderId))
    throw new AppError(ErrorCode.Forbidden, {}, 'discounts are the PM’s', 'deal.discount.pm_only');
  const deal = await findDeal(o.db, chart.data.orgId, o.dealId);
  if (!deal) throw new AppError(ErrorCode.NotFound, { what: `#${o.dealId}` });
  const handled = (db: DbLike) => dealAlreadyHandled(db, chart, { dealId: deal.id, askerId: o.deciderId });
  if (deal.stage !== 'awaiting_discount') throw await handled(o.db);
  const now = o.clock.now();
  const to = o.approve ? 'reserved' : 'declined';
  return transaction(o.db, async (tx) => {
    if (!(await moveDealStage(tx, deal.id, 'awaiting_discount', to, now))) throw await handled(tx);
    await recordDealChange(tx, { dealId: deal.id, from: 'awaiting_discount', to, by: o.deciderId, at: now });
    if (!o.approve) {
      await moveUnitState(tx, deal.unitId, { from: 'reserved', to: 'available', dealId: null, now });
      const change = { orgId: deal.orgId, unitId: deal.unitId, kind: 'state' as const, by: o.deciderId, at: now };
      await recordUnitChange(tx, { ...change, fromValue: 'reserved', toValue: 'available', note: `deal:${deal.id}` });
      await closeDueItems(tx, deal.id, now);
    }
    if (o.approve) await countReservation(tx, { chart, deal, by: o.deciderId, now });
    await recordAudit(tx, {
      orgId: deal.orgId,
      actor: o.deciderId,
      action: `deal.discount_${to}`,
      subject: `deal:${deal.id}`,
      at: now,
    });
    const moved = await refreshDealCard(tx, chart, deal.id, now);
    const params = {
      unit: escapeMrkdwn(`${deal.building} ${deal.unitNumber}`),
      by: escapeMrkdwn(chart.nameOf(o.deciderId)),
      discount: formatMoney(deal.discountCents, currencyOf(chart), localeOf(chart, deal.ownerId)),
    };
    const key = o.approve ? 'deal.discount.approved' : 'deal.discount.declined';
    await tell(tx, chart, deal.ownerId, key, params, now);
    if (deal.approvalOutboxId) {
      const text = t(localeOf(chart, o.deciderId), key, params);
      await enqueueMessage(
        tx,
        { method: 'chat.update', channel: '', args: { text, blocks: [] }, updateOfId: deal.approvalOutboxId },
        now,
      );
    }
    return moved;
  });
}
