import { findOwnershipAndClaim, lockPhone } from '../../db/visits/customer-repo.ts';
import { visitNumberText } from '../../domain/visits/visit-number.ts';
import type { Unit } from '../../db/unit-of-work.ts';
import { setVisitMessages, type Visit } from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { contestOf, type DuplicateRuling, type ExistingCustomer } from '../../domain/visits/duplicates.ts';
import { t } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { ownershipReviewMessage } from '../../views/visits/visit-messages.ts';
import { localeOf } from '../org/locale-of.ts';
import { messageContextFor, visitOrigin } from './queue-visit-messages.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface DuplicateCheck {
  ruling: DuplicateRuling;
  /** The customer file of the phone, if there is one. */
  existing: { id: number } | null;
  /** When contested: whom the filer is up against (a protected file's owner, or an undecided claim). */
  against?: ExistingCustomer;
}

/**
 * 查重/撞單 for a phone, inside the caller's transaction. Registrations of one phone are checked one
 * at a time, so two filed at the same instant see each other: the second is contested.
 */
export async function checkDuplicate(
  unit: Unit,
  o: { orgId: number; phone: string; filerId: string; now: Date; protectionDays: number },
): Promise<DuplicateCheck> {
  await lockPhone(unit, o.orgId, o.phone);
  const { existing, claim } = await findOwnershipAndClaim(unit, o);
  return { existing, ...contestOf(existing, o.filerId, o.now, o.protectionDays, claim) };
}

/** Who rules on a contested customer: the project manager above the filer, else the approver's manager. */
export function ownershipReviewer(chart: OrgChart, filerId: string): string | undefined {
  const chain = chart.chainOf(filerId);
  return chain.find((id) => chart.person(id)?.role === 'project_manager') ?? chain[1] ?? chain[0];
}

/** Sends a contested registration to the reviewer, and tells the filer whose customer it is (never the phone). */
export async function routeToOwnershipReview(
  tx: Unit,
  o: { chart: OrgChart; visit: Visit; against: ExistingCustomer; protectionDays: number; now: Date },
): Promise<void> {
  const { chart, visit, against, now } = o;
  const reviewerId = ownershipReviewer(chart, visit.filerId) ?? visit.approverId;
  const context = messageContextFor(chart, reviewerId);
  const review = ownershipReviewMessage(visit, context, {
    ownerId: against.ownerId,
    lastVisitAt: against.lastVisitAt,
    protectionDays: o.protectionDays,
  });
  const reviewMessage = await queueDirectMessage(tx, reviewerId, review, now, visitOrigin(visit));
  await setVisitMessages(tx, visit.id, { reviewOutboxId: reviewMessage.id });
  const text = t(localeOf(chart, visit.filerId), 'visit.contested', {
    customer: escapeMrkdwn(visit.customerName || visit.account),
    owner: escapeMrkdwn(chart.nameOf(against.ownerId)),
    id: visitNumberText(visit),
    reviewer: escapeMrkdwn(chart.nameOf(reviewerId)),
  });
  await queueDirectMessage(tx, visit.filerId, { text }, now);
}
