import type { DbLike } from '../../db/unit-of-work.ts';
import { spendByPerson } from '../../db/expenses/claim-repo.ts';
import { budgetMetric } from '../../domain/expenses/expense-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { targetOfPerson } from '../../domain/targets/person-target.ts';
import { monthsOf, parsePeriodKey, periodKey, type Period } from '../../domain/targets/periods.ts';
import type { BudgetLine } from '../../views/expenses/claim-card.ts';
import { targetLookup } from '../targets/target-report.ts';

/** The periods a claim's month falls in, narrowest first: its month, quarter and year. */
function periodsOf(month: string): Period[] {
  const p = parsePeriodKey(month);
  if (p?.kind !== 'month') return [];
  return [
    p,
    { kind: 'quarter', year: p.year, quarter: Math.floor((p.month - 1) / 3) + 1 },
    { kind: 'year', year: p.year },
  ];
}

/** Spend on a category by some people over some months, in cents. */
export function spendOf(spend: Map<string, Map<string, number>>, people: readonly string[], category: string): number {
  return people.reduce((sum, id) => sum + (spend.get(id)?.get(category) ?? 0), 0);
}

/**
 * A claimant's budget line for a category: the narrowest period (month, quarter, year) that has a
 * budget for them, read as targets are (their own, a market manager's market, or the markets they
 * hold and their reports' sum), what their subtree has spent on it (approved or paid, as
 * `/expense budget` counts it) and what still waits for approval, this claim left out of both. Null
 * without one.
 */
export async function budgetLineFor(o: {
  db: DbLike;
  chart: OrgChart;
  claimantId: string;
  category: string;
  month: string;
  exceptClaimId?: number;
}): Promise<BudgetLine | null> {
  const metric = budgetMetric(o.category);
  for (const period of periodsOf(o.month)) {
    const lookup = await targetLookup(o.db, o.chart, period, [o.claimantId]);
    const budget = targetOfPerson(o.chart, o.claimantId, metric, lookup);
    if (budget === null) continue;
    const months = monthsOf(period);
    const [spent, committed] = await Promise.all([
      spendByPerson(o.db, o.chart.data.orgId, months, { exceptId: o.exceptClaimId }),
      spendByPerson(o.db, o.chart.data.orgId, months, { committed: true, exceptId: o.exceptClaimId }),
    ]);
    const people = [o.claimantId, ...o.chart.allReports(o.claimantId)];
    const usedCents = spendOf(spent, people, o.category);
    const pendingCents = spendOf(committed, people, o.category) - usedCents;
    return { period: periodKey(period), budgetCents: budget, usedCents, pendingCents };
  }
  return null;
}
