import { budgetMetric, expenseCategories } from '../../domain/expenses/expense-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { sumOfSet, targetOfPerson, type TargetLookup } from '../../domain/targets/person-target.ts';
import { teamRows } from '../../domain/targets/team-rows.ts';
import type { BudgetTeamRow } from '../../views/expenses/budget-views.ts';
import { hasTargets, peopleOf } from '../targets/target-access.ts';

type PerPerson = Map<string, Map<string, number>>;

const totalOf = (figures: PerPerson, people: string[], metric?: string): number =>
  people.reduce((sum, id) => {
    const own = figures.get(id);
    if (!own) return sum;
    return sum + (metric ? (own.get(metric) ?? 0) : [...own.values()].reduce((a, b) => a + b, 0));
  }, 0);

/**
 * `/expense budget 團隊`: a row per direct report who carries targets (their subtree) and per market the
 * manager holds (its people within his chain), as `/targets team` rows them: the budget of every category
 * added up, read as targets are, against the same people's approved spend and sales.
 */
export function budgetTeamRows(o: {
  chart: OrgChart;
  managerId: string;
  lookup: TargetLookup;
  spend: PerPerson;
  sales: PerPerson;
}): BudgetTeamRow[] {
  const { chart } = o;
  const metrics = expenseCategories(chart).map(budgetMetric);
  const chain = new Set([o.managerId, ...chart.allReports(o.managerId)]);
  return teamRows(chart, o.managerId, (id) => hasTargets(chart, id)).map((row) => {
    const people =
      row.kind === 'person'
        ? [row.id, ...chart.allReports(row.id)]
        : peopleOf(chart, row).filter((id) => chain.has(id));
    const budgetCents =
      row.kind === 'person'
        ? sumOfSet(metrics.map((metric) => targetOfPerson(chart, row.id, metric, o.lookup)))
        : sumOfSet(metrics.map((metric) => o.lookup(row, metric)));
    return {
      row,
      budgetCents,
      spentCents: totalOf(o.spend, people),
      salesCents: totalOf(o.sales, people, 'amount'),
    };
  });
}
