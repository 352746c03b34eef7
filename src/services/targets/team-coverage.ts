import type { Scope } from '../../db/targets/target-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { Metric } from '../../domain/targets/metrics.ts';
import type { Period } from '../../domain/targets/periods.ts';
import type { TargetLookup } from '../../domain/targets/person-target.ts';
import { paceOf, progressOf } from '../../domain/targets/progress.ts';
import { teamTargets, type TeamRow } from '../../domain/targets/team-rows.ts';
import type { TeamLine, TeamReport } from '../../views/targets/target-views.ts';
import { computedCoverage } from './computed-coverage.ts';
import { peopleOf } from './target-access.ts';
import { typedTeamCoverage } from './typed-team-coverage.ts';

/**
 * `/targets team` on a brand's coverage (覆蓋率), computed as `/targets` computes it: a ratio is never
 * added up, so the total is the manager's subtree's active outlets over its registered ones, and each
 * row its own (a person: the outlets owned in their subtree; a market: its outlets). Shown without
 * pace, and the rows' targets are not summed either. Where the register has no outlets in the subtree
 * the typed figures stand, their mean, never their sum (see typedTeamCoverage). Null for any other metric.
 */
export async function teamCoverage(
  metric: Metric,
  o: {
    db: DbLike;
    chart: OrgChart;
    managerId: string;
    period: Period;
    now: Date;
    lookup: TargetLookup;
    elapsed: number;
    rows: TeamRow[];
    rest: string[];
  },
): Promise<TeamReport | null> {
  if (metric !== 'coverage') return null;
  const { chart, managerId } = o;
  const coverageOf = (scope: Scope) =>
    computedCoverage({ db: o.db, chart, scope, people: peopleOf(chart, scope), period: o.period, now: o.now });
  const total = await coverageOf({ kind: 'person', id: managerId });
  if (total === null) return typedTeamCoverage(o);
  const targets = teamTargets(chart, managerId, o.rows, 'coverage', o.lookup);
  // a ratio: held to its whole target whatever the day
  const pace = paceOf('coverage', o.elapsed);
  const lines: TeamLine[] = [];
  for (const [i, row] of o.rows.entries()) {
    // a row with no outlets of its own covers none of them
    const actual = (await coverageOf({ kind: row.kind, id: row.id })) ?? 0;
    const target = targets.rows[i];
    lines.push({ kind: row.kind, id: row.id, target, actual, progress: progressOf(target, actual, pace) });
  }
  lines.sort((a, b) => (b.progress.attainment ?? -1) - (a.progress.attainment ?? -1) || b.actual - a.actual);
  const progress = progressOf(targets.own, total, pace);
  return {
    metric: 'coverage',
    total: { metric: 'coverage', progress },
    ownTarget: targets.own,
    rowsTarget: null,
    lines,
  };
}
