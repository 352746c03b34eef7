import { customersOwnedBy, searchCustomers, type Customer } from '../db/customer-repo.ts';
import type { DbOrTx } from '../db/database.ts';
import type { OrgChart } from '../domain/org/org-chart.ts';
import { normalisePhone } from '../domain/visits/phone.ts';

/** `/visit mine`: the asker's own customer files, newest visit first. */
export async function listMyCustomers(o: { db: DbOrTx; chart: OrgChart; askerId: string }): Promise<Customer[]> {
  return customersOwnedBy(o.db, o.chart.data.orgId, [o.askerId]);
}

/** `/visit <phone or name>`: files matching, only those whose owner the asker may see. */
export async function findCustomerFiles(o: { db: DbOrTx; chart: OrgChart; askerId: string; query: string }): Promise<Customer[]> {
  const phone = normalisePhone(o.query);
  const found = await searchCustomers(o.db, o.chart.data.orgId, phone ? { phone } : { name: o.query.trim() });
  return found.filter((customer) => o.chart.canSee(o.askerId, customer.ownerId));
}
