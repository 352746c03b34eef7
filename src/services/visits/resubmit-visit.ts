import { isUniqueViolation } from '../../db/database.ts';
import { transaction, type Db, type Unit } from '../../db/unit-of-work.ts';
import { recordAudit } from '../../db/audit-repo.ts';
import {
  findVisit,
  saveVisitRevision,
  setVisitMessages,
  transitionVisit,
  type Visit,
} from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { VisitInput } from '../../domain/visits/validate-visit.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { checkDuplicate, routeToOwnershipReview } from './check-duplicate.ts';
import { localeOf } from '../org/locale-of.ts';
import { storedVisitKind } from '../../domain/visits/visit-kind.ts';
import { visitKey } from '../../views/visits/visit-terms.ts';
import { queueApprovalMessage } from './queue-visit-messages.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';

export interface ResubmitVisitOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  visitId: number;
  editorId: string;
  input: VisitInput;
  /** VISIT_PROTECTION_DAYS: an edited phone is checked for 撞單 as a new registration is. */
  protectionDays: number;
}

/** Only the filer may edit, and only a returned registration. */
export async function loadEditableVisit(
  o: Pick<ResubmitVisitOptions, 'db' | 'chart' | 'visitId' | 'editorId'>,
): Promise<Visit> {
  const visit = await findVisit(o.db, o.visitId);
  if (!visit || visit.orgId !== o.chart.data.orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.visitId}` });
  if (visit.filerId !== o.editorId)
    throw new AppError(
      ErrorCode.Forbidden,
      { filer: o.chart.nameOf(visit.filerId) },
      'not the filer',
      'visit.not_filer',
    );
  if (visit.status !== 'returned')
    throw new AppError(ErrorCode.InvalidInput, {}, `visit ${visit.id} is ${visit.status}`, 'visit.not_returned');
  return visit;
}

/** The fields a resubmission changes, by kind of registration. */
function editedFields(input: VisitInput) {
  return input.kind === 'property'
    ? {
        customerName: input.customerName,
        phone: input.phone,
        visitAt: input.visitAt,
        partySize: input.partySize,
        source: input.source,
        visitType: input.visitType,
        grade: input.grade,
        budget: input.budget,
        unitType: input.unitType,
        notes: input.notes,
      }
    : {
        account: input.account,
        visitAt: input.visitAt,
        purpose: input.purpose,
        outcome: input.outcome,
        nextStep: input.nextStep,
      };
}

/** Edits a returned registration: the same record, the old version kept, sent for approval again. */
export async function resubmitVisit(o: ResubmitVisitOptions): Promise<Visit> {
  const before = await loadEditableVisit(o);
  const now = o.clock.now();
  try {
    return await storeResubmission(o, before, now);
  } catch (error) {
    // the same edit submitted twice at once (a double click): the other one stored its revision first
    if (isUniqueViolation(error)) {
      const stored = await findVisit(o.db, o.visitId);
      if (stored && stored.version > before.version) return stored;
    }
    throw error;
  }
}

async function storeResubmission(o: ResubmitVisitOptions, before: Visit, now: Date): Promise<Visit> {
  const { input, protectionDays } = o;
  return transaction(o.db, async (unit) => {
    await saveVisitRevision(unit, before, o.editorId, now);
    // the edited registration is checked like a new one: a changed phone must not slip past 撞單
    const check =
      input.kind === 'property'
        ? await checkDuplicate(unit, {
            orgId: before.orgId,
            phone: input.phone,
            filerId: before.filerId,
            now,
            protectionDays,
          })
        : null;
    const contested = check?.ruling === 'contested' && check.against ? check.against : undefined;
    const moved = await transitionVisit(unit, before.id, ['returned'], {
      ...editedFields(input),
      ...(check ? { customerId: check.existing?.id ?? null, contestedOwnerId: contested?.ownerId ?? null } : {}),
      status: contested ? 'ownership_review' : 'pending',
      version: before.version + 1,
      returnReason: null,
      decidedBy: null,
      decidedAt: null,
      updatedAt: now,
    });
    if (!moved) throw new AppError(ErrorCode.InvalidInput, {}, 'resubmitted twice', 'visit.not_returned');
    const visit = (await findVisit(unit, before.id)) as Visit;
    if (contested) {
      await routeToOwnershipReview(unit, { chart: o.chart, visit, against: contested, protectionDays, now });
      const audit = {
        action: 'visit.resubmitted',
        subject: `visit:${visit.id}`,
        detail: { version: visit.version, contested: true },
      };
      await recordAudit(unit, { orgId: visit.orgId, actor: o.editorId, ...audit, at: now });
      return visit;
    }
    return resendForApproval(unit, o, visit, now);
  });
}

/** Asks the approver again and tells the filer which version went. */
async function resendForApproval(unit: Unit, o: ResubmitVisitOptions, visit: Visit, now: Date): Promise<Visit> {
  const approval = await queueApprovalMessage(unit, o.chart, visit, now);
  await setVisitMessages(unit, visit.id, { approvalOutboxId: approval.id });
  const text = t(localeOf(o.chart, visit.filerId), visitKey(storedVisitKind(visit.kind), 'visit.resubmitted'), {
    id: visit.number,
    version: visit.version,
    approver: escapeMrkdwn(o.chart.nameOf(visit.approverId)),
  });
  await queueDirectMessage(unit, visit.filerId, { text }, now);
  await recordAudit(unit, {
    orgId: visit.orgId,
    actor: o.editorId,
    action: 'visit.resubmitted',
    subject: `visit:${visit.id}`,
    detail: { version: visit.version },
    at: now,
  });
  return { ...visit, approvalOutboxId: approval.id };
}
