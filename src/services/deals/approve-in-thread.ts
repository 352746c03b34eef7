import type { Db } from '../../db/database.ts';
import { findDealByMessage } from '../../db/deals/deal-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Clock } from '../../lib/clock.ts';
import { decideCancellation } from './cancel-deal.ts';
import { decideDiscount } from './decide-discount.ts';
import { planOf } from './deal-plan.ts';

interface ThreadReply {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  channel: string;
  threadTs: string;
  deciderId: string;
}

/**
 * A reply 通過 under the PM's request (a discount or a cancellation) approves it, as the button
 * does. Returns false when the thread is no deal's request, so other replies go their own way.
 */
export async function approveDealInThread(o: ThreadReply): Promise<boolean> {
  const deal = await findDealByMessage(o.db, o.chart.data.orgId, o.channel, o.threadTs);
  if (!deal) return false;
  const decision = { db: o.db, clock: o.clock, chart: o.chart, dealId: deal.id, deciderId: o.deciderId, approve: true };
  if (deal.stage === 'cancel_requested') await decideCancellation(decision);
  else await decideDiscount(decision);
  return true;
}

/**
 * A reply 不核准：<reason> under the PM's discount request declines it with that reason, as the modal
 * does; the word alone is refused asking for the reason, and anyone but the PM is refused as the
 * button refuses them. Returns false when the thread is no discount's request (a cancellation's has none).
 */
export async function declineDiscountInThread(o: ThreadReply & { reason: string }): Promise<boolean> {
  const deal = await findDealByMessage(o.db, o.chart.data.orgId, o.channel, o.threadTs);
  // the request a deal's thread answers is its cancellation once one was asked for
  if (!deal || planOf(deal.plan).cancel) return false;
  const { db, clock, chart, deciderId, reason } = o;
  await decideDiscount({ db, clock, chart, dealId: deal.id, deciderId, approve: false, reason });
  return true;
}
