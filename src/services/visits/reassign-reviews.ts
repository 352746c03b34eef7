import { transaction, type Unit, type Db } from '../../db/unit-of-work.ts';
import { findOwnership } from '../../db/visits/customer-repo.ts';
import { enqueueMessage, findDelivery } from '../../db/delivery/outbox-repo.ts';
import { findPendingClaim, findVisit, moveVisitReview, reviewsOf, type Visit } from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { ownershipReviewMessage } from '../../views/visits/visit-messages.ts';
import { ownershipReviewer } from './check-duplicate.ts';
import { localeOf } from '../org/locale-of.ts';
import { messageContextFor } from './queue-visit-messages.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface ReassignReviewsOptions {
  db: Db;
  clock: Clock;
  /** The chart just imported. */
  chart: OrgChart;
  protectionDays: number;
}

/** A move another instance made first: this transaction is rolled back. */
class AlreadyMoved extends Error {}

/**
 * After a chart change, each 撞單 waiting for a ruling goes to whoever now rules for its filer (a new
 * project manager), with a note under the old review message. Acts once across instances.
 */
export async function reassignReviews(o: ReassignReviewsOptions): Promise<number> {
  let moved = 0;
  for (const review of await reviewsOf(o.db, o.chart.data.orgId)) {
    const reviewerId = ownershipReviewer(o.chart, review.filerId);
    const sentTo = review.reviewOutboxId === null ? null : (await findDelivery(o.db, review.reviewOutboxId))?.channel;
    if (!reviewerId || sentTo === reviewerId) continue;
    try {
      await transaction(o.db, (unit) => moveReview(o, unit, review, reviewerId, sentTo ?? null));
      moved += 1;
    } catch (error) {
      if (!(error instanceof AlreadyMoved)) throw error;
    }
  }
  return moved;
}

async function moveReview(
  o: ReassignReviewsOptions,
  unit: Unit,
  review: { id: number; reviewOutboxId: number | null },
  reviewerId: string,
  before: string | null,
): Promise<void> {
  const { chart } = o;
  const now = o.clock.now();
  const visit = (await findVisit(unit, review.id)) as Visit;
  const ownerId = visit.contestedOwnerId ?? visit.filerId;
  const customer = await findOwnership(unit, visit.orgId, visit.phone);
  const claim = customer ? null : await findPendingClaim(unit, visit.orgId, visit.phone, visit.filerId);
  const lastVisitAt = customer?.lastVisitAt ?? claim?.visitAt ?? visit.visitAt;
  const context = messageContextFor(chart, reviewerId);
  const message = ownershipReviewMessage(visit, context, { ownerId, lastVisitAt, protectionDays: o.protectionDays });
  const sent = await queueDirectMessage(unit, reviewerId, message, now);
  if (!(await moveVisitReview(unit, visit.id, review.reviewOutboxId, sent.id))) throw new AlreadyMoved();
  if (review.reviewOutboxId !== null) {
    const note = t(localeOf(chart, reviewerId), 'visit.reassigned', {
      id: visit.number,
      approver: escapeMrkdwn(chart.nameOf(reviewerId)),
      before: escapeMrkdwn(chart.nameOf(before ?? '—')),
    });
    const reply = {
      method: 'chat.postMessage' as const,
      channel: '',
      args: { text: note },
      threadOfId: review.reviewOutboxId,
    };
    await enqueueMessage(unit, reply, now);
  }
}
