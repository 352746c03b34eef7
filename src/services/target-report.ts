import type { DbOrTx } from '../db/database.ts';
import { latestShare, ownTotals, targetsFor, type Scope } from '../db/target-repo.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import { TEMPLATE_METRICS, isSummable, type Metric } from '../domain/targets/metrics.ts';
import { scopesForPeople, targetOfPerson, type TargetLookup } from '../domain/targets/person-target.ts';
import { elapsedFraction, monthsOf, periodKey, type Period } from '../domain/targets/periods.ts';
import { progressOf, type Progress } from '../domain/targets/progress.ts';
import { rollUp } from '../domain/targets/roll-up.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';
import type { MetricLine, ScopeReport, TeamLine } from '../views/target-views.ts';
import { hasTargets, mayViewScope, peopleOf } from './target-access.ts';

// the view defines the reports it renders
export type { MetricLine, ScopeReport, TeamLine };

/**
 * Every target a roll-up of these people may read, as one lookup. A quarter or a year with no
 * target of its own has the sum of its quarters' or months' (a quarter split into months).
 */
async function targetLookup(db: DbOrTx, chart: OrgChart, period: Period, people: string[]): Promise<TargetLookup> {
  const scopes = scopesForPeople(chart, people);
  const quarters = period.kind === 'year' ? [1, 2, 3, 4].map((q) => `${period.year}-Q${q}`) : [];
  const months = period.kind === 'month' ? [] : monthsOf(period);
  const rows = await targetsFor(db, chart.data.orgId, [periodKey(period), ...quarters, ...months], scopes);
  const keyOf = (r: { scopeKind: string; scopeId: string; metric: string }) => `${r.scopeKind}:${r.scopeId}:${r.metric}`;
  const sums = (part: typeof rows) => part.reduce((map, r) => map.set(keyOf(r), (map.get(keyOf(r)) ?? 0) + r.value), new Map<string, number>());
  const exact = new Map(rows.filter((r) => r.period === periodKey(period)).map((r) => [keyOf(r), r.value]));
  const byQuarter = sums(rows.filter((r) => quarters.includes(r.period)));
  const byMonth = sums(rows.filter((r) => months.includes(r.period)));
  return (scope, metric) => {
    const key = `${scope.kind}:${scope.id}:${metric}`;
    return exact.get(key) ?? byQuarter.get(key) ?? byMonth.get(key) ?? null;
  };
}

const sumMetric = (totals: Map<string, Map<string, number>>, people: string[], metric: string) => people.reduce((sum, id) => sum + (totals.get(id)?.get(metric) ?? 0), 0);

/** Target, actual (rolled up), attainment and pace of one scope for one period, per metric. */
export async function scopeReport(o: { db: DbOrTx; chart: OrgChart; viewerId: string; scope: Scope; period: Period; now: Date }): Promise<ScopeReport> {
  const { chart, scope, period } = o;
  if (!mayViewScope(chart, o.viewerId, scope)) throw new AppError(ErrorCode.Forbidden, {}, `${o.viewerId} may not view ${scope.kind}:${scope.id}`, 'targets.not_allowed');
  const months = monthsOf(period);
  const people = peopleOf(chart, scope);
  const [lookup, totals, share] = await Promise.all([
    targetLookup(o.db, chart, period, scope.kind === 'person' ? [scope.id] : []),
    ownTotals(o.db, chart.data.orgId, months, scope.kind === 'org' ? undefined : people),
    scope.kind === 'market' ? latestShare(o.db, chart.data.orgId, scope.id, months) : Promise.resolve(null),
  ]);
  const elapsed = elapsedFraction(period, o.now, chart.data.timezone);
  const lines: MetricLine[] = [];
  for (const metric of TEMPLATE_METRICS[chart.template]) {
    // a person's target is read the way every other view reads it (see targetOfPerson)
    const target = scope.kind === 'person' ? targetOfPerson(chart, scope.id, metric, lookup) : lookup(scope, metric);
    const actual = isSummable(metric) ? sumMetric(totals, people, metric) : (share ?? 0);
    if (target === null && actual === 0) continue;
    lines.push({ metric, progress: progressOf(target, actual, isSummable(metric) ? elapsed : 1) });
  }
  return { scope, period, lines };
}

/**
 * `/targets team`: the asker's subtree rolled up, one line per direct report who carries targets,
 * ranked by attainment. The total is the manager's target as every view reads it.
 */
export async function teamReport(o: { db: DbOrTx; chart: OrgChart; managerId: string; period: Period; now: Date; metric?: Metric }): Promise<{ metric: Metric; total: MetricLine; lines: TeamLine[] }> {
  const { chart, managerId, period } = o;
  const subtree = [managerId, ...chart.allReports(managerId)];
  const children = chart.directReports(managerId).filter((id) => hasTargets(chart, id));
  const lookup = await targetLookup(o.db, chart, period, [managerId]);
  const metrics = TEMPLATE_METRICS[chart.template].filter(isSummable);
  const metric: Metric = o.metric ?? metrics.find((m) => targetOfPerson(chart, managerId, m, lookup) !== null) ?? metrics[0];
  const totals = await ownTotals(o.db, chart.data.orgId, monthsOf(period), subtree, metric);
  const rolled = rollUp(managerId, (id) => chart.directReports(id), (id) => totals.get(id)?.get(metric) ?? 0);
  const elapsed = elapsedFraction(period, o.now, chart.data.timezone);
  const targetOf = (id: string) => targetOfPerson(chart, id, metric, lookup);
  const lines = children.map((id) => {
    const actual = rolled.get(id) ?? 0;
    return { personId: id, target: targetOf(id), actual, progress: progressOf(targetOf(id), actual, elapsed) };
  });
  lines.sort((a, b) => (b.progress.attainment ?? -1) - (a.progress.attainment ?? -1) || b.actual - a.actual);
  return { metric, total: { metric, progress: progressOf(targetOf(managerId), rolled.get(managerId) ?? 0, elapsed) }, lines };
}

/** A person's targets for a period, per metric of the template, read as every view reads them. */
export async function personTargets(o: { db: DbOrTx; chart: OrgChart; personId: string; period: Period }): Promise<{ metric: Metric; value: number }[]> {
  const lookup = await targetLookup(o.db, o.chart, o.period, [o.personId]);
  return TEMPLATE_METRICS[o.chart.template].flatMap((metric) => {
    const value = targetOfPerson(o.chart, o.personId, metric, lookup);
    return value === null ? [] : [{ metric, value }];
  });
}
