import type { DbLike } from '../../db/unit-of-work.ts';
import { openNeeds } from '../../db/orders/replenishment-repo.ts';

/**
 * The accounts with an open replenishment need (補貨), by id: one reason an account is on the week's
 * call list. A parameter of the planner, so that a test may pass its own.
 */
export type OpenReplenishmentNeeds = (db: DbLike, orgId: number) => Promise<Set<number>>;

/** The organisation's open needs (`/order need`), urgent first, as the orders keep them. */
export const openReplenishmentNeedAccounts: OpenReplenishmentNeeds = async (db, orgId) =>
  new Set((await openNeeds(db, { orgId })).map((need) => need.accountId));
