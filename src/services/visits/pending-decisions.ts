import type { Db } from '../../db/unit-of-work.ts';
import { unreadFeedbackOf } from '../../db/feedback/feedback-repo.ts';
import { focusDrafts, unacknowledgedFocus } from '../../db/rhythm/focus-repo.ts';
import { openIssuesHandledBy } from '../../db/issues/issue-repo.ts';
import { visitsInState } from '../../db/visits/visit-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { t, type Locale, tFor } from '../../i18n/index.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import { ownershipReviewer } from './check-duplicate.ts';
import { focusApprovers } from '../rhythm/focus-roles.ts';
import { storedVisitKind } from '../../domain/visits/visit-kind.ts';
import { visitKey } from '../../views/visits/visit-terms.ts';
import { heldOrderLines } from '../orders/held-orders.ts';
import { pendingClaims } from '../../db/expenses/claim-repo.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { pendingDealDecisions } from '../deals/pending-deal-decisions.ts';

const TAKE = 15;

export interface PendingDecisionsOptions {
  db: Db;
  chart: OrgChart;
  userId: string;
  locale: Locale;
}

/**
 * Every decision waiting for this person, one line each: registrations to approve, ownership
 * rulings, focus drafts to approve, held orders' credit, a site's discounts and cancellations (the
 * PM), expense claims at my step, issues to
 * acknowledge, feedback and the published focus to read.
 */
export async function pendingDecisions(o: PendingDecisionsOptions): Promise<string[]> {
  const { db, chart, userId, locale } = o;
  const orgId = chart.data.orgId;
  const name = (id: string) => escapeMrkdwn(chart.nameOf(id));
  const label = (v: { customerName: string; account: string }) =>
    escapeMrkdwn(truncate(v.customerName || v.account, 30));
  const approver = focusApprovers(chart).includes(userId);
  const [approvals, contested, drafts, issues, feedback, focusAcks, orders, claims, deals] = await Promise.all([
    visitsInState(db, { orgId, status: 'pending', approverId: userId, take: TAKE }),
    // the reviewer is worked out from the chart, as when the ruling was asked for
    visitsInState(db, { orgId, status: 'ownership_review', take: 200 }),
    approver ? focusDrafts(db, orgId, TAKE) : [],
    openIssuesHandledBy(db, orgId, userId, TAKE),
    unreadFeedbackOf(db, orgId, userId, TAKE),
    unacknowledgedFocus(db, orgId, userId, TAKE),
    heldOrderLines({ db, chart, userId, locale }),
    // a claim waits for the approver of its current step (the MM, then the director…)
    pendingClaims(db, orgId).then((all) => all.filter((c) => c.approvers[c.step] === userId).slice(0, TAKE)),
    // a site's discounts and cancellations wait for the PM
    pendingDealDecisions({ db, chart, userId, locale }),
  ]);
  const rulings = contested.filter((v) => ownershipReviewer(chart, v.filerId) === userId).slice(0, TAKE);
  return [
    ...approvals.map((v) =>
      t(locale, visitKey(storedVisitKind(v.kind), 'home.approvals.line'), {
        id: v.number,
        customer: label(v),
        filer: name(v.filerId),
      }),
    ),
    ...rulings.map((v) =>
      t(locale, 'home.pending.ruling', {
        id: v.number,
        customer: label(v),
        filer: name(v.filerId),
        owner: name(v.contestedOwnerId ?? v.filerId),
      }),
    ),
    ...orders,
    ...deals,
    ...claims.map((c) =>
      t(locale, 'home.pending.claim', {
        number: c.number,
        amount: formatMoney(c.amountCents, currencyOf(chart), locale),
        claimant: name(c.claimantId),
      }),
    ),
    ...drafts.map((f) => t(locale, 'home.pending.focus_draft', { month: f.month, by: name(f.draftedBy) })),
    ...issues.map((i) =>
      t(locale, 'home.pending.issue_ack', {
        number: i.number,
        title: escapeMrkdwn(truncate(i.title, 40)),
        reporter: name(i.reporterId),
      }),
    ),
    ...feedback.map((r) =>
      t(locale, 'home.pending.feedback', {
        type: tFor(locale, 'feedback.type', r.feedback.type),
        sender: name(r.feedback.senderId),
      }),
    ),
    ...focusAcks.map((a) => t(locale, 'home.pending.focus_ack', { month: a.focus.month })),
  ];
}
