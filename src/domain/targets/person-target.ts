import type { OrgChart } from '../org/org-chart.ts';
import { isPercent, type Metric } from './metrics.ts';

export type TargetScope = { kind: 'org' | 'market' | 'person'; id: string };
/**
 * A target as stored for one scope and metric, or null when none is set. `held`, when known: the
 * people and markets with a target of that metric (what a walk down a big subtree may skip).
 */
export type TargetLookup = ((scope: TargetScope, metric: string) => number | null) & {
  held?: (metric: string) => { people: ReadonlySet<string>; markets: ReadonlySet<string> };
};

/**
 * The markets a person runs: those an SLT member owns (org file `markets: owner`) and a market
 * manager's own. Not their reports' markets: a deputy's markets are the deputy's, not the director's.
 */
export function marketsRunBy(chart: OrgChart, personId: string): string[] {
  const run = new Set(chart.marketsOwnedBy(personId));
  const person = chart.person(personId);
  if (person?.role === 'market_manager') for (const code of person.markets) run.add(code);
  return [...run];
}

export const sumOfSet = (values: (number | null)[]): number | null => {
  const set = values.filter((v): v is number => v !== null);
  return set.length === 0 ? null : set.reduce((a, b) => a + b, 0);
};

/** The mean of the figures set, rounded to a whole stored unit; null when none is set. */
export const meanOfSet = (values: (number | null)[]): number | null => {
  const set = values.filter((v): v is number => v !== null);
  return set.length === 0 ? null : Math.round(set.reduce((a, b) => a + b, 0) / set.length);
};

/** How the targets below a leader make his: a percentage's mean, anything else's sum. */
export const combinerOf = (metric: string): ((values: (number | null)[]) => number | null) =>
  isPercent(metric) ? meanOfSet : sumOfSet;

const PENDING = Symbol('being summed');

/**
 * The sums over reports already made, for one metric and lookup: a team view reads the manager's
 * target and each row's, and with it each subtree is summed once, not once per level above it.
 */
export type KnownTargets = Map<string, number | null | typeof PENDING>;

/** The markets some market manager runs, wherever he reports: once per chart. */
const managedMarkets = new WeakMap<OrgChart, Set<string>>();

/**
 * The markets an SLT member owns that no market manager runs: their targets count under the owner,
 * beside his reports' (a team row each). A market a manager runs is his, counted once up his chain.
 */
export function marketsHeldBy(chart: OrgChart, personId: string): string[] {
  const managed =
    managedMarkets.get(chart) ??
    new Set(chart.people.filter((p) => p.role === 'market_manager').flatMap((p) => p.markets));
  managedMarkets.set(chart, managed);
  return chart.marketsOwnedBy(personId).filter((code) => !managed.has(code));
}

/**
 * What stands as a person's target before any walk down: their own if set; a market manager's
 * markets (a market's target is its manager's); a percentage's the markets they run; at the top of
 * the chart the company's.
 */
function standingTarget(chart: OrgChart, personId: string, metric: string, lookup: TargetLookup): number | null {
  const own = lookup({ kind: 'person', id: personId }, metric);
  if (own !== null) return own;
  if (isPercent(metric) || chart.person(personId)?.role === 'market_manager') {
    const markets = combinerOf(metric)(
      marketsRunBy(chart, personId).map((id) => lookup({ kind: 'market', id }, metric)),
    );
    if (markets !== null) return markets;
  }
  // the company's target is read first: walking up the chain for everyone costs more than a lookup
  const company = lookup({ kind: 'org', id: '' }, metric);
  return company !== null && chart.managerLevels(personId).length === 0 ? company : null;
}

/**
 * One person's target, the same in every view: what stands (see standingTarget); else the sum of
 * the markets they hold (see marketsHeldBy) and their reports' targets, so that a target split to
 * markets counts once, under whoever it went to, all the way up. A percentage (coverage, share) is
 * never summed: the mean of the markets they run, else of the reports' targets set. Null when
 * nothing in their subtree has one.
 */
export function targetOfPerson(
  chart: OrgChart,
  personId: string,
  metric: Metric | `expense:${string}`,
  lookup: TargetLookup,
  known: KnownTargets = new Map(),
  /** Whether someone in this person's subtree (them too) may hold a target: a walk skips the rest. */
  mayHold?: (id: string) => boolean,
): number | null {
  const done = known.get(personId);
  if (done !== undefined && done !== PENDING) return done;
  const standing = standingTarget(chart, personId, metric, lookup);
  if (standing !== null) return standing;
  if (done === PENDING) return null; // a cycle adds nothing (the org file refuses cycles anyway)
  if (mayHold && !mayHold(personId)) {
    known.set(personId, null);
    return null;
  }
  known.set(personId, PENDING);
  const held = isPercent(metric)
    ? []
    : marketsHeldBy(chart, personId).map((id) => lookup({ kind: 'market', id }, metric));
  const reports = chart.directReports(personId).map((id) => targetOfPerson(chart, id, metric, lookup, known, mayHold));
  const result = combinerOf(metric)([...held, ...reports]);
  known.set(personId, result);
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

/** Each person's managers as `directReports` walks them, and each market's runners, once per chart. */
const charts = new WeakMap<OrgChart, { managers: Map<string, string[]>; runners: Map<string, string[]> }>();

function upwardOf(chart: OrgChart) {
  const known = charts.get(chart);
  if (known) return known;
  const managers = new Map<string, string[]>();
  const runners = new Map<string, string[]>();
  for (const { slackId } of chart.people) {
    for (const report of chart.directReports(slackId)) managers.set(report, [...(managers.get(report) ?? []), slackId]);
    for (const code of marketsRunBy(chart, slackId)) runners.set(code, [...(runners.get(code) ?? []), slackId]);
  }
  const made = { managers, runners };
  charts.set(chart, made);
  return made;
}

/**
 * Who has a target of the metric in their own subtree, from what the lookup holds (a person's
 * target, or a market they run): the holders and everyone above them, found upwards from the few
 * holders. Undefined when the lookup does not say what it holds.
 */
export function holdersBelow(
  chart: OrgChart,
  _managerId: string,
  metric: string,
  lookup: TargetLookup,
): ((id: string) => boolean) | undefined {
  const held = lookup.held?.(metric);
  if (!held) return undefined;
  const { managers, runners } = upwardOf(chart);
  const holding = new Set<string>();
  const stack = [...held.people, ...[...held.markets].flatMap((code) => runners.get(code) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (holding.has(id)) continue;
    holding.add(id);
    stack.push(...(managers.get(id) ?? []));
  }
  return (id) => holding.has(id);
}

/**
 * What a person's actual is made of: each person's own figure (null where they recorded none), and a
 * subtree's rolled up (for a percentage typed by hand, the mean of those who typed one: see combinerOf).
 */
export interface PersonActuals {
  own(id: string): number | null;
  rolled(id: string): number;
}

/**
 * The people whose typed percentage is a brand leader's when his target of it is the markets he runs:
 * the leader and the people of those markets (not the SSG, who serve them). Empty for anyone else.
 */
export function marketPeopleOf(chart: OrgChart, personId: string): string[] {
  if (chart.template !== 'brand-sales' || !chart.isLeadership(personId)) return [];
  const markets = new Set(marketsRunBy(chart, personId));
  if (markets.size === 0) return [];
  const inMarkets = chart.people
    .map((p) => p.slackId)
    .filter((id) => !chart.isSsg(id) && chart.marketsOf(id).some((code) => markets.has(code)));
  return [...new Set([personId, ...inMarkets])];
}

/**
 * A person's actual, by the rule of their target (see targetOfPerson): an amount or a count is their
 * subtree's, as their target is. A percentage typed by hand of a brand leader whose target of it is
 * the markets he runs (none of his own) is the mean over those markets' people; anyone else's over
 * their subtree.
 */
export function personActual(
  chart: OrgChart,
  personId: string,
  metric: Metric | `expense:${string}`,
  lookup: TargetLookup,
  actuals: PersonActuals,
): number {
  const marketPeople = isPercent(metric) ? marketPeopleOf(chart, personId) : [];
  const byMarkets =
    marketPeople.length > 0 &&
    lookup({ kind: 'person', id: personId }, metric) === null &&
    sumOfSet(marketsRunBy(chart, personId).map((code) => lookup({ kind: 'market', id: code }, metric))) !== null;
  if (!byMarkets) return actuals.rolled(personId);
  // a percentage (typed coverage) is the mean of the figures typed, never their sum
  return combinerOf(metric)(marketPeople.map((id) => actuals.own(id))) ?? 0;
}

/**
 * A person's target and actual of a metric: the one rule `/targets`, `/targets team`, the team
 * chart and the scorecards read a person's attainment by.
 */
export function personFigures(
  chart: OrgChart,
  personId: string,
  metric: Metric | `expense:${string}`,
  lookup: TargetLookup,
  actuals: PersonActuals,
  known?: KnownTargets,
  mayHold?: (id: string) => boolean,
): { target: number | null; actual: number } {
  return {
    target: targetOfPerson(chart, personId, metric, lookup, known, mayHold),
    actual: personActual(chart, personId, metric, lookup, actuals),
  };
}
