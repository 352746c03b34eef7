import type { DbLike } from '../../db/unit-of-work.ts';
import {
  findIssueByNumber,
  issuesReportedBy,
  openIssuesInHandsOf,
  openOsbIssues,
  type IssueReport,
} from '../../db/issues/issue-repo.ts';
import { ISSUE_NUMBER } from '../../domain/issues/issue-rules.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { escapeMrkdwn, truncate } from '../../lib/text.ts';
import type { IssueRegister } from '../../views/issues/issue-register.ts';
import { canSeeIssue } from './issue-access.ts';

// the view defines the register it renders
export type { IssueRegister };

/** `/issue list`: mine, those in my hands, my team's, and for the SSG and SLT every open OSB issue. */
export async function listIssues(o: { db: DbLike; chart: OrgChart; askerId: string }): Promise<IssueRegister> {
  const { chart, askerId } = o;
  const orgId = chart.data.orgId;
  const below = chart.allReports(askerId);
  const [mine, inHand, team, osb] = await Promise.all([
    issuesReportedBy(o.db, orgId, [askerId], false, 30),
    openIssuesInHandsOf(o.db, orgId, askerId, 60),
    below.length > 0 ? issuesReportedBy(o.db, orgId, below, true, 60) : Promise.resolve([]),
    chart.isSsg(askerId) || chart.isLeadership(askerId) ? openOsbIssues(o.db, orgId, 60) : Promise.resolve(undefined),
  ]);
  return { mine, inHand, team, osb: osb?.filter((issue) => canSeeIssue(chart, issue, askerId)) };
}

/** `/issue OSB-2026-0042`: one issue, only to those allowed to see it (the same answer either way otherwise). */
export async function showIssue(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  number: string;
}): Promise<IssueReport> {
  const match = ISSUE_NUMBER.exec(o.number.trim());
  const number = match ? `${match[1].toUpperCase()}-${match[2]}-${match[3].padStart(4, '0')}` : o.number;
  const issue = match ? await findIssueByNumber(o.db, o.chart.data.orgId, number) : null;
  if (!issue || !canSeeIssue(o.chart, issue, o.askerId))
    throw new AppError(
      ErrorCode.NotFound,
      { number: escapeMrkdwn(truncate(number, 40)) },
      'not visible',
      'issue.not_visible',
    );
  return issue;
}
