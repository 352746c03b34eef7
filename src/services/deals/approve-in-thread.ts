import type { Db } from '../../db/database.ts';
import { findDealByMessage } from '../../db/deals/deal-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Clock } from '../../lib/clock.ts';
import { decideCancellation } from './cancel-deal.ts';
import { decideDiscount } from './decide-discount.ts';

/** A reply under a card: where, by whom, and what it is judged by. */
export interface ThreadReply {
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
