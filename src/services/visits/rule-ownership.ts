import { transaction, type Db } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
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
  if (visit.status !== 'ownership_review') throw alreadyDecided(chart, visit);
  const customer = visit.customerId ? await findCustomer(o.db, visit.customerId) : null;
  const ownerId = visit.contestedOwnerId ?? customer?.ownerId ?? visit.filerId;
  const now = o.clock.now();

  return transaction(o.db, async (unit) => {
    const decided = o.keepWithOwner
      ? { status: 'rejected' as const, decidedBy: reviewerId, decidedAt: now, updatedAt: now }
      : { status: 'pending' as const, updatedAt: now };
    if (!(await transitionVisit(unit, visit.id, ['ownership_review'], decided)))
      throw alreadyDecided(chart, (await findVisit(unit, visit.id)) as Visit);
    const updated = (await findVisit(unit, visit.id)) as Visit;
    if (visit.reviewOutboxId) {
      // the review is a DM to the designated reviewer: it keeps their language whoever rules
      const message = ownershipReviewMessage(
        updated,
        messageContextFor(chart, ownershipReviewer(chart, visit.filerId) ?? reviewerId),
        {
          ownerId,
          lastVisitAt: customer?.lastVisitAt ?? visit.visitAt,
          protectionDays: o.protectionDays,
          ruling: { keep: o.keepWithOwner, by: reviewerId, at: now },
        },
      );
      await enqueueMessage(
        unit,
        { method: 'chat.update', channel: '', args: message, updateOfId: visit.reviewOutboxId },
        now,
      );
    }
    const filerLocale = localeOf(chart, visit.filerId);
    const names = {
      customer: escapeMrkdwn(visit.customerName),
      by: escapeMrkdwn(chart.nameOf(reviewerId)),
      owner: escapeMrkdwn(chart.nameOf(ownerId)),
      id: visit.number,
      approver: escapeMrkdwn(chart.nameOf(visit.approverId)),
    };
    if (o.keepWithOwner) {
      await queueDirectMessage(unit, visit.filerId, { text: t(filerLocale, 'visit.notify.ruled_keep', names) }, now);
      // the owner learns that someone else brought their customer in
      if (ownerId !== visit.filerId)
        await queueDirectMessage(
          unit,
          ownerId,
          {
            text: t(localeOf(chart, ownerId), 'visit.notify.owner_kept', {
              ...names,
              filer: escapeMrkdwn(chart.nameOf(visit.filerId)),
            }),
          },
          now,
        );
    } else {
      // the ruling, and only the ruling, hands the customer over (opening the file if the contest was with another
      // undecided registration)
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
      await queueDirectMessage(unit, visit.filerId, { text: t(filerLocale, 'visit.notify.ruled_give', names) }, now);
      await queueDirectMessage(
        unit,
        ownerId,
        {
          text: t(localeOf(chart, ownerId), 'visit.notify.owner_changed', {
            ...names,
            filer: escapeMrkdwn(chart.nameOf(visit.filerId)),
          }),
        },
        now,
      );
    }
    await recordAudit(unit, {
      orgId: visit.orgId,
      actor: reviewerId,
      action: 'visit.ownership_ruled',
      subject: `visit:${visit.id}`,
      detail: { keepWithOwner: o.keepWithOwner, ownerId, filerId: visit.filerId },
      at: now,
    });
    return updated;
  });
}
