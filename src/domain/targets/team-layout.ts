import type { OrgChart } from '../org/org-chart.ts';
import { teamRows, type TeamRow } from './team-rows.ts';

/**
 * Who counts where in a manager's team view, worked out from the chart alone (the same for every
 * request until the chart changes).
 */
export interface TeamLayout {
  /** The manager and everyone below. */
  subtree: string[];
  rows: TeamRow[];
  /** The manager's people not counted in a person row: a market row's actual is theirs in that market. */
  rest: string[];
  /**
   * When the subtree is a tree (everyone reached by one path): each person's group, whose totals the
   * database adds up: one group per person row (its subtree), one per rest person, one for the others;
   * as JSON ({"U…": 0, …}), the statement's one parameter.
   * Absent when someone reports to two managers in the subtree: the roll-up counts them under each,
   * which groups of people cannot say.
   */
  groups?: { groupOf: string; ofRow: Map<string, number>; ofRest: Map<string, number> };
}

/** Whether every person below the manager is reached by exactly one path (no one reports to two of them). */
function isTree(chart: OrgChart, managerId: string): boolean {
  const seen = new Set([managerId]);
  const stack = [managerId];
  while (stack.length > 0) {
    for (const id of chart.directReports(stack.pop() as string)) {
      if (seen.has(id)) return false;
      seen.add(id);
      stack.push(id);
    }
  }
  return true;
}

/** The rows, the rest and (in a tree) the groups of a manager's team view. */
export function teamLayout(chart: OrgChart, managerId: string, carriesTargets: (id: string) => boolean): TeamLayout {
  const subtree = [managerId, ...chart.allReports(managerId)];
  const rows = teamRows(chart, managerId, carriesTargets);
  const personRows = rows.filter((r) => r.kind === 'person');
  const inPersonRows = new Set(personRows.flatMap((r) => [r.id, ...chart.allReports(r.id)]));
  const rest = subtree.filter((id) => !inPersonRows.has(id) && !chart.isSsg(id));
  if (!isTree(chart, managerId)) return { subtree, rows, rest };
  const groupOf: Record<string, number> = {};
  const ofRow = new Map<string, number>();
  const ofRest = new Map<string, number>();
  let count = 0;
  for (const row of personRows) {
    ofRow.set(row.id, count);
    for (const id of [row.id, ...chart.allReports(row.id)]) groupOf[id] = count;
    count += 1;
  }
  for (const id of rest) {
    ofRest.set(id, count);
    groupOf[id] = count;
    count += 1;
  }
  // the others (the SSG outside the rows) count only in the manager's total
  for (const id of subtree) if (groupOf[id] === undefined) groupOf[id] = count;
  return { subtree, rows, rest, groups: { groupOf: JSON.stringify(groupOf), ofRow, ofRest } };
}
