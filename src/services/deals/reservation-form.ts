import type { Db } from '../../db/database.ts';
import { listUnits, type Unit } from '../../db/deals/unit-repo.ts';
import { customersOwnedBy, findCustomer } from '../../db/visits/customer-repo.ts';
import { DEFAULT_DEAL_SETTINGS } from '../../domain/deals/deal-settings.ts';
import { addDays } from '../../domain/deals/reservation.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import type { Clock } from '../../lib/clock.ts';
import { formatDate } from '../../lib/format-time.ts';
import { mayActOnDeal } from './deal-access.ts';
import { requireSite } from './require-site.ts';

export interface ReservationForm {
  /** The file the deal opens from (a button on it), or those the asker may choose from. */
  customer?: { id: number; name: string };
  customers: { id: number; name: string }[];
  units: Unit[];
  today: string;
  signBy: string;
}

/**
 * What the 認購 modal offers: only available units, and the customer files the asker acts on (their
 * own, and their team's for a lead). Refused on a brand, or for a file the asker may not act on.
 */
export async function reservationForm(o: {
  db: Db;
  clock: Clock;
  chart: OrgChart;
  actorId: string;
  customerId?: number;
}): Promise<ReservationForm> {
  const { chart } = o;
  requireSite(chart);
  const orgId = chart.data.orgId;
  let customer: ReservationForm['customer'];
  let customers: ReservationForm['customers'] = [];
  if (o.customerId !== undefined) {
    const found = await findCustomer(o.db, o.customerId);
    if (!found || found.orgId !== orgId) throw new AppError(ErrorCode.NotFound, { what: `#${o.customerId}` });
    if (!mayActOnDeal(chart, o.actorId, found.ownerId))
      throw new AppError(ErrorCode.Forbidden, {}, 'not owner or chain', 'deal.not_allowed');
    customer = { id: found.id, name: found.name };
  } else {
    const owners = [o.actorId, ...chart.allReports(o.actorId)];
    customers = (await customersOwnedBy(o.db, orgId, owners, 100))
      .filter((c) => c.stage !== 'lost')
      .map((c) => ({ id: c.id, name: c.name }));
    if (customers.length === 0)
      throw new AppError(ErrorCode.InvalidInput, {}, 'no customer files', 'deal.no_customers');
  }
  const units = await listUnits(o.db, orgId, { state: 'available' });
  if (units.length === 0) throw new AppError(ErrorCode.InvalidInput, {}, 'no available unit', 'deal.no_units');
  const today = formatDate(o.clock.now(), chart.data.timezone);
  const days = (chart.data.deals ?? DEFAULT_DEAL_SETTINGS).sign_by_days;
  return { customer, customers, units, today, signBy: addDays(today, days) };
}
