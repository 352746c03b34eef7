import type { OrgChart } from '../org/org-chart.ts';
import type { ApprovalStep } from './credit-check.ts';

/** The account an order is for, as access needs it. */
export interface OrderAccount {
  ownerId: string;
  market: string;
}

/** The account's KAM or rep (or the KAM above the owning rep), or any CSR of the SSG. */
export function mayEnterOrder(chart: OrgChart, askerId: string, account: OrderAccount): boolean {
  if (chart.template !== 'brand-sales' || !chart.person(askerId)) return false;
  if (chart.isSsg(askerId)) return true;
  if (!account.ownerId) return false;
  if (askerId === account.ownerId) return true;
  return chart.person(askerId)?.role === 'key_account_manager' && chart.isAbove(askerId, account.ownerId);
}

/** Who may enter orders at all: the SSG, and the field's KAMs and reps (for their own accounts). */
export function mayEnterAnyOrder(chart: OrgChart, askerId: string): boolean {
  const role = chart.person(askerId)?.role;
  return chart.isSsg(askerId) || role === 'key_account_manager' || role === 'sales_rep';
}

/** Who may see an order: whoever may enter it, the owner's managers and market owner, the SSG and the SLT. */
export function mayViewOrder(
  chart: OrgChart,
  viewerId: string,
  order: OrderAccount & { enteredById: string },
): boolean {
  if (!chart.person(viewerId)) return false;
  if (chart.isSsg(viewerId) || chart.isLeadership(viewerId) || viewerId === order.enteredById) return true;
  if (chart.marketOwner(order.market) === viewerId) return true;
  return order.ownerId !== '' && (viewerId === order.ownerId || chart.isAbove(viewerId, order.ownerId));
}

/** Whose orders `/order list` shows the viewer; undefined means all of them (the SSG and the SLT). */
export function orderOwnersVisibleTo(chart: OrgChart, viewerId: string): string[] | undefined {
  if (chart.isSsg(viewerId) || chart.isLeadership(viewerId)) return undefined;
  return [viewerId, ...chart.allReports(viewerId)];
}

/** The SSG leader's step is also the SLT's; the director's step is the sales director's or the general manager's. */
export function mayDecideStep(chart: OrgChart, deciderId: string, step: ApprovalStep): boolean {
  const role = chart.person(deciderId)?.role;
  if (role === 'sales_director' || role === 'general_manager') return true;
  return step === 'ssg_leader' && (role === 'ssg_leader' || role === 'deputy_sales_director');
}

/** Who may cancel: whoever may enter orders for the account, the SSG leader and the SLT. */
export function mayCancelOrder(chart: OrgChart, askerId: string, order: OrderAccount): boolean {
  return mayEnterOrder(chart, askerId, order) || chart.isLeadership(askerId);
}
