import type { OrgChart, OrgPerson } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { MemberProfile } from '../../views/org/member-profile-view.ts';

// the view defines the profile it renders
export type { MemberProfile };

export interface DescribeMemberOptions {
  chart: OrgChart;
  askerId: string;
  /** Someone else; only within the asker's subtree, or for leadership. */
  targetId?: string;
}

/** `/org` and `/org @someone`: a person's role, chain of managers and direct reports. */
export function describeMember({ chart, askerId, targetId }: DescribeMemberOptions): MemberProfile {
  const subjectId = targetId ?? askerId;
  const person = chart.person(subjectId);
  if (!person) throw new AppError(ErrorCode.NotFound, { what: subjectId });
  if (subjectId !== askerId && !chart.isLeadership(askerId) && !chart.isAbove(askerId, subjectId)) {
    throw new AppError(ErrorCode.Forbidden, {}, `${askerId} may not view ${subjectId}`);
  }
  const lookup = (id: string): OrgPerson => chart.person(id) as OrgPerson;
  const marketCodes = [...new Set([...person.markets, ...chart.marketsOwnedBy(subjectId)])];
  return {
    person,
    orgName: chart.data.name,
    managerLevels: chart.managerLevels(subjectId).map((level) => level.map(lookup)),
    directReports: chart.directReports(subjectId).map(lookup),
    marketNames: marketCodes.map((code) => chart.market(code)?.name ?? code),
  };
}
