import { ownTotalsOf } from '../../db/targets/totals-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { monthsOf, type Period } from '../../domain/targets/periods.ts';
import { personActual, type TargetLookup } from '../../domain/targets/person-target.ts';
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
  const typed = await ownTotalsOf(o.db, chart.data.orgId, monthsOf(o.period), 'coverage');
  const own = (id: string) => typed.get(id) ?? null;
  const meanOf = (ids: readonly string[]) => meanOfTyped(typed, ids);
  // a person's subtree (kept by the chart) is thousands under a market manager: summed in place
  const rolled = (x: string) => meanOfTyped(typed, chart.subtree(x));
  const actualOf = (id: string) => personActual(chart, id, 'coverage', o.lookup, { own, rolled });
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

/** The mean of the figures typed by these people, rounded as meanOfSet does; 0 when none typed one. */
function meanOfTyped(typed: Map<string, number>, ids: readonly string[]): number {
  let sum = 0;
  let count = 0;
  for (const id of ids) {
    const value = typed.get(id);
    if (value === undefined) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? 0 : Math.round(sum / count);
}
