import { ownTotals } from '../../db/targets/totals-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { monthsOf, type Period } from '../../domain/targets/periods.ts';
import { meanOfSet, personActual, type TargetLookup } from '../../domain/targets/person-target.ts';
import { paceOf, progressOf } from '../../domain/targets/progress.ts';
import { teamTargets, type TeamRow } from '../../domain/targets/team-rows.ts';
import type { TeamLine, TeamReport } from '../../views/targets/target-views.ts';

/**
 * `/targets team` on a brand's coverage (覆蓋率) where the register has no outlets in the subtree: the
 * figures typed with /sales, a percentage, never added up. The total and each person row are the mean
 * of the figures typed in that subtree by those who typed one (a leader measured on the markets he runs:
 * those markets' people's, as /targets reads him); a market row its people's here. Without pace.
 */
export async function typedTeamCoverage(o: {
  db: DbLike;
  chart: OrgChart;
  managerId: string;
  period: Period;
  lookup: TargetLookup;
  elapsed: number;
  rows: TeamRow[];
  rest: string[];
}): Promise<TeamReport> {
  const { chart } = o;
  const typed = await ownTotals(o.db, chart.data.orgId, monthsOf(o.period), undefined, 'coverage');
  const own = (id: string) => typed.get(id)?.get('coverage') ?? null;
  const meanOf = (ids: string[]) => meanOfSet(ids.map(own)) ?? 0;
  const actualOf = (id: string) =>
    personActual(chart, id, 'coverage', o.lookup, { own, rolled: (x) => meanOf([x, ...chart.allReports(x)]) });
  const targets = teamTargets(chart, o.managerId, o.rows, 'coverage', o.lookup);
  const pace = paceOf('coverage', o.elapsed);
  const lines: TeamLine[] = o.rows.map((row, i) => {
    const actual =
      row.kind === 'person' ? actualOf(row.id) : meanOf(o.rest.filter((id) => chart.marketsOf(id).includes(row.id)));
    const target = targets.rows[i];
    return { kind: row.kind, id: row.id, target, actual, progress: progressOf(target, actual, pace) };
  });
  lines.sort((a, b) => (b.progress.attainment ?? -1) - (a.progress.attainment ?? -1) || b.actual - a.actual);
  return {
    metric: 'coverage',
    total: { metric: 'coverage', progress: progressOf(targets.own, actualOf(o.managerId), pace) },
    ownTarget: targets.own,
    rowsTarget: targets.rowsTotal,
    lines,
  };
}
