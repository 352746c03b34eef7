import type { Db } from '../../db/database.ts';
import { openDueItems, type OpenItem } from '../../db/deals/payment-repo.ts';
import { daysOverdue } from '../../domain/deals/chasing.ts';
import { addDays } from '../../domain/deals/reservation.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { isSiteOffice } from './deal-access.ts';

export interface Arrear extends OpenItem {
  openCents: number;
  days: number;
}

/** `/deal arrears` (deputy, secretary, PM): every overdue item of the site, by owner, oldest first. */
export async function listArrears(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  viewerId: string;
}): Promise<Map<string, Arrear[]>> {
  if (!isSiteOffice(o.chart, o.viewerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'site office only', 'deal.arrears.not_allowed');
  const today = formatDate(o.clock.now(), o.chart.data.timezone);
  const items = await openDueItems(o.db, o.chart.data.orgId, addDays(today, -1));
  const byOwner = new Map<string, Arrear[]>();
  for (const item of items) {
    const list = byOwner.get(item.ownerId) ?? [];
    list.push({
      ...item,
      openCents: Math.max(0, item.amountCents - item.paidCents),
      days: daysOverdue(item.dueDate, today),
    });
    byOwner.set(item.ownerId, list);
  }
  return byOwner;
}
