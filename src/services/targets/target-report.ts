import type { DbLike } from '../../db/unit-of-work.ts';
import { latestShare, type Scope } from '../../db/targets/target-repo.ts';
import { ownTotals, targetsAndTotals, type TargetsAndTotals } from '../../db/targets/totals-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { TEMPLATE_METRICS, isSummable, type Metric } from '../../domain/targets/metrics.ts';
import { combinerOf, marketPeopleOf, personActual, personFigures } from '../../domain/targets/person-target.ts';
import { scopesForPeople, targetOfPerson, type TargetLookup } from '../../domain/targets/person-target.ts';

import { teamTargets, type TeamRow } from '../../domain/targets/team-rows.ts';
import { teamLayout, type TeamLayout } from '../../domain/targets/team-layout.ts';
import { elapsedFraction, monthsOf, type Period } from '../../domain/targets/periods.ts';
import { paceOf, progressOf } from '../../domain/targets/progress.ts';
import { rollUp } from '../../domain/targets/roll-up.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { MetricLine, ScopeReport, TeamLine, TeamReport } from '../../views/targets/target-views.ts';
import { computedCoverage } from './computed-coverage.ts';
import { cancellationsAlongside } from './period-cancellations.ts';
import { cancellationCounts } from '../../db/deals/deal-period-repo.ts';
import { lookupOf, lookupPeriods, targetLookup } from './target-lookup.ts';
import { teamCoverage } from './team-coverage.ts';
import { hasTargets, mayViewScope, peopleOf } from './target-access.ts';

// the view defines the reports it renders
export type { MetricLine, ScopeReport, TeamLine, TeamReport };

// the lookups a report reads its targets by are their own file; other views read them from here
export { targetLookup };

/** The people's actual: their totals' sum, or a percentage's (typed coverage) mean over those who typed one. */
const actualOver = (totals: Map<string, Map<string, number>>, people: readonly string[], metric: string) =>
  combinerOf(metric)(people.map((id) => totals.get(id)?.get(metric) ?? null)) ?? 0;

/** Each person's totals per metric over these months, from totals per month. */
function totalsOver(rows: TargetsAndTotals['totals'], months: string[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!months.includes(row.month)) continue;
    const perPerson = out.get(row.personId) ?? new Map<string, number>();
    perPerson.set(row.metric, (perPerson.get(row.metric) ?? 0) + row.total);
    out.set(row.personId, perPerson);
  }
  return out;
}

type ScopeReportOptions = { db: DbLike; chart: OrgChart; viewerId: string; scope: Scope; now: Date };

/** Target, actual (rolled up), attainment and pace of one scope for one period, per metric. */
export async function scopeReport(o: ScopeReportOptions & { period: Period }): Promise<ScopeReport> {
  return (await scopeReports({ ...o, periods: [o.period] }))[0];
}

/**
 * `scopeReport` for several periods (`/targets` shows the month and the quarter) from one read of
 * the targets and the totals: on PostgreSQL each statement is a round trip.
 */
export async function scopeReports(o: ScopeReportOptions & { periods: Period[] }): Promise<ScopeReport[]> {
  const { chart, scope } = o;
  if (!mayViewScope(chart, o.viewerId, scope))
    throw new AppError(
      ErrorCode.Forbidden,
      {},
      `${o.viewerId} may not view ${scope.kind}:${scope.id}`,
      'targets.not_allowed',
    );
  const people = peopleOf(chart, scope);
  const unique = (values: string[]) => [...new Set(values)];
  const byMarkets = scope.kind === 'person' ? marketPeopleOf(chart, scope.id) : [];
  const targetPeriods = unique(o.periods.flatMap((p) => Object.values(lookupPeriods(p)).flat()));
  const months = unique(o.periods.flatMap(monthsOf)).sort();
  // a site's 退訂 of the periods travel in the roll-up's own statement: one round trip for both
  const alongside = cancellationsAlongside({
    chart,
    people: scope.kind === 'org' ? undefined : people,
    periods: o.periods,
  });
  const [read, shares, coverages] = await Promise.all([
    targetsAndTotals(o.db, chart.data.orgId, {
      periods: targetPeriods,
      scopes: scopesForPeople(chart, scope.kind === 'person' ? [scope.id] : []),
      months,
      personIds: scope.kind === 'org' ? undefined : unique([...people, ...byMarkets]),
      alongside,
    }),
    Promise.all(
      o.periods.map((p) =>
        scope.kind === 'market' ? latestShare(o.db, chart.data.orgId, scope.id, monthsOf(p)) : null,
      ),
    ),
    Promise.all(o.periods.map((period) => computedCoverage({ db: o.db, chart, scope, people, period, now: o.now }))),
  ]);
  const cancellations = alongside ? cancellationCounts(read.alongside, o.periods.length) : [];
  return o.periods.map((period, i) => {
    const lookup = lookupOf(read.targets, period);
    const totals = totalsOver(read.totals, monthsOf(period));
    const elapsed = elapsedFraction(period, o.now, chart.data.timezone);
    const lines: MetricLine[] = [];
    for (const metric of TEMPLATE_METRICS[chart.template]) {
      // a person's target and actual are read the way every other view reads them (see personFigures)
      const own = (id: string) => totals.get(id)?.get(metric) ?? null;
      const figures =
        scope.kind === 'person'
          ? personFigures(chart, scope.id, metric, lookup, { own, rolled: () => actualOver(totals, people, metric) })
          : { target: lookup(scope, metric), actual: actualOver(totals, people, metric) };
      const target = figures.target;
      // a brand's coverage is computed from the register (a ratio: no pace), else typed like the others
      const computed = metric === 'coverage' ? coverages[i] : null;
      const actual = computed ?? (isSummable(metric) ? figures.actual : (shares[i] ?? 0));
      if (target === null && actual === 0 && computed === null) continue;
      lines.push({ metric, progress: progressOf(target, actual, paceOf(metric, elapsed)) });
    }
    return { scope, period, lines, cancelled: cancellations[i] ?? undefined };
  });
}

/** A team's actuals per metric: a row's (rolled up), a rest person's own, and the manager's rolled up. */
type TeamActuals = {
  row(id: string, metric: string): number;
  own(id: string, metric: string): number;
  total(metric: string): number;
};

type TeamInputs = {
  chart: OrgChart;
  managerId: string;
  lookup: TargetLookup;
  actuals: TeamActuals;
  elapsed: number;
  rows: TeamRow[];
  /** The manager's people not counted in a person row: a market row's actual is theirs in that market. */
  rest: string[];
  /** The own totals of the people of the markets the leaders here run: a typed percentage's (see personActual). */
  marketOwn: Map<string, Map<string, number>>;
};
type TeamOptions = { db: DbLike; chart: OrgChart; managerId: string; period: Period; now: Date; metric?: Metric };

/** One metric of a team: the rows ranked by attainment, the total, and what the rows add up to. */
function teamMetric(o: TeamInputs, metric: Metric): TeamReport {
  const { chart, managerId, rows, actuals } = o;
  const marketActual = (code: string) =>
    o.rest.filter((id) => chart.marketsOf(id).includes(code)).reduce((sum, id) => sum + actuals.own(id, metric), 0);
  const targets = teamTargets(chart, managerId, rows, metric, o.lookup);
  const pace = paceOf(metric, o.elapsed);
  // a person's actual as every view reads it (see personActual)
  const actualOf = (id: string, rolled: (id: string) => number) =>
    personActual(chart, id, metric, o.lookup, { own: (x) => o.marketOwn.get(x)?.get(metric) ?? null, rolled });
  const lines = rows.map((row, i) => {
    const actual = row.kind === 'person' ? actualOf(row.id, (id) => actuals.row(id, metric)) : marketActual(row.id);
    const target = targets.rows[i];
    return { kind: row.kind, id: row.id, target, actual, progress: progressOf(target, actual, pace) };
  });
  lines.sort((a, b) => (b.progress.attainment ?? -1) - (a.progress.attainment ?? -1) || b.actual - a.actual);
  const total = {
    metric,
    progress: progressOf(
      targets.own,
      actualOf(managerId, () => actuals.total(metric)),
      pace,
    ),
  };
  return { metric, total, ownTarget: targets.own, rowsTarget: targets.rowsTotal, lines };
}

/** The layouts of the chart's team views, each worked out once per chart (a new chart is a new object). */
const layouts = new WeakMap<OrgChart, Map<string, TeamLayout>>();

function layoutOf(chart: OrgChart, managerId: string): TeamLayout {
  const known = layouts.get(chart) ?? new Map<string, TeamLayout>();
  layouts.set(chart, known);
  const layout = known.get(managerId) ?? teamLayout(chart, managerId, (id) => hasTargets(chart, id));
  known.set(managerId, layout);
  return layout;
}

/** Actuals added up by the database per group of the layout. */
function groupedActuals(layout: TeamLayout, groups: Map<number, Map<string, number>>): TeamActuals {
  const of = (group: number | undefined, metric: string) =>
    group === undefined ? 0 : (groups.get(group)?.get(metric) ?? 0);
  return {
    row: (id, metric) => of(layout.groups?.ofRow.get(id), metric),
    own: (id, metric) => of(layout.groups?.ofRest.get(id), metric),
    total: (metric) => [...groups.values()].reduce((sum, group) => sum + (group.get(metric) ?? 0), 0),
  };
}

/** Actuals rolled up here from each person's own totals (a subtree where someone reports to two). */
function rolledActuals(chart: OrgChart, managerId: string, totals: Map<string, Map<string, number>>): TeamActuals {
  const own = (id: string, metric: string) => totals.get(id)?.get(metric) ?? 0;
  const rolled = new Map<string, Map<string, number>>();
  const rolledOf = (metric: string) => {
    const known =
      rolled.get(metric) ??
      rollUp(
        managerId,
        (id) => chart.directReports(id),
        (id) => own(id, metric),
      );
    rolled.set(metric, known);
    return known;
  };
  return {
    row: (id, metric) => rolledOf(metric).get(id) ?? 0,
    own,
    total: (metric) => rolledOf(metric).get(managerId) ?? 0,
  };
}

/**
 * What every metric of a team view reads: the targets and totals (one statement), the rows, once.
 * In a tree the database adds the totals up per row, so a team of thousands reads a few hundred rows.
 */
async function teamInputs(o: TeamOptions): Promise<TeamInputs> {
  const { chart, managerId } = o;
  const layout = layoutOf(chart, managerId);
  const { key, quarters, months } = lookupPeriods(o.period);
  const leaders = [managerId, ...layout.rows.filter((r) => r.kind === 'person').map((r) => r.id)];
  const marketPeople = [...new Set(leaders.flatMap((id) => marketPeopleOf(chart, id)))];
  const reading = targetsAndTotals(o.db, chart.data.orgId, {
    periods: [key, ...quarters, ...months],
    // in a tree the subtree's person scopes are the groups' people, named once in the statement
    scopes: scopesForPeople(chart, layout.groups ? [] : [managerId]),
    months: monthsOf(o.period),
    personIds: layout.groups ? undefined : layout.subtree,
    groupOf: layout.groups?.groupOf,
    metric: o.metric,
  });
  const [read, marketOwn] = await Promise.all([
    reading,
    marketPeople.length === 0
      ? new Map<string, Map<string, number>>()
      : ownTotals(o.db, chart.data.orgId, monthsOf(o.period), marketPeople, o.metric),
  ]);
  const actuals = layout.groups
    ? groupedActuals(layout, read.groups)
    : rolledActuals(chart, managerId, totalsOver(read.totals, monthsOf(o.period)));
  const elapsed = elapsedFraction(o.period, o.now, chart.data.timezone);
  const lookup = lookupOf(read.targets, o.period);
  return { chart, managerId, lookup, actuals, elapsed, rows: layout.rows, rest: layout.rest, marketOwn };
}

/** Whether a metric has anything to show for a team: a target (own or a row's) or an actual. */
const hasFigures = (r: TeamReport) =>
  r.ownTarget !== null ||
  r.rowsTarget !== null ||
  r.total.progress.actual !== 0 ||
  r.lines.some((l) => l.target !== null);

/**
 * `/targets team` on one metric (the site meeting's agenda reads it too): the asker's subtree rolled
 * up, one line per direct report who carries targets and per market run with no manager below.
 */
export async function teamReport(o: TeamOptions): Promise<TeamReport> {
  const inputs = await teamInputs({ ...o, metric: undefined });
  const metrics = TEMPLATE_METRICS[o.chart.template].filter(isSummable);
  const hasTarget = (m: Metric) => targetOfPerson(o.chart, o.managerId, m, inputs.lookup) !== null;
  const metric = o.metric ?? metrics.find(hasTarget) ?? metrics[0];
  return (await teamCoverage(metric, { ...o, ...inputs })) ?? teamMetric(inputs, metric);
}

/**
 * `/targets team`: every metric `/targets` would show (a site's 簽約套數 and 來訪組數), or the one
 * asked for. Empty when nothing is set or recorded for the period.
 */
export async function teamReports(o: TeamOptions): Promise<TeamReport[]> {
  const inputs = await teamInputs(o);
  const metrics = o.metric ? [o.metric] : TEMPLATE_METRICS[o.chart.template].filter(isSummable);
  const reports = metrics.map(
    async (metric) => (await teamCoverage(metric, { ...o, ...inputs })) ?? teamMetric(inputs, metric),
  );
  return (await Promise.all(reports)).filter(hasFigures);
}

/** A person's targets for a period, per metric of the template, read as every view reads them. */
export async function personTargets(o: {
  db: DbLike;
  chart: OrgChart;
  personId: string;
  period: Period;
}): Promise<{ metric: Metric; value: number }[]> {
  const lookup = await targetLookup(o.db, o.chart, o.period, [o.personId]);
  return TEMPLATE_METRICS[o.chart.template].flatMap((metric) => {
    const value = targetOfPerson(o.chart, o.personId, metric, lookup);
    return value === null ? [] : [{ metric, value }];
  });
}
