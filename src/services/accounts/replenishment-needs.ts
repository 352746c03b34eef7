import type { DbLike } from '../../db/unit-of-work.ts';

/**
 * The accounts with an open replenishment need (補貨), by id: one reason an account is on the week's
 * call list. The orders work (issue 17) exports `openReplenishmentNeeds`; until it is merged this seam
 * answers none, and the job passes the real one in once it exists (src/jobs/account-jobs.ts).
 */
export type OpenReplenishmentNeeds = (db: DbLike, orgId: number) => Promise<Set<number>>;

export const noReplenishmentNeeds: OpenReplenishmentNeeds = async () => new Set();
