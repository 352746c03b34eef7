import { transaction, type Db, type DbLike, type Unit } from '../../db/unit-of-work.ts';
import { auditActorAt, recordAudit } from '../../db/audit-repo.ts';
import { alreadyHandled } from '../org/already-handled.ts';
import { findCustomer, giveCustomer } from '../../db/visits/customer-repo.ts';
import { enqueueMessage } from '../../db/delivery/outbox-repo.ts';
import {
  findVisit,
  setVisitCustomer,
  setVisitMessages,
  transitionVisit,
  type Visit,
} from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { ownershipReviewMessage } from '../../views/visits/visit-messages.ts';
import { alreadyDecided } from './decide-visit.ts';
import { ownershipReviewer } from './check-duplicate.ts';
import { localeOf } from '../org/locale-of.ts';
import { messageContextFor, queueApprovalMessage } from './queue-visit-messages.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface RuleOwnershipOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  visitId: number;
  reviewerId: string;
  /** true: the customer stays with its owner; false: it goes to the filer. */
  keepWithOwner: boolean;
  protectionDays: number;
}

/** The project manager, the deputy acting for them, or leadership rule on 撞單. */
export function mayRuleOwnership(chart: OrgChart, reviewerId: string, filerId: string): boolean {
  const role = chart.person(reviewerId)?.role;
  if (chart.isLeadership(reviewerId) && chart.isAbove(reviewerId, filerId)) return true;
  return (role === 'project_manager' || role === 'deputy_manager') && chart.mayApproveFor(reviewerId, filerId);
}

export async function ruleOwnership(o: RuleOwnershipOptions): Promise<Visit> {
  const { chart, reviewerId } = o;
  const visit = await findVisit(o.db, o.visitId);
  if (!visit || visit.orgId !== chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.visitId}` });
  if (!mayRuleOwnership(chart, reviewerId, visit.filerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'not a reviewer', 'visit.not_reviewer');
  if (visit.status !== 'ownership_review') throw await alreadyRuled(o, visit);
  const customer = visit.customerId ? await findCustomer(o.db, visit.customerId) : null;
  const ruling: Ruling = {
    visit,
    ownerId: visit.contestedOwnerId ?? customer?.ownerId ?? visit.filerId,
    lastVisitAt: customer?.lastVisitAt ?? visit.visitAt,
    now: o.clock.now(),
  };

  return transaction(o.db, async (unit) => {
    const { now } = ruling;
    const decided = o.keepWithOwner
      ? { status: 'rejected' as const, decidedBy: reviewerId, decidedAt: now, updatedAt: now }
      : { status: 'pending' as const, updatedAt: now };
    if (!(await transitionVisit(unit, visit.id, ['ownership_review'], decided)))
      throw await alreadyRuled({ ...o, db: unit }, (await findVisit(unit, visit.id)) as Visit);
    const updated = (await findVisit(unit, visit.id)) as Visit;
    await updateReviewCard(unit, o, ruling, updated);
    if (o.keepWithOwner) await keepWithOwner(unit, o, ruling);
    else await giveToFiler(unit, o, ruling, updated);
    await recordAudit(unit, {
      orgId: visit.orgId,
      actor: reviewerId,
      action: 'visit.ownership_ruled',
      subject: `visit:${visit.id}`,
      detail: { keepWithOwner: o.keepWithOwner, ownerId: ruling.ownerId, filerId: visit.filerId },
      at: now,
    });
    return updated;
  });
}

/**
 * The answer to a second click on a ruling. A ruling for the filer sends the registration on to its
 * approver undecided, so who ruled and when are the ruling's audit entry's (stored at the change's instant).
 */
async function alreadyRuled(o: Pick<RuleOwnershipOptions, 'chart' | 'reviewerId'> & { db: DbLike }, visit: Visit) {
  if (visit.decidedBy) return alreadyDecided(o.chart, visit, o.reviewerId);
  const subject = `visit:${visit.id}`;
  const at = visit.updatedAt;
  const by = await auditActorAt(o.db, { orgId: visit.orgId, action: 'visit.ownership_ruled', subject, at });
  return alreadyHandled(o.chart, { by, at: by ? at : null, askerId: o.reviewerId, detail: `visit ${visit.id} ruled` });
}

/** The contested registration as it was, whose customer it is, and when the ruling is made. */
interface Ruling {
  visit: Visit;
  ownerId: string;
  lastVisitAt: Date;
  now: Date;
}

/** The review is a DM to the designated reviewer: it keeps their language whoever rules. */
async function updateReviewCard(unit: Unit, o: RuleOwnershipOptions, r: Ruling, updated: Visit): Promise<void> {
  const { chart, reviewerId } = o;
  if (!r.visit.reviewOutboxId) return;
  const message = ownershipReviewMessage(
    updated,
    messageContextFor(chart, ownershipReviewer(chart, r.visit.filerId) ?? reviewerId),
    {
      ownerId: r.ownerId,
      lastVisitAt: r.lastVisitAt,
      protectionDays: o.protectionDays,
      ruling: { keep: o.keepWithOwner, by: reviewerId, at: r.now },
    },
  );
  const update = { method: 'chat.update' as const, channel: '', args: message, updateOfId: r.visit.reviewOutboxId };
  await enqueueMessage(unit, update, r.now);
}

const namesOf = (chart: OrgChart, reviewerId: string, r: Ruling) => ({
  customer: escapeMrkdwn(r.visit.customerName),
  by: escapeMrkdwn(chart.nameOf(reviewerId)),
  owner: escapeMrkdwn(chart.nameOf(r.ownerId)),
  id: r.visit.number,
  approver: escapeMrkdwn(chart.nameOf(r.visit.approverId)),
});

/** The customer stays: the filer hears why, and the owner that someone else brought their customer in. */
async function keepWithOwner(unit: Unit, o: RuleOwnershipOptions, r: Ruling): Promise<void> {
  const { chart } = o;
  const { visit, ownerId, now } = r;
  const names = namesOf(chart, o.reviewerId, r);
  const filerText = t(localeOf(chart, visit.filerId), 'visit.notify.ruled_keep', names);
  await queueDirectMessage(unit, visit.filerId, { text: filerText }, now);
  if (ownerId === visit.filerId) return;
  const filer = escapeMrkdwn(chart.nameOf(visit.filerId));
  const ownerText = t(localeOf(chart, ownerId), 'visit.notify.owner_kept', { ...names, filer });
  await queueDirectMessage(unit, ownerId, { text: ownerText }, now);
}

/**
 * The ruling, and only the ruling, hands the customer over (opening the file if the contest was
 * with another undecided registration); the registration goes on to its approver.
 */
async function giveToFiler(unit: Unit, o: RuleOwnershipOptions, r: Ruling, updated: Visit): Promise<void> {
  const { chart } = o;
  const { visit, ownerId, now } = r;
  const customerId = await giveCustomer(unit, {
    orgId: visit.orgId,
    phone: visit.phone,
    name: visit.customerName,
    ownerId: visit.filerId,
    visitAt: visit.visitAt,
    now,
  });
  if (visit.customerId !== customerId) await setVisitCustomer(unit, visit.id, customerId);
  const approval = await queueApprovalMessage(unit, chart, updated, now);
  await setVisitMessages(unit, visit.id, { approvalOutboxId: approval.id });
  const names = namesOf(chart, o.reviewerId, r);
  const filerText = t(localeOf(chart, visit.filerId), 'visit.notify.ruled_give', names);
  await queueDirectMessage(unit, visit.filerId, { text: filerText }, now);
  const filer = escapeMrkdwn(chart.nameOf(visit.filerId));
  const ownerText = t(localeOf(chart, ownerId), 'visit.notify.owner_changed', { ...names, filer });
  await queueDirectMessage(unit, ownerId, { text: ownerText }, now);
}
