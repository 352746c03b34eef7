import type { OrgChart } from '../../../domain/org/org-chart.ts';
import { visitOfApprovalThread } from '../../../services/visits/approval-thread.ts';
import { approveVisit } from '../../../services/visits/decide-visit.ts';
import { approveClaim } from '../../../services/expenses/decide-claim.ts';
import { claimOfApprovalThread } from '../../../services/expenses/claim-thread.ts';
import { approveDealInThread } from '../../../services/deals/approve-in-thread.ts';
import { accountRequestOfThread, decideAccountRequest } from '../../../services/accounts/decide-account-request.ts';
import { approveCredit, creditReviewOfThread } from '../../../services/accounts/credit-review.ts';
import { approvePlan, planOfThread } from '../../../services/plans/decide-plan.ts';
import { approveOrder, orderOfThread } from '../../../services/orders/decide-order.ts';
import { approveFocus } from '../../../services/rhythm/work-focus.ts';
import { focusOfThread } from '../../../services/rhythm/focus-thread.ts';
import type { AppContext } from '../../app-context.ts';

/** An approval typed under a card: who typed it, where, and the chart it is judged by. */
export interface ThreadApprovalReply {
  ctx: AppContext;
  chart: OrgChart;
  channel: string;
  threadTs: string;
  deciderId: string;
}

/**
 * Approves what the thread belongs to, or returns false when the thread is not this kind's card.
 * A new kind of approval by reply is one more entry in `threadApprovals`, not one more listener.
 */
export type ThreadApproval = (reply: ThreadApprovalReply) => Promise<boolean>;

const whereOf = (r: ThreadApprovalReply) => ({ db: r.ctx.db, channel: r.channel, threadTs: r.threadTs });
const decisionOf = (r: ThreadApprovalReply) => ({
  db: r.ctx.db,
  clock: r.ctx.clock,
  chart: r.chart,
  deciderId: r.deciderId,
});

const approveRegistration: ThreadApproval = async (r) => {
  const visitId = await visitOfApprovalThread(whereOf(r));
  if (visitId === undefined) return false;
  await approveVisit({ ...decisionOf(r), visitId, protectionDays: r.ctx.config.visits.protectionDays });
  return true;
};

const approveExpenseClaim: ThreadApproval = async (r) => {
  const claimId = await claimOfApprovalThread(whereOf(r));
  if (claimId === undefined) return false;
  await approveClaim({ ...decisionOf(r), claimId });
  return true;
};

const approveDealRequest: ThreadApproval = (r) => approveDealInThread({ ...decisionOf(r), ...whereOf(r) });

const approveAccountRequest: ThreadApproval = async (r) => {
  const requestId = await accountRequestOfThread(whereOf(r));
  if (requestId === undefined) return false;
  await decideAccountRequest({ ...decisionOf(r), requestId, approve: true });
  return true;
};

const approveCreditChanges: ThreadApproval = async (r) => {
  const reviewId = await creditReviewOfThread(whereOf(r));
  if (reviewId === undefined) return false;
  await approveCredit({ ...decisionOf(r), reviewId });
  return true;
};

const approveStagePlan: ThreadApproval = async (r) => {
  const planId = await planOfThread(whereOf(r));
  if (planId === undefined) return false;
  await approvePlan({ ...decisionOf(r), planId });
  return true;
};

const approveHeldOrder: ThreadApproval = async (r) => {
  const orderId = await orderOfThread(whereOf(r));
  if (orderId === undefined) return false;
  await approveOrder({ ...decisionOf(r), orderId });
  return true;
};

/** The month's work focus, by the GM or sales director in the leadership's group DM, as its button does. */
const approveWorkFocus: ThreadApproval = async (r) => {
  const focusId = await focusOfThread(whereOf(r));
  if (focusId === undefined) return false;
  const { db, clock, chart, deciderId } = decisionOf(r);
  await approveFocus({ db, clock, chart, config: r.ctx.config, focusId, approverId: deciderId });
  return true;
};

/** Tried in this order; registrations first, as they are by far the most replied to. */
export const threadApprovals: readonly ThreadApproval[] = [
  approveRegistration,
  approveExpenseClaim,
  approveDealRequest,
  approveAccountRequest,
  approveCreditChanges,
  approveStagePlan,
  approveHeldOrder,
  approveWorkFocus,
];
