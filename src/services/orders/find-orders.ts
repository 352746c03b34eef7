import { findOrderByNumber, listOrders } from '../../db/orders/order-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import { mayViewOrder, orderOwnersVisibleTo } from '../../domain/orders/order-access.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { OrderShown } from '../../views/orders/order-card.ts';
import { requireBrand } from './check-order.ts';
import { orderShown } from './order-cards.ts';

export const ORDER_STATES = [
  'pending_credit',
  'approved',
  'partly_shipped',
  'shipped',
  'delivered',
  'invoiced',
  'settled',
  'cancelled',
] as const;

/** `/order SO-000001`: the order and its history, for whoever may see it. */
export async function showOrder(o: { db: DbLike; chart: OrgChart; askerId: string; number: string }) {
  requireBrand(o.chart);
  const order = await findOrderByNumber(o.db, o.chart.data.orgId, o.number.toUpperCase());
  if (!order) throw new AppError(ErrorCode.NotFound, { number: o.number }, 'no such order', 'order.not_found');
  if (!mayViewOrder(o.chart, o.askerId, order))
    throw new AppError(ErrorCode.Forbidden, {}, 'may not see', 'order.view.forbidden');
  return orderShown(o.db, o.chart, order);
}

/**
 * `/order list [state]`: the asker's orders and their team's (a KAM, rep, UM or MM), or all of them
 * (the SSG and the SLT), newest first, at most 30.
 */
export async function listOrdersFor(o: { db: DbLike; chart: OrgChart; askerId: string; state?: string }): Promise<{
  scope: 'all' | 'mine';
  rows: Pick<OrderShown, 'number' | 'state' | 'account' | 'totalCents' | 'requestedOn'>[];
}> {
  const { chart } = o;
  requireBrand(chart);
  if (!chart.person(o.askerId)) throw new AppError(ErrorCode.Forbidden, {}, 'not in chart');
  const owners = orderOwnersVisibleTo(chart, o.askerId);
  const rows = await listOrders(o.db, { orgId: chart.data.orgId, ownerIds: owners, state: o.state, take: 30 });
  return {
    scope: owners ? 'mine' : 'all',
    rows: rows.map((r) => ({
      number: r.number,
      state: r.state,
      account: { code: r.accountCode, name: r.accountName, market: r.market },
      totalCents: r.totalCents,
      requestedOn: r.requestedOn,
    })),
  };
}
