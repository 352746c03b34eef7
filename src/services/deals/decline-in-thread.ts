import { findDealByMessage } from '../../db/deals/deal-repo.ts';
import type { ThreadReply } from './approve-in-thread.ts';
import { decideDiscount } from './decide-discount.ts';
import { planOf } from './deal-plan.ts';

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
