import { drivingDealOf } from '../../db/deals/deal-repo.ts';
import {
  customerNameCandidates,
  customersOwnedBy,
  searchCustomers,
  type Customer,
} from '../../db/visits/customer-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { nameMatches, nameSearchCharacters, nameSearchKey } from '../../domain/visits/customer-name.ts';
import { normalisePhone } from '../../domain/visits/phone.ts';

/** `/visit mine`: the asker's own customer files, newest visit first. */
export async function listMyCustomers(o: { db: DbLike; chart: OrgChart; askerId: string }): Promise<Customer[]> {
  return customersOwnedBy(o.db, o.chart.data.orgId, [o.askerId]);
}

/** At most this many files answer a name search. */
export const NAME_SEARCH_LIMIT = 20;

/**
 * `/visit <phone or name>`: files matching, only those whose owner the asker may see. A name matches
 * in part, ignoring emoji and spaces; the files the asker may not see are left out before the
 * limit, so others' namesakes never crowd out the asker's own.
 */
export async function findCustomerFiles(o: {
  db: DbLike;
  chart: OrgChart;
  askerId: string;
  query: string;
}): Promise<Customer[]> {
  const { chart, askerId } = o;
  const phone = normalisePhone(o.query);
  const visible = (customer: Customer) => chart.canSee(askerId, customer.ownerId);
  if (phone) return (await searchCustomers(o.db, chart.data.orgId, { phone })).filter(visible);
  if (!nameSearchKey(o.query)) return [];
  const everyone = chart.isLeadership(askerId) || chart.isSiteWide(askerId);
  const candidates = await customerNameCandidates(o.db, chart.data.orgId, {
    ownerIds: everyone ? undefined : chart.visibleTo(askerId),
    containing: nameSearchCharacters(o.query),
    take: 2000,
  });
  return candidates.filter((c) => visible(c) && nameMatches(c.name, o.query)).slice(0, NAME_SEARCH_LIMIT);
}

/** The deal driving a file the asker opened (its state shows on the card instead of the stage buttons). */
export function dealDrivingFile(db: DbLike, customerId: number): Promise<{ id: number; stage: string } | null> {
  return drivingDealOf(db, customerId);
}
