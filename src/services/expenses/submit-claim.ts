import { recordAudit } from '../../db/audit-repo.ts';
import type { Db } from '../../db/database.ts';
import { findClaimBySourceView, insertClaim, transitionClaim, type Claim } from '../../db/expenses/claim-repo.ts';
import { transaction } from '../../db/unit-of-work.ts';
import type { ClaimInput } from '../../domain/expenses/claim-input.ts';
import { claimApprovers } from '../../domain/expenses/expense-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { formatMoney } from '../../domain/deals/money.ts';
import { currencyOf } from '../../domain/org/currency-of.ts';
import { t } from '../../i18n/index.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { escapeMrkdwn } from '../../lib/text.ts';
import type { BudgetLine } from '../../views/expenses/claim-card.ts';
import { queueDirectMessage } from '../delivery/direct-message.ts';
import { localeOf } from '../org/locale-of.ts';
import { budgetLineFor } from './claim-budget.ts';
import { claimOrigin, queueClaimCard } from './claim-messages.ts';

/** Whether a claim takes its budget line over 100%, counting the claims still waiting (they may all pass). */
export const goesOverBudget = (line: BudgetLine | null, amountCents: number): boolean =>
  line !== null && line.usedCents + line.pendingCents + amountCents > line.budgetCents;

/** The claim's line and approvers: the amount's level, and the next level up when it goes over budget. */
export async function routeClaim(o: {
  db: Db;
  chart: OrgChart;
  claimantId: string;
  input: Pick<ClaimInput, 'amountCents' | 'category' | 'spentOn'>;
  exceptClaimId?: number;
}): Promise<{ budget: BudgetLine | null; overBudget: boolean; approvers: string[] }> {
  const month = o.input.spentOn.slice(0, 7);
  const budget = await budgetLineFor({ ...o, category: o.input.category, month });
  const overBudget = goesOverBudget(budget, o.input.amountCents);
  const approvers = claimApprovers(o.chart, o.claimantId, o.input.amountCents, overBudget);
  if (approvers.length === 0)
    throw new AppError(ErrorCode.NoApprover, {}, `${o.claimantId} has nobody above`, 'expense.no_approver');
  return { budget, overBudget, approvers };
}

/** Files a claim and sends it to its first approver; the same modal submitted twice files it once. */
export async function submitClaim(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  claimantId: string;
  input: ClaimInput;
  viewId: string;
}): Promise<Claim> {
  const existing = await findClaimBySourceView(o.db, o.viewId);
  if (existing) return existing;
  const { chart, input } = o;
  const route = await routeClaim(o);
  const now = o.clock.now();
  return transaction(o.db, async (unit) => {
    const filed = await insertClaim(unit, {
      orgId: chart.data.orgId,
      claimantId: o.claimantId,
      ...input,
      month: input.spentOn.slice(0, 7),
      approvers: route.approvers,
      overBudget: route.overBudget,
      sourceViewId: o.viewId,
      createdAt: now,
    });
    const card = await queueClaimCard(unit, chart, filed, route.budget, now);
    const claim = await transitionClaim(unit, filed.id, { status: ['pending'] }, { approvalOutboxId: card.id });
    if (!claim) throw new Error(`claim ${filed.id} left pending inside its own transaction`);
    const locale = localeOf(chart, o.claimantId);
    const text = t(locale, 'expense.submitted', {
      number: claim.number,
      amount: formatMoney(claim.amountCents, currencyOf(chart), locale),
      approver: escapeMrkdwn(chart.nameOf(route.approvers[0])),
    });
    await queueDirectMessage(unit, o.claimantId, { text }, now, claimOrigin(claim));
    await recordAudit(unit, {
      orgId: claim.orgId,
      actor: o.claimantId,
      action: 'expense.submitted',
      subject: `expense:${claim.id}`,
      detail: { amountCents: claim.amountCents, category: claim.category, overBudget: claim.overBudget },
      at: now,
    });
    return claim;
  });
}
