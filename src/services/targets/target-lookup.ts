import type { DbLike } from '../../db/unit-of-work.ts';
import { targetsFor } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { combinerOf, scopesForPeople, type TargetLookup } from '../../domain/targets/person-target.ts';
import { monthsOf, periodKey, type Period } from '../../domain/targets/periods.ts';

/** The target periods a lookup for `period` reads: its own, and its quarters' (a year) or months'. */
export function lookupPeriods(period: Period): { key: string; quarters: string[]; months: string[] } {
  const quarters = period.kind === 'year' ? [1, 2, 3, 4].map((q) => `${period.year}-Q${q}`) : [];
  const months = period.kind === 'month' ? [] : monthsOf(period);
  return { key: periodKey(period), quarters, months };
}

type TargetRow = { scopeKind: string; scopeId: string; metric: string; value: number; period: string };

/**
 * Every target a roll-up may read for one period, as one lookup. A quarter or a year with no target
 * of its own has the sum of its quarters' or months' (a quarter split into months); a percentage
 * their mean.
 */
export function lookupOf(rows: TargetRow[], period: Period): TargetLookup {
  const { key: own, quarters, months } = lookupPeriods(period);
  const keyOf = (r: { scopeKind: string; scopeId: string; metric: string }) =>
    `${r.scopeKind}:${r.scopeId}:${r.metric}`;
  // a percentage's quarter is the mean of its months, never their sum (see combinerOf)
  const sums = (part: TargetRow[]) => {
    const parts = new Map<string, { metric: string; values: number[] }>();
    for (const r of part) {
      const known = parts.get(keyOf(r)) ?? { metric: r.metric, values: [] };
      known.values.push(r.value);
      parts.set(keyOf(r), known);
    }
    const out = new Map<string, number>();
    for (const [key, { metric, values }] of parts) out.set(key, combinerOf(metric)(values) ?? 0);
    return out;
  };
  const exact = new Map(rows.filter((r) => r.period === own).map((r) => [keyOf(r), r.value]));
  const byQuarter = sums(rows.filter((r) => quarters.includes(r.period)));
  const byMonth = sums(rows.filter((r) => months.includes(r.period)));
  const lookup: TargetLookup = (scope, metric) => {
    const key = `${scope.kind}:${scope.id}:${metric}`;
    return exact.get(key) ?? byQuarter.get(key) ?? byMonth.get(key) ?? null;
  };
  // who holds a target of a metric (a superset: every period read), for a walk to skip the rest
  lookup.held = (metric) => {
    const of = (kind: string) =>
      new Set(rows.filter((r) => r.metric === metric && r.scopeKind === kind).map((r) => r.scopeId));
    return { people: of('person'), markets: of('market') };
  };
  return lookup;
}

/** Every target a roll-up of these people may read, as one lookup (see lookupOf). */
export async function targetLookup(
  db: DbLike,
  chart: OrgChart,
  period: Period,
  people: string[],
): Promise<TargetLookup> {
  const { key, quarters, months } = lookupPeriods(period);
  const rows = await targetsFor(db, chart.data.orgId, [key, ...quarters, ...months], scopesForPeople(chart, people));
  return lookupOf(rows, period);
}
