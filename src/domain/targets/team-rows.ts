import type { OrgChart } from '../org/org-chart.ts';
import type { Metric } from './metrics.ts';
import {
  combinerOf,
  holdersBelow,
  marketsHeldBy,
  targetOfPerson,
  type KnownTargets,
  type TargetLookup,
} from './person-target.ts';

/** One row of a team view: a direct report (with their subtree) or a market the manager runs himself. */
export interface TeamRow {
  kind: 'person' | 'market';
  id: string;
}

/**
 * The rows of a manager's team: each direct report who carries targets, then each market the
 * manager holds (owns, and no market manager runs: see marketsHeldBy), else it would vanish.
 */
export function teamRows(chart: OrgChart, managerId: string, carriesTargets: (id: string) => boolean): TeamRow[] {
  const people = chart
    .directReports(managerId)
    .filter(carriesTargets)
    .map((id) => ({ kind: 'person' as const, id }));
  const markets = marketsHeldBy(chart, managerId).map((id) => ({ kind: 'market' as const, id }));
  return [...people, ...markets];
}

/** A row's target as its own view reads it: a person's by the one rule, a market's as set. */
export function rowTarget(
  chart: OrgChart,
  row: TeamRow,
  metric: Metric,
  lookup: TargetLookup,
  known: KnownTargets = new Map(),
  mayHold?: (id: string) => boolean,
): number | null {
  if (row.kind === 'person') return targetOfPerson(chart, row.id, metric, lookup, known, mayHold);
  return lookup({ kind: 'market', id: row.id }, metric);
}

/**
 * The manager's own target and what the rows add up to. They differ only where the manager's target
 * stands on its own (see targetOfPerson): set for him, or the company's at the top, not what was split.
 */
export function teamTargets(
  chart: OrgChart,
  managerId: string,
  rows: TeamRow[],
  metric: Metric,
  lookup: TargetLookup,
): { own: number | null; rows: (number | null)[]; rowsTotal: number | null } {
  // the manager's sum walks the whole subtree once; the rows' then come from what it summed
  const known: KnownTargets = new Map();
  // under thousands of people, most subtrees hold no target: the walk skips them
  const mayHold = holdersBelow(chart, managerId, metric, lookup);
  const own = targetOfPerson(chart, managerId, metric, lookup, known, mayHold);
  const targets = rows.map((row) => rowTarget(chart, row, metric, lookup, known, mayHold));
  return { own, rows: targets, rowsTotal: combinerOf(metric)(targets) };
}
