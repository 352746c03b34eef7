import type { DbLike } from '../../db/unit-of-work.ts';
import { spendByPerson } from '../../db/expenses/claim-repo.ts';
import { outletCoverageByOwner } from '../../db/accounts/coverage-repo.ts';
import { coveragePercent, coverageWindow } from '../../domain/accounts/coverage.ts';
import { dealFiguresByOwner, sharesOfMonth } from '../../db/scorecards/scorecard-deals-repo.ts';
import { openOsbIssuesByReporter, visitCountsByFiler } from '../../db/scorecards/scorecard-repo.ts';
import { ownTotals } from '../../db/targets/totals-repo.ts';
import { addDays } from '../../domain/deals/reservation.ts';
import { budgetMetric, expenseCategories } from '../../domain/expenses/expense-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import type { DealFigures, MonthFigures } from '../../domain/scorecards/scorecard-rules.ts';
import { isPercent, isSummable, TEMPLATE_METRICS } from '../../domain/targets/metrics.ts';
import {
  marketsRunBy,
  meanOfSet,
  personFigures,
  sumOfSet,
  targetOfPerson,
} from '../../domain/targets/person-target.ts';
import { parsePeriodKey } from '../../domain/targets/periods.ts';
import { rollUp } from '../../domain/targets/roll-up.ts';
import { formatDate } from '../../lib/format-time.ts';
import { targetLookup } from '../targets/target-report.ts';

/**
 * Each person's month, their subtree rolled up as /targets shows it: attainment of the template's
 * first metric, budget used and the expense ratio, registrations filed and approved, (a brand's) OSB
 * issues still open at the month's end and the share of the one market a person runs (each market's, for
 * someone who runs several), and (a site's)
 * deals, collections and arrears from the deals ledger.
 */
export async function monthFigures(o: {
  db: DbLike;
  chart: OrgChart;
  people: string[];
  month: string;
  from: Date;
  to: Date;
}): Promise<Map<string, MonthFigures>> {
  const { chart } = o;
  const period = parsePeriodKey(o.month);
  if (!period) return new Map();
  const [metric, ...rest] = TEMPLATE_METRICS[chart.template];
  const others = rest.filter(isSummable);
  const [lookup, totals, spend, visits, osb, shares, deals, outlets] = await readMonth({ ...o, period });
  const children = (id: string) => chart.directReports(id);
  // each figure rolled up once: a subtree's totals are kept for the people below it, asked next
  const own = (get: (id: string) => number) => {
    const known = new Map<string, number>();
    return (root: string): number => {
      if (!known.has(root)) for (const [id, sum] of rollUp(root, children, get)) known.set(id, sum);
      return known.get(root) ?? 0;
    };
  };
  const actualOf = own((id) => totals.get(id)?.get(metric) ?? 0);
  const typedOf = new Map(others.map((m) => [m, typedRolled(chart, m, totals, own)]));
  const coverageOf = registerCoverage(outlets, own);
  // coverage computed from the register where the subtree has outlets there (as /targets shows it), else typed
  const othersOf = (m: typeof metric, id: string) =>
    (m === 'coverage' ? coverageOf(id) : null) ?? typedOf.get(m)?.(id) ?? 0;
  const knownTargets = new Map([metric, ...others].map((m) => [m, new Map()]));
  // a person's attainment as every view reads it (see personFigures); coverage is a ratio, never added up
  const figuresOf = (id: string, m: typeof metric, rolled: (id: string) => number) =>
    personFigures(chart, id, m, lookup, { own: (x) => totals.get(x)?.get(m) ?? null, rolled }, knownTargets.get(m));
  const attainmentOf = (id: string, m: typeof metric) => {
    const { target, actual } = figuresOf(id, m, (x) => othersOf(m, x));
    const coverage = m === 'coverage' ? coverageOf(id) : null;
    return target ? ((coverage ?? actual) * 100) / target : null;
  };
  const salesOf = own((id) => totals.get(id)?.get('amount') ?? 0);
  const spentOf = own((id) => [...(spend.get(id)?.values() ?? [])].reduce((a, b) => a + b, 0));
  const filedOf = own((id) => visits.get(id)?.filed ?? 0);
  const approvedOf = own((id) => visits.get(id)?.approved ?? 0);
  const osbOpenOf = own((id) => osb?.get(id)?.open ?? 0);
  const osbOldestDays = (root: string): number | null => {
    const filed = [root, ...chart.allReports(root)].map((id) => osb?.get(id)?.oldestAt.getTime() ?? Infinity);
    const oldest = Math.min(...filed);
    return Number.isFinite(oldest) ? Math.floor((o.to.getTime() - oldest) / 86_400_000) : null;
  };
  const dealsOf = dealsRolledUp(deals, own);
  const { shareOf, sharesOf } = sharesRead(chart, shares);
  const categories = expenseCategories(chart);
  const out = new Map<string, MonthFigures>();
  for (const id of o.people) {
    const { target, actual } = figuresOf(id, metric, actualOf);
    const budget = sumOfSet(categories.map((c) => targetOfPerson(chart, id, budgetMetric(c), lookup)));
    const spent = spentOf(id);
    const sales = salesOf(id);
    out.set(id, {
      // unrounded: the change and the score are computed from it, rounded only when shown
      attainment: target ? (actual * 100) / target : null,
      otherMetrics: Object.fromEntries(others.map((m) => [m, attainmentOf(id, m)])),
      budgetUsed: budget ? Math.round((spent * 100) / budget) : null,
      ratioTenths: sales > 0 ? Math.round((spent * 1000) / sales) : null,
      visitsFiled: filedOf(id),
      visitsApproved: approvedOf(id),
      osbOpen: osb ? osbOpenOf(id) : null,
      osbOldestDays: osb ? osbOldestDays(id) : null,
      share: shareOf(id),
      marketShares: sharesOf(id),
      deals: dealsOf(id),
    });
  }
  return out;
}

/**
 * A typed metric of a subtree: its figures summed, but a percentage's (typed coverage) the mean of the
 * figures typed there by those who typed one, never their sum (as /targets reads it).
 */
function typedRolled(
  chart: OrgChart,
  metric: string,
  totals: Map<string, Map<string, number>>,
  rolled: (get: (id: string) => number) => (root: string) => number,
): (id: string) => number {
  if (!isPercent(metric)) return rolled((x) => totals.get(x)?.get(metric) ?? 0);
  return (id) => meanOfSet([id, ...chart.allReports(id)].map((x) => totals.get(x)?.get(metric) ?? null)) ?? 0;
}

/**
 * The share of the one market a person runs; for someone who runs several, each market's as typed
 * (several markets' shares are not one figure: none summed or averaged).
 */
function sharesRead(chart: OrgChart, shares: Map<string, number> | undefined) {
  return {
    shareOf: (id: string) => {
      const run = marketsRunBy(chart, id);
      return run.length === 1 ? (shares?.get(run[0]) ?? null) : null;
    },
    sharesOf: (id: string) => {
      const run = marketsRunBy(chart, id);
      if (!shares || run.length < 2 || !run.some((code) => shares.has(code))) return null;
      return run.map((code) => ({ market: chart.market(code)?.name ?? code, share: shares.get(code) ?? null }));
    },
  };
}

/** Everything a month's figures are made of, read at once: a brand's OSB issues and shares, a site's deals. */
function readMonth(o: {
  db: DbLike;
  chart: OrgChart;
  period: NonNullable<ReturnType<typeof parsePeriodKey>>;
  people: string[];
  month: string;
  from: Date;
  to: Date;
}) {
  const { chart } = o;
  const orgId = chart.data.orgId;
  const brand = chart.template === 'brand-sales';
  const tz = chart.data.timezone;
  const days = { from: o.from, to: o.to, firstDay: formatDate(o.from, tz), lastDay: addDays(formatDate(o.to, tz), -1) };
  return Promise.all([
    targetLookup(o.db, chart, o.period, o.people),
    ownTotals(o.db, orgId, [o.month]),
    spendByPerson(o.db, orgId, [o.month]),
    visitCountsByFiler(o.db, orgId, o.from, o.to),
    brand ? openOsbIssuesByReporter(o.db, orgId, o.to) : undefined,
    brand ? sharesOfMonth(o.db, orgId, o.month) : undefined,
    brand ? undefined : dealFiguresByOwner(o.db, orgId, days),
    brand ? outletCoverageByOwner(o.db, { orgId, ...coverageWindow(o.month, o.to, tz) }) : undefined,
  ]);
}

/** A brand's coverage (percent) of each subtree's registered outlets; null where it has none registered. */
function registerCoverage(
  outlets: Map<string, { active: number; registered: number }> | undefined,
  own: (get: (id: string) => number) => (root: string) => number,
): (id: string) => number | null {
  if (!outlets) return () => null;
  const active = own((id) => outlets.get(id)?.active ?? 0);
  const registered = own((id) => outlets.get(id)?.registered ?? 0);
  return (id) => coveragePercent({ active: active(id), registered: registered(id) });
}

/** A site's deal figures rolled up each person's subtree (a brand's: none). */
function dealsRolledUp(
  deals: Map<string, DealFigures> | undefined,
  own: (get: (id: string) => number) => (root: string) => number,
): (id: string) => DealFigures | null {
  if (!deals) return () => null;
  const sum = (key: keyof DealFigures) => own((id) => deals.get(id)?.[key] ?? 0);
  const [reserved, reservedCents, contracted, contractedCents, cancelled, collectedCents, arrearsCents] = [
    sum('reserved'),
    sum('reservedCents'),
    sum('contracted'),
    sum('contractedCents'),
    sum('cancelled'),
    sum('collectedCents'),
    sum('arrearsCents'),
  ];
  return (id) => ({
    reserved: reserved(id),
    reservedCents: reservedCents(id),
    contracted: contracted(id),
    contractedCents: contractedCents(id),
    cancelled: cancelled(id),
    collectedCents: collectedCents(id),
    arrearsCents: arrearsCents(id),
  });
}
