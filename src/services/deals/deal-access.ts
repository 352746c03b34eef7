import type { OrgChart } from '../../domain/org/org-chart.ts';

/** The site office that sees the whole site's deals: the PM, the deputy (副專) and the secretary (女專). */
export function isSiteOffice(chart: OrgChart, personId: string): boolean {
  const role = chart.person(personId)?.role;
  return (
    chart.template === 'property-site' &&
    (role === 'project_manager' || role === 'deputy_manager' || role === 'site_secretary')
  );
}

export const isProjectManager = (chart: OrgChart, personId: string): boolean =>
  chart.template === 'property-site' && chart.person(personId)?.role === 'project_manager';

/** The board (銷控表): the PM, the deputy, the secretary and the team leads. */
export function mayViewBoard(chart: OrgChart, personId: string): boolean {
  return (
    isSiteOffice(chart, personId) ||
    (chart.template === 'property-site' && chart.person(personId)?.role === 'team_lead')
  );
}

/** Holding, releasing and pricing units are the PM's. */
export const mayManageUnits = isProjectManager;

/** A deal is seen by its owner, the owner's chain, and the site office; nobody else. */
export function maySeeDeal(chart: OrgChart, viewerId: string, ownerId: string): boolean {
  return viewerId === ownerId || chart.isAbove(viewerId, ownerId) || isSiteOffice(chart, viewerId);
}

/** The owner and their chain act on a deal. */
export function mayActOnDeal(chart: OrgChart, actorId: string, ownerId: string): boolean {
  return actorId === ownerId || chart.isAbove(actorId, ownerId);
}

/** Payments are recorded by the secretary or the deal's owner. */
export function mayRecordPayment(chart: OrgChart, actorId: string, ownerId: string): boolean {
  return (
    actorId === ownerId || (chart.template === 'property-site' && chart.person(actorId)?.role === 'site_secretary')
  );
}
