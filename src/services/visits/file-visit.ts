import { isInOnboarding } from '../tasks/onboarding-progress.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { transaction, writeTogether, type Db, type Unit } from '../../db/unit-of-work.ts';
import { createVisit, findVisitBySourceView, type NewVisit, type Visit } from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { DuplicateRuling } from '../../domain/visits/duplicates.ts';
import type { VisitInput } from '../../domain/visits/validate-visit.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { formatDate } from '../../lib/format-time.ts';
import { filedVisitCountWrite } from '../../db/visits/filing-count-repo.ts';
import { checkDuplicate, routeToOwnershipReview, type DuplicateCheck } from './check-duplicate.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueFirstApprovalMessage } from './queue-visit-messages.ts';
import { directMessageWrite } from '../delivery/direct-message.ts';
import { storedVisitKind } from '../../domain/visits/visit-kind.ts';
import { visitKey } from '../../views/visits/visit-terms.ts';
import { visitNumberText } from '../../domain/visits/visit-number.ts';

export interface FileVisitOptions {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  filerId: string;
  input: VisitInput;
  /** The modal's view id: submitting the same view again files nothing new. */
  viewId: string;
  protectionDays: number;
}

export interface FileVisitResult {
  visit: Visit;
  ruling: DuplicateRuling;
  /** True when this view was already filed (a retry or a double submission). */
  repeated: boolean;
}

/** `/visit` submitted: checks for 查重/撞單, stores the registration and routes it, all in one transaction. */
export async function fileVisit(o: FileVisitOptions): Promise<FileVisitResult> {
  const { db, chart, filerId, input } = o;
  if (!chart.person(filerId)) throw new AppError(ErrorCode.NotInOrg);
  const approverId = chart.primaryApprover(filerId);
  if (!approverId) throw new AppError(ErrorCode.NoApprover, {}, `${filerId} has no manager`);

  const now = o.clock.now();
  try {
    const filed = await transaction(db, async (unit) => {
      const check =
        input.kind === 'property'
          ? await checkDuplicate(unit, {
              orgId: chart.data.orgId,
              phone: input.phone,
              filerId,
              now,
              protectionDays: o.protectionDays,
            })
          : { ruling: 'new_customer' as const, existing: null, against: undefined };
      const { ruling, against } = check;
      const filedAsTrainee = await isInOnboarding(unit, chart, filerId);
      const { numberTaken, ...visit } = await createVisit(unit, {
        ...newVisitOf(o, approverId, check, now),
        filedAsTrainee,
      });
      // after the registration: on PostgreSQL the filer's row of the day, like the organisation's counter,
      // is then written in the COMMIT's round trip, and held for no round trip of the bot's
      const day = formatDate(now, chart.data.timezone);
      await writeTogether(unit, [filedVisitCountWrite({ orgId: chart.data.orgId, filerId, day })]);
      if (ruling === 'contested' && against) {
        await routeToOwnershipReview(unit, { chart, visit, against, protectionDays: o.protectionDays, now });
      } else await routeToApprover(unit, chart, visit, ruling, now);
      return { visit, numberTaken, ruling, repeated: false };
    });
    const { numberTaken, ...result } = filed;
    return numberTaken ? { ...result, visit: { ...result.visit, number: await numberTaken } } : result;
  } catch (error) {
    // the same view again (a retry, a double submission): it was filed already
    if (isUniqueViolation(error)) {
      const filed = await findVisitBySourceView(db, o.viewId);
      if (filed) return { visit: filed, ruling: 'new_customer', repeated: true };
    }
    throw error;
  }
}

/** The registration as stored: the form's fields, the duplicate check's verdict, and where it goes. */
function newVisitOf(
  o: FileVisitOptions,
  approverId: string,
  check: Pick<DuplicateCheck, 'ruling' | 'existing' | 'against'>,
  now: Date,
): NewVisit {
  const { input } = o;
  const { ruling, existing, against } = check;
  const property = input.kind === 'property' ? input : undefined;
  const brand = input.kind === 'brand' ? input : undefined;
  return {
    orgId: o.chart.data.orgId,
    kind: input.kind,
    filerId: o.filerId,
    approverId,
    customerId: existing?.id ?? null,
    customerName: property?.customerName ?? '',
    phone: property?.phone ?? '',
    visitAt: input.visitAt,
    partySize: property?.partySize ?? 1,
    source: property?.source ?? '',
    visitType: existing ? 'revisit' : (property?.visitType ?? 'first'),
    grade: property?.grade ?? '',
    budget: property?.budget ?? '',
    unitType: property?.unitType ?? '',
    notes: property?.notes ?? '',
    account: brand?.account ?? '',
    purpose: brand?.purpose ?? '',
    outcome: brand?.outcome ?? '',
    nextStep: brand?.nextStep ?? '',
    status: ruling === 'contested' ? 'ownership_review' : 'pending',
    contestedOwnerId: against?.ownerId ?? null,
    sourceViewId: o.viewId,
    createdAt: now,
    updatedAt: now,
  };
}

/** Asks the approver, and tells the filer it is filed (a revisit says so). */
async function routeToApprover(
  unit: Unit,
  chart: OrgChart,
  visit: Visit,
  ruling: DuplicateRuling,
  now: Date,
): Promise<void> {
  // with the COMMIT on PostgreSQL, behind the statement that takes the registration's number
  await queueFirstApprovalMessage(unit, chart, visit, now);
  const key = ruling === 'revisit' ? 'visit.filed_revisit' : 'visit.filed';
  const text = t(localeOf(chart, visit.filerId), visitKey(storedVisitKind(visit.kind), key), {
    id: visitNumberText(visit),
    customer: escapeMrkdwn(visit.customerName || visit.account),
    approver: escapeMrkdwn(chart.nameOf(visit.approverId)),
  });
  // nobody reads it back: on PostgreSQL it goes with the COMMIT (writeTogether)
  await writeTogether(unit, [directMessageWrite(visit.filerId, { text }, now)]);
}
