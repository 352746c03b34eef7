import { alreadyHandled } from '../org/already-handled.ts';
import { approvedVisitCountWrite } from '../../db/visits/visit-report-repo.ts';
import { readTogether, transaction, writeTogether, type Db, type Write } from '../../db/unit-of-work.ts';
import { auditWrite, recordAudit } from '../../db/audit-repo.ts';
import { messagesWrite } from '../../db/delivery/outbox-repo.ts';
import { customerVisitOfApprovalRead, queueCustomerCard, type CustomerVisit } from '../../db/visits/customer-repo.ts';
import type { Unit } from '../../db/unit-of-work.ts';
import { actualWrites } from '../../db/targets/target-repo.ts';
import {
  findVisit,
  transitionVisitReturning,
  visitCustomerWrite,
  visitTransitionRead,
  type Visit,
} from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { customerCard } from '../../views/visits/customer-card.ts';
import { visitReturnedNotice } from '../../views/visits/visit-messages.ts';
import { localeOf, orgLocaleOf } from '../org/locale-of.ts';
import { storedVisitKind } from '../../domain/visits/visit-kind.ts';
import { visitKey } from '../../views/visits/visit-terms.ts';
import { approvalUpdate, messageContextFor, queueApprovalUpdate, threadReply } from './queue-visit-messages.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface DecideVisitOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  visitId: number;
  deciderId: string;
  /** VISIT_PROTECTION_DAYS: an approval takes over only a file whose protection ran out. Absent: never. */
  protectionDays?: number;
}

/** Loads a registration the decider may act on, still waiting for a decision. */
export async function loadDecidableVisit(o: DecideVisitOptions): Promise<Visit> {
  return decidable(o, await findVisit(o.db, o.visitId));
}

/** The registration if the decider may act on it and it still waits for a decision; else why not. */
function decidable(o: DecideVisitOptions, visit: Visit | null): Visit {
  if (!visit || visit.orgId !== o.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.visitId}` });
  if (!o.chart.mayApproveFor(o.deciderId, visit.filerId)) {
    throw new AppError(
      ErrorCode.Forbidden,
      { filer: o.chart.nameOf(visit.filerId) },
      `${o.deciderId} may not decide visit ${visit.id}`,
      visitKey(storedVisitKind(visit.kind), 'visit.not_approver'),
    );
  }
  if (visit.status !== 'pending') throw alreadyDecided(o.chart, visit, o.deciderId);
  return visit;
}

/** Why a registration that could not be decided was not: not found, not the decider's, or decided already. */
function decidableOrWhyNot(o: DecideVisitOptions, visit: Visit | null): AppError {
  try {
    decidable(o, visit);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  // pending, yet not changed: decided and undone in between; say it is decided
  return alreadyDecided(o.chart, visit as Visit, o.deciderId);
}

export function alreadyDecided(chart: OrgChart, visit: Visit, askerId: string): AppError {
  const detail = `visit ${visit.id} is ${visit.status}`;
  return alreadyHandled(chart, { by: visit.decidedBy, at: visit.decidedAt, askerId, detail });
}

/**
 * Approves a registration (by button or by a reply in its thread). It creates or extends the
 * customer file, rewrites the approval message, and tells the filer. A second click acts on nothing.
 *
 * On PostgreSQL each round trip is held inside the transaction, so there are two: BEGIN with the
 * decision and the customer file it opens or extends (its values read from the registration's row);
 * and, with the COMMIT, the two messages, the card with its id kept on the file and the writes nobody
 * reads back (the visit's customer, the actual and its total, the audit entry, the day count).
 */
export async function approveVisit(o: DecideVisitOptions): Promise<Visit> {
  const { chart, deciderId } = o;
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    // decided first and checked after, inside the transaction: one read fewer on every approval, and
    // a decision the decider may not make is rolled back with the reason (see decidable), the file too
    const decision = { status: 'approved' as const, decidedBy: deciderId, decidedAt: now, updatedAt: now };
    const [visit, filed] = await readTogether(unit, [
      visitTransitionRead(o.visitId, ['pending'], decision),
      customerVisitOfApprovalRead({ visitId: o.visitId, now, protectedSince: protectedSince(o, now) }),
    ]);
    if (!visit) throw decidableOrWhyNot(o, await findVisit(unit, o.visitId));
    decidable(o, { ...visit, status: 'pending' });
    const customerLabel = escapeMrkdwn(truncate(visit.customerName || visit.account, 50));
    const reply = t(orgLocaleOf(chart), visitKey(storedVisitKind(visit.kind), 'visit.thread.approved'), {
      filer: escapeMrkdwn(chart.nameOf(visit.filerId)),
      id: visit.number,
      customer: customerLabel,
      by: escapeMrkdwn(chart.nameOf(deciderId)),
    });
    const messages = [
      approvalUpdate(chart, visit, { kind: 'approved', by: deciderId, at: now }),
      threadReply(visit, reply),
    ].filter((m) => m !== undefined);
    // nobody reads their ids: on PostgreSQL they go with the next statement (writeTogether)
    if (messages.length > 0) await writeTogether(unit, [messagesWrite(messages, now)]);
    const writes = filed ? await fileCustomerVisit(unit, o, visit, filed, now) : [];
    writes.push(
      auditWrite({
        orgId: visit.orgId,
        actor: deciderId,
        action: 'visit.approved',
        subject: `visit:${visit.id}`,
        at: now,
      }),
    );
    // the shared rows (the filer's month total, the day count) go last: concurrent approvals wait for
    // them, held to the commit, which follows at once
    writes.push(approvedVisitCountWrite(visit, formatDate(visit.visitAt, chart.data.timezone)));
    await writeTogether(unit, writes);
    return visit;
  });
}

/**
 * An approved property visit has opened or extended the customer file: it sends the owner its card (in the
 * owner's language: the owner may not be the filer) and counts toward the filer's visits target.
 * Returns the writes left to send (with the approval's last ones).
 */
async function fileCustomerVisit(
  unit: Unit,
  o: DecideVisitOptions,
  visit: Visit,
  { customer, drivingDeal }: CustomerVisit,
  now: Date,
): Promise<Write[]> {
  const { chart } = o;
  const card = customerCard(customer, {
    locale: localeOf(chart, customer.ownerId),
    timeZone: chart.data.timezone,
    ownerName: chart.nameOf(customer.ownerId),
    deal: drivingDeal ?? undefined,
  });
  const cardWrites = await queueCustomerCard(unit, customer.id, { ownerId: customer.ownerId, message: card }, now);
  return [
    visitCustomerWrite(visit.id, customer.id),
    ...cardWrites,
    ...actualWrites({
      orgId: visit.orgId,
      month: formatDate(visit.visitAt, chart.data.timezone).slice(0, 7),
      personId: visit.filerId,
      account: visit.customerName,
      metric: 'visits',
      value: 1,
      source: 'visit',
      sourceRef: `visit:${visit.id}`,
      createdBy: o.deciderId,
      createdAt: now,
    }),
  ];
}

function protectedSince(o: DecideVisitOptions, now: Date): Date | undefined {
  return o.protectionDays === undefined ? undefined : new Date(now.getTime() - o.protectionDays * 86_400_000);
}

/** Returns a registration with a reason; the filer gets it with a button to edit and resubmit. */
export async function returnVisit(o: DecideVisitOptions & { reason: string }): Promise<Visit> {
  const { chart, deciderId } = o;
  const reason = o.reason.trim();
  if (!reason) throw new AppError(ErrorCode.InvalidInput, { reason: '—' });
  await loadDecidableVisit(o);
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const visit = await transitionVisitReturning(unit, o.visitId, ['pending'], {
      status: 'returned',
      returnReason: reason,
      decidedBy: deciderId,
      decidedAt: now,
      updatedAt: now,
    });
    if (!visit) throw alreadyDecided(chart, (await findVisit(unit, o.visitId)) as Visit, deciderId);
    await queueApprovalUpdate(unit, chart, visit, { kind: 'returned', by: deciderId, at: now, reason }, now);
    await queueDirectMessage(
      unit,
      visit.filerId,
      visitReturnedNotice(visit, messageContextFor(chart, visit.filerId), deciderId, reason),
      now,
    );
    await recordAudit(unit, {
      orgId: visit.orgId,
      actor: deciderId,
      action: 'visit.returned',
      subject: `visit:${visit.id}`,
      detail: { reason },
      at: now,
    });
    return visit;
  });
}
