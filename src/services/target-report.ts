import type { DbOrTx } from '../db/database.ts';
import { latestShare, ownTotals, targetsFor, type Scope } from '../db/target-repo.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import { METRICS, isSummable, type Metric } from '../domain/targets/metrics.ts';
import { elapsedFraction, monthsOf, periodKey, type Period } from '../domain/targets/periods.ts';
import { progressOf, type Progress } from '../domain/targets/progress.ts';
import { rollUp } from '../domain/targets/roll-up.ts';
import { AppError, ErrorCode } from '../lib/app-error.ts';
import { mayViewScope, peopleOf } from './target-access.ts';

export interface MetricLine {
  metric: Metric;
  progress: Progress;
}

export interface ScopeReport {
  scope: Scope;
  period: Period;
  lines: MetricLine[];
}

const sumMetric = (totals: Map<string, Map<string, number>>, people: string[], metric: string) => people.reduce((sum, id) => sum + (totals.get(id)?.get(metric) ?? 0), 0);

/** Target, actual (rolled up), attainment and pace of one scope for one period, per metric. */
export async function scopeReport(o: { db: DbOrTx; chart: OrgChart; viewerId: string; scope: Scope; period: Period; now: Date }): Promise<ScopeReport> {
  const { chart, scope, period } = o;
  if (!mayViewScope(chart, o.viewerId, scope)) throw new AppError(ErrorCode.Forbidden, {}, `${o.viewerId} may not view ${scope.kind}:${scope.id}`, 'targets.not_allowed');
  const months = monthsOf(period);
  const people = peopleOf(chart, scope);
  const [targets, totals, share] = await Promise.all([
    targetsFor(o.db, chart.data.orgId, periodKey(period), [scope]),
    ownTotals(o.db, chart.data.orgId, months, scope.kind === 'org' ? undefined : people),
    scope.kind === 'market' ? latestShare(o.db, chart.data.orgId, scope.id, months) : Promise.resolve(null),
  ]);
  const elapsed = elapsedFraction(period, o.now, chart.data.timezone);
  const lines: MetricLine[] = [];
  for (const metric of METRICS) {
    const target = targets.find((t) => t.metric === metric)?.value ?? null;
    const actual = isSummable(metric) ? sumMetric(totals, people, metric) : (share ?? 0);
    if (target === null && actual === 0) continue;
    lines.push({ metric, progress: progressOf(target, actual, isSummable(metric) ? elapsed : 1) });
  }
  return { scope, period, lines };
}

export interface TeamLine {
  personId: string;
  target: number | null;
  actual: number;
  progress: Progress;
}

/** `/targets team`: the asker's subtree rolled up, one line per direct report, ranked by attainment. */
export async function teamReport(o: { db: DbOrTx; chart: OrgChart; managerId: string; period: Period; now: Date; metric?: Metric }): Promise<{ metric: Metric; total: MetricLine; lines: TeamLine[] }> {
  const { chart, managerId, period } = o;
  const subtree = [managerId, ...chart.allReports(managerId)];
  const children = chart.directReports(managerId);
  const months = monthsOf(period);
  const key = periodKey(period);
  const targets = await targetsFor(o.db, chart.data.orgId, key, [managerId, ...children].map((id) => ({ kind: 'person' as const, id })));
  const metric: Metric = o.metric ?? ((targets.find((t) => t.metric === 'amount') ?? targets[0])?.metric as Metric | undefined) ?? 'amount';
  const totals = await ownTotals(o.db, chart.data.orgId, months, subtree, metric);
  const rolled = rollUp(managerId, (id) => chart.directReports(id), (id) => totals.get(id)?.get(metric) ?? 0);
  const elapsed = elapsedFraction(period, o.now, chart.data.timezone);
  const targetOf = (id: string) => targets.find((t) => t.scopeId === id && t.metric === metric)?.value ?? null;
  const lines = children.map((id) => {
    const actual = rolled.get(id) ?? 0;
    return { personId: id, target: targetOf(id), actual, progress: progressOf(targetOf(id), actual, elapsed) };
  });
  lines.sort((a, b) => (b.progress.attainment ?? -1) - (a.progress.attainment ?? -1) || b.actual - a.actual);
  return { metric, total: { metric, progress: progressOf(targetOf(managerId), rolled.get(managerId) ?? 0, elapsed) }, lines };
}
