import { outletCoverage } from '../../db/accounts/coverage-repo.ts';
import type { Scope } from '../../db/targets/target-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { coveragePercent, coverageWindow } from '../../domain/accounts/coverage.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { monthsOf, type Period } from '../../domain/targets/periods.ts';
import { marketsRunBy } from '../../domain/targets/person-target.ts';

/**
 * A brand's coverage (覆蓋率) of a scope for a period, computed from the register: the outlets of a
 * market; of the markets a person runs (an MM's, an SLT member's: the same figure as those markets'
 * own, whoever owns the outlets); else of the people of a person's subtree; or of the whole
 * organisation; visited or called in the 90 days to the period's end (or now). Null where the
 * register has no outlets there: the typed figure stands then.
 */
export async function computedCoverage(o: {
  db: DbLike;
  chart: OrgChart;
  scope: Scope;
  people: readonly string[];
  period: Period;
  now: Date;
}): Promise<number | null> {
  if (o.chart.template !== 'brand-sales') return null;
  const months = monthsOf(o.period);
  const window = coverageWindow(months[months.length - 1], o.now, o.chart.data.timezone);
  const run = o.scope.kind === 'person' ? marketsRunBy(o.chart, o.scope.id) : [];
  const coverage = await outletCoverage(o.db, {
    orgId: o.chart.data.orgId,
    ...window,
    markets: o.scope.kind === 'market' ? [o.scope.id] : run.length > 0 ? run : undefined,
    ownerIds: o.scope.kind === 'person' && run.length === 0 ? o.people : undefined,
  });
  return coveragePercent(coverage);
}
