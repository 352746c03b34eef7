import { transaction, type Db } from '../../db/unit-of-work.ts';
import {
  findVisit,
  moveVisitApprover,
  pendingVisitsOf,
  setVisitMessages,
  type Visit,
} from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import { localeOf } from '../org/locale-of.ts';
import { queueApprovalMessage, queueThreadReply } from './queue-visit-messages.ts';

export interface ReassignPendingVisitsOptions {
  db: Db;
  clock: Clock;
  /** The chart just imported. */
  chart: OrgChart;
}

/**
 * After a chart change, each registration still waiting for a decision goes to whoever now holds
 * its approving position (a departed or moved team lead's go to their successor; a departed filer's
 * stay with their former chain). The old thread gets a note and the new approver a fresh message
 * with the buttons. Safe to run on every import and from several instances: each move acts once.
 */
export async function reassignPendingVisits(o: ReassignPendingVisitsOptions): Promise<number> {
  const { chart } = o;
  let moved = 0;
  for (const visit of await pendingVisitsOf(o.db, chart.data.orgId)) {
    const approverId = chart.primaryApprover(visit.filerId);
    if (!approverId || approverId === visit.approverId) continue;
    if (await moveTo(o, visit, approverId)) moved += 1;
  }
  return moved;
}

type Waiting = Pick<Visit, 'id' | 'filerId' | 'approverId'>;

async function moveTo(o: ReassignPendingVisitsOptions, visit: Waiting, approverId: string): Promise<boolean> {
  const { chart } = o;
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    if (!(await moveVisitApprover(unit, visit.id, visit.approverId, approverId, now))) return false;
    const updated = (await findVisit(unit, visit.id)) as Visit;
    const note = t(localeOf(chart, visit.filerId), 'visit.reassigned', {
      id: updated.number,
      approver: escapeMrkdwn(chart.nameOf(approverId)),
      before: escapeMrkdwn(chart.nameOf(visit.approverId)),
    });
    await queueThreadReply(unit, updated, note, now);
    const approval = await queueApprovalMessage(unit, chart, updated, now);
    await setVisitMessages(unit, visit.id, { approvalOutboxId: approval.id });
    await queueThreadReply(unit, { ...updated, approvalOutboxId: approval.id }, note, now);
    return true;
  });
}
