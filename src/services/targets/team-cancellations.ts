import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Period } from '../../domain/targets/periods.ts';
import { cancellationsInPeriods } from './period-cancellations.ts';
import { peopleOf } from './target-access.ts';

/**
 * `/targets team` on a site: the 退訂 of the manager's subtree approved in the period, one count for the
 * team (one statement, not one per row), the same as the manager's own `/targets` shows. Null elsewhere.
 */
export async function teamCancellations(o: {
  db: DbLike;
  chart: OrgChart;
  managerId: string;
  period: Period;
}): Promise<number | null> {
  const people = peopleOf(o.chart, { kind: 'person', id: o.managerId });
  const [count] = await cancellationsInPeriods({ db: o.db, chart: o.chart, people, periods: [o.period] });
  return count ?? null;
}
