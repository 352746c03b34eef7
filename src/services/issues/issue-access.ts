import type { IssueReport } from '../../db/issues/issue-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { isOsb } from '../../domain/issues/issue-rules.ts';

/** The reporter, their chain, the handler and the assignee, the SSG for OSB issues, and leadership. */
export function canSeeIssue(
  chart: OrgChart,
  issue: Pick<IssueReport, 'reporterId' | 'handlerId' | 'assigneeId' | 'category'>,
  viewerId: string,
): boolean {
  if (!chart.person(viewerId)) return false;
  if (viewerId === issue.reporterId || viewerId === issue.handlerId || viewerId === issue.assigneeId) return true;
  if (chart.isLeadership(viewerId) || chart.isAbove(viewerId, issue.reporterId)) return true;
  return isOsb(issue.category) && chart.isSsg(viewerId);
}

/**
 * Acknowledge, assign, resolve, escalate: the owner (handler), the assignee, anyone above the owner,
 * leadership, and the SSG for OSB issues. Once an issue has moved up, the levels it left may still
 * see it and comment in its thread, but no longer decide.
 */
export function canActOnIssue(
  chart: OrgChart,
  issue: Pick<IssueReport, 'reporterId' | 'handlerId' | 'assigneeId' | 'category'>,
  actorId: string,
): boolean {
  if (!canSeeIssue(chart, issue, actorId)) return false;
  if (actorId === issue.handlerId || actorId === issue.assigneeId) return true;
  if (actorId === issue.reporterId) return false;
  if (chart.isLeadership(actorId) || chart.isAbove(actorId, issue.handlerId)) return true;
  return isOsb(issue.category) && chart.isSsg(actorId);
}

/**
 * Whom `actorId` may hand an issue to: themself, anyone below them, and for an OSB issue the SSG,
 * who own those (DOMAIN.md). Assigning lets the assignee see the issue, so the modal offers only
 * these and the submission is checked against the same list.
 */
export function assignableBy(chart: OrgChart, issue: Pick<IssueReport, 'category'>, actorId: string): string[] {
  const ssg = isOsb(issue.category) ? chart.people.filter((p) => chart.isSsg(p.slackId)).map((p) => p.slackId) : [];
  return [...new Set([actorId, ...chart.allReports(actorId), ...ssg])].filter((id) => chart.person(id));
}

/**
 * The manager after `current` in the reporter's chain, or undefined at the top. An owner outside
 * that chain (the SSG leader of an OSB issue) hands it to their own manager.
 */
export function nextHandler(chart: OrgChart, reporterId: string, current: string): string | undefined {
  const chain = chart.chainOf(reporterId);
  const index = chain.indexOf(current);
  return index === -1 ? chart.chainOf(current)[0] : chain[index + 1];
}
