import { cancellationsIn } from '../../db/deals/deal-period-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { TEMPLATE_METRICS } from '../../domain/targets/metrics.ts';
import { periodBounds, type Period } from '../../domain/targets/periods.ts';

/**
 * On a site (the template whose targets count 認購), the cancellations these people's deals had approved
 * in each period (all the site's when `people` is absent): shown by /targets beside 認購 and 簽約, which
 * they are never taken off (the deals' one rule, `db/deals/deal-period-repo.ts`). Elsewhere nulls.
 */
export async function cancellationsInPeriods(o: {
  db: DbLike;
  chart: OrgChart;
  people?: string[];
  periods: Period[];
}): Promise<(number | null)[]> {
  const { chart } = o;
  if (!TEMPLATE_METRICS[chart.template].includes('reservations')) return o.periods.map(() => null);
  const windows = o.periods.map((period) => {
    const { start, end } = periodBounds(period, chart.data.timezone);
    return { from: start, to: end };
  });
  return cancellationsIn(o.db, chart.data.orgId, { windows, ownerIds: o.people });
}
