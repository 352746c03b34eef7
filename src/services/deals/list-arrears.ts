import type { Db } from '../../db/database.ts';
import { arrearsByOwner } from '../../db/deals/arrears-repo.ts';
import type { OpenItem } from '../../db/deals/payment-repo.ts';
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

/** One owner's arrears: how many items, what is open on them, and the oldest ARREARS_SHOWN in full. */
export interface OwnerArrears {
  count: number;
  openCents: number;
  items: Arrear[];
}

/** Items listed per owner: the rest are counted and summed, not listed. */
export const ARREARS_SHOWN = 30;

/** `/deal arrears` (deputy, secretary, PM): every overdue item of the site, by owner, oldest first. */
export async function listArrears(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  viewerId: string;
}): Promise<Map<string, OwnerArrears>> {
  if (!isSiteOffice(o.chart, o.viewerId))
    throw new AppError(ErrorCode.Forbidden, {}, 'site office only', 'deal.arrears.not_allowed');
  const today = formatDate(o.clock.now(), o.chart.data.timezone);
  const owners = await arrearsByOwner(o.db, o.chart.data.orgId, addDays(today, -1), ARREARS_SHOWN);
  return new Map(
    owners.map((owner) => [
      owner.ownerId,
      {
        count: owner.count,
        openCents: owner.openCents,
        items: owner.items.map((item) => ({
          ...item,
          openCents: Math.max(0, item.amountCents - item.paidCents),
          days: daysOverdue(item.dueDate, today),
        })),
      },
    ]),
  );
}
