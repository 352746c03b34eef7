import type { OrgChart } from '../org/org-chart.ts';
import type { Metric } from './metrics.ts';

export type TargetScope = { kind: 'org' | 'market' | 'person'; id: string };
/** A target as stored for one scope and metric, or null when none is set. */
export type TargetLookup = (scope: TargetScope, metric: Metric) => number | null;

/**
 * The markets whose targets are a person's: those a market manager runs, and those owned by an
 * SLT member or anyone below them (the deputy's markets are in the sales director's team).
 */
export function marketsHeldBy(chart: OrgChart, personId: string): string[] {
  const held = new Set<string>();
  for (const id of [personId, ...chart.allReports(personId)]) {
    for (const code of chart.marketsOwnedBy(id)) held.add(code);
    const person = chart.person(id);
    if (person?.role === 'market_manager') for (const code of person.markets) held.add(code);
  }
  return [...held];
}

const total = (values: (number | null)[]): number | null => {
  const set = values.filter((v): v is number => v !== null);
  return set.length === 0 ? null : set.reduce((a, b) => a + b, 0);
};

/**
 * One person's target, the same in every view: their own if set; else the markets they hold (a
 * market's target is its manager's); at the top of the chart the company's; else the sum over
 * their reports. Null when nothing in their subtree has one.
 */
export function targetOfPerson(
  chart: OrgChart,
  personId: string,
  metric: Metric,
  lookup: TargetLookup,
  seen = new Set<string>(),
): number | null {
  const own = lookup({ kind: 'person', id: personId }, metric);
  if (own !== null) return own;
  if (chart.managerLevels(personId).length === 0) {
    const company = lookup({ kind: 'org', id: '' }, metric);
    if (company !== null) return company;
  }
  if (seen.has(personId)) return null; // a cycle adds nothing (the org file refuses cycles anyway)
  seen.add(personId);
  const markets = total(marketsHeldBy(chart, personId).map((code) => lookup({ kind: 'market', id: code }, metric)));
  const reports = () => total(chart.directReports(personId).map((id) => targetOfPerson(chart, id, metric, lookup, seen)));
  const result = markets ?? reports();
  seen.delete(personId);
  return result;
}

/** The scopes whose targets `targetOfPerson` may read for these people. */
export function scopesForPeople(chart: OrgChart, personIds: string[]): TargetScope[] {
  const ids = new Set<string>();
  for (const id of personIds) for (const x of [id, ...chart.allReports(id)]) ids.add(x);
  return [
    { kind: 'org', id: '' },
    ...chart.data.markets.map((m) => ({ kind: 'market' as const, id: m.code })),
    ...[...ids].map((id) => ({ kind: 'person' as const, id })),
  ];
}
