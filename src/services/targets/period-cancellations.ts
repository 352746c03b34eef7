import { cancellationRows, cancellationsIn } from '../../db/deals/deal-period-repo.ts';
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
  people?: readonly string[];
  periods: Period[];
}): Promise<(number | null)[]> {
  const { chart } = o;
  if (!countsCancellations(chart)) return o.periods.map(() => null);
  return cancellationsIn(o.db, chart.data.orgId, { windows: windowsOf(chart, o.periods), ownerIds: o.people });
}

const countsCancellations = (chart: OrgChart) => TEMPLATE_METRICS[chart.template].includes('reservations');

function windowsOf(chart: OrgChart, periods: Period[]) {
  return periods.map((period) => {
    const { start, end } = periodBounds(period, chart.data.timezone);
    return { from: start, to: end };
  });
}

/**
 * cancellationsInPeriods as rows to send in the `/targets` roll-up's own statement (one round trip
 * for both; see targetsAndTotals' alongside); undefined where the template has no 認購.
 */
export function cancellationsAlongside(o: {
  chart: OrgChart;
  people?: readonly string[];
  periods: Period[];
}): ReturnType<typeof cancellationRows> | undefined {
  if (!countsCancellations(o.chart) || o.periods.length === 0) return undefined;
  return cancellationRows(o.chart.data.orgId, { windows: windowsOf(o.chart, o.periods), ownerIds: o.people });
}
