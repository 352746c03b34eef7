import type { DbLike } from '../../db/unit-of-work.ts';
import { findCustomer, type Customer } from '../../db/visits/customer-repo.ts';
import type { OrgChart } from '../../domain/org/org-chart.ts';
import { AppError, ErrorCode } from '../../lib/app-error.ts';
import { mayWorkOnCustomer, refuseWhenDealDrives } from './move-customer-stage.ts';

export interface WorkableCustomerOptions {
  db: DbLike;
  chart: OrgChart;
  customerId: number;
  actorId: string;
  /** The stage the button moves to: refused before the modal when the file's deal drives that stage. */
  toStage?: string;
}

/**
 * The customer file a button acts on, before a modal asks for more (a contract amount, a reason):
 * not found outside the asker's organisation, forbidden to whoever may not move the deal.
 */
export async function loadWorkableCustomer({
  db,
  chart,
  customerId,
  actorId,
  toStage,
}: WorkableCustomerOptions): Promise<Customer> {
  const customer = await findCustomer(db, customerId);
  if (!customer || customer.orgId !== chart.data.orgId) {
    throw new AppError(ErrorCode.NotFound, { what: `#${customerId}` });
  }
  if (!mayWorkOnCustomer(chart, actorId, customer.ownerId)) {
    throw new AppError(ErrorCode.Forbidden, {}, 'not owner', 'customer.not_allowed');
  }
  if (toStage) await refuseWhenDealDrives(db, customer.id, toStage);
  return customer;
}
