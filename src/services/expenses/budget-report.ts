import type { DbLike } from '../../db/unit-of-work.ts';
import { spendByPerson } from '../../db/expenses/claim-repo.ts';
import type { Scope } from '../../db/targets/target-repo.ts';
import { ownTotals } from '../../db/targets/totals-repo.ts';
import { budgetMetric, expenseCategories } from '../../domain/expenses/expense-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { targetOfPerson } from '../../domain/targets/person-target.ts';
import { elapsedFraction, monthsOf, type Period } from '../../domain/targets/periods.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { BudgetReport } from '../../views/expenses/budget-views.ts';
import { mayViewScope, peopleOf } from '../targets/target-access.ts';
import { targetLookup } from '../targets/target-report.ts';
import { budgetTeamRows } from './budget-team.ts';
import { spendOf } from './claim-budget.ts';

export type { BudgetReport };

/**
 * `/expense budget`: a scope's budget against approved spend per category, the pace, and the
 * expense ratio (費用率 = spend ÷ sales of the same people and months). Scoped as /targets is.
 */
export async function budgetReport(o: {
  db: DbLike;
  chart: OrgChart;
  viewerId: string;
  scope: Scope;
  period: Period;
  now: Date;
  /** `團隊`: a row per direct report and held market besides (a person's scope only). */
  team?: boolean;
}): Promise<BudgetReport> {
  const { chart, scope, period } = o;
  if (!mayViewScope(chart, o.viewerId, scope))
    throw new AppError(
      ErrorCode.Forbidden,
      {},
      `${o.viewerId} may not view ${scope.kind}:${scope.id}`,
      'expense.budget.not_allowed',
    );
  const months = monthsOf(period);
  const people = peopleOf(chart, scope);
  const [lookup, spend, sales] = await Promise.all([
    targetLookup(o.db, chart, period, scope.kind === 'person' ? [scope.id] : []),
    spendByPerson(o.db, chart.data.orgId, months),
    ownTotals(o.db, chart.data.orgId, months, scope.kind === 'org' ? undefined : people, 'amount'),
  ]);
  const lines = expenseCategories(chart).map((category) => {
    const metric = budgetMetric(category);
    const budget = scope.kind === 'person' ? targetOfPerson(chart, scope.id, metric, lookup) : lookup(scope, metric);
    return { category, budgetCents: budget, spentCents: spendOf(spend, people, category) };
  });
  const salesCents = people.reduce((sum, id) => sum + (sales.get(id)?.get('amount') ?? 0), 0);
  const spentCents = lines.reduce((sum, line) => sum + line.spentCents, 0);
  const budgets = lines.filter((line) => line.budgetCents !== null);
  return {
    scope,
    period,
    elapsed: elapsedFraction(period, o.now, chart.data.timezone),
    lines,
    budgetCents: budgets.length > 0 ? budgets.reduce((sum, line) => sum + (line.budgetCents ?? 0), 0) : null,
    spentCents,
    salesCents,
    team:
      o.team && scope.kind === 'person'
        ? budgetTeamRows({ chart, managerId: scope.id, lookup, spend, sales })
        : undefined,
  };
}
