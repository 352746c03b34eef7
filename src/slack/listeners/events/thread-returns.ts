import { visitKindOf } from '../../../domain/visits/visit-kind.ts';
import { AppError, ErrorCode } from '../../../lib/app-error.ts';
import { visitKey } from '../../../views/visits/visit-terms.ts';
import { visitOfApprovalThread } from '../../../services/visits/approval-thread.ts';
import { returnVisit } from '../../../services/visits/decide-visit.ts';
import type { ThreadApprovalReply } from './thread-approvals.ts';

/**
 * 退回：<reason> (or 駁回…) under a registration's approval request returns it, as the Return button's
 * modal does, checked the same way (only who may decide it, only while it waits). The word alone is
 * refused asking for the reason in the reply. False when the thread is no registration's request.
 */
export async function returnRegistrationInThread(r: ThreadApprovalReply, reason: string): Promise<boolean> {
  const visitId = await visitOfApprovalThread({ db: r.ctx.db, channel: r.channel, threadTs: r.threadTs });
  if (visitId === undefined) return false;
  const example = visitKey(visitKindOf(r.chart.template), 'visit.return.reason_in_reply');
  if (!reason) throw new AppError(ErrorCode.InvalidInput, {}, 'return without a reason', example);
  const { db, clock } = r.ctx;
  await returnVisit({ db, clock, chart: r.chart, visitId, deciderId: r.deciderId, reason });
  return true;
}
