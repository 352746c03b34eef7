import type { Scope } from '../../db/targets/target-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';

/** Roles that carry no sales targets of their own (the site office, the SSG). */
const NO_TARGET_ROLES = new Set(['deputy_manager', 'site_secretary', 'ssg_leader', 'customer_service_rep']);

export const hasTargets = (chart: OrgChart, id: string): boolean => {
  const role = chart.person(id)?.role;
  return role !== undefined && !NO_TARGET_ROLES.has(role);
};

/**
 * Everyone sees their own figures and their subtree; market owners their markets; the SLT
 * everything; the site office and the SSG what they keep. Anything else is refused.
 */
export function mayViewScope(chart: OrgChart, viewerId: string, scope: Scope): boolean {
  if (!chart.person(viewerId)) return false;
  if (chart.isLeadership(viewerId)) return true;
  if (scope.kind === 'org') return false;
  if (scope.kind === 'market') {
    return chart.marketOwner(scope.id) === viewerId || (chart.person(viewerId)?.markets ?? []).includes(scope.id);
  }
  return chart.canSee(viewerId, scope.id);
}

/** The people whose figures make up a scope. */
export function peopleOf(chart: OrgChart, scope: Scope): readonly string[] {
  if (scope.kind === 'org') return chart.people.map((p) => p.slackId);
  if (scope.kind === 'market')
    return chart.people
      .filter((p) => chart.marketsOf(p.slackId).includes(scope.id) && !chart.isSsg(p.slackId))
      .map((p) => p.slackId);
  return chart.subtree(scope.id);
}

/** What a person splits a target across, and from which target. */
export function splitPlanFor(
  chart: OrgChart,
  personId: string,
): { parent: Scope; children: Scope[]; parentEditable: boolean } {
  const person = chart.person(personId);
  if (chart.template === 'brand-sales' && chart.isLeadership(personId)) {
    return {
      parent: { kind: 'org', id: '' },
      children: chart.data.markets.map((m) => ({ kind: 'market', id: m.code })),
      parentEditable: true,
    };
  }
  const reports = chart
    .directReports(personId)
    .filter((id) => hasTargets(chart, id))
    .map((id) => ({ kind: 'person' as const, id }));
  if (person?.role === 'market_manager' && person.markets.length > 0)
    return { parent: { kind: 'market', id: person.markets[0] }, children: reports, parentEditable: false };
  if (chart.managerLevels(personId).length === 0)
    return { parent: { kind: 'org', id: '' }, children: reports, parentEditable: true };
  return { parent: { kind: 'person', id: personId }, children: reports, parentEditable: false };
}

/**
 * Whom the asker may record sales for: themselves and their subtree; those who keep the figures
 * (the SSG, a site's deputy and secretary), anyone in the field.
 */
export function recordableFor(chart: OrgChart, askerId: string): string[] {
  if (chart.isSsg(askerId) || chart.isSiteWide(askerId))
    return chart.people
      .filter((p) => hasTargets(chart, p.slackId) && !chart.isLeadership(p.slackId))
      .map((p) => p.slackId);
  return [askerId, ...chart.allReports(askerId)].filter((id) => hasTargets(chart, id));
}

/** Market share is a market's figure: the SSG, the SLT, and the market's manager record it. */
export function mayRecordShare(chart: OrgChart, askerId: string, marketCode: string): boolean {
  if (chart.isSsg(askerId) || chart.isLeadership(askerId)) return true;
  const person = chart.person(askerId);
  return person?.role === 'market_manager' && person.markets.includes(marketCode);
}

/** Only the SSG corrects a recorded figure (the history is kept). */
export const mayCorrectSales = (chart: OrgChart, askerId: string): boolean => chart.isSsg(askerId);

/** Whether someone has a team to rank: a direct report who carries targets. */
export const leadsTargetCarriers = (chart: OrgChart, id: string): boolean =>
  chart.directReports(id).some((report) => hasTargets(chart, report));
