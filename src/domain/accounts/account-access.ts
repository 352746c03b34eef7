import type { OrgChart } from '../org/org-chart.ts';

/**
 * Who may see an account: its owner and the owner's chain of managers, the SSG (who keeps the
 * register), the SLT, and the SLT member who owns the account's market.
 */
export function mayViewAccount(
  chart: OrgChart,
  viewerId: string,
  account: { ownerId: string; market: string },
): boolean {
  if (!chart.person(viewerId)) return false;
  if (chart.isLeadership(viewerId) || chart.isSsg(viewerId)) return true;
  if (chart.marketOwner(account.market) === viewerId) return true;
  if (!account.ownerId) return false;
  return viewerId === account.ownerId || chart.isAbove(viewerId, account.ownerId);
}

/** Whose accounts a name search may return for this viewer; undefined means every account. */
export function accountOwnersVisibleTo(chart: OrgChart, viewerId: string): string[] | undefined {
  if (chart.isLeadership(viewerId) || chart.isSsg(viewerId)) return undefined;
  return [viewerId, ...chart.allReports(viewerId)];
}
