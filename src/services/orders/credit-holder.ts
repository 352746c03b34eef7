import { findAccountByCode, type Account } from '../../db/accounts/account-repo.ts';
import { creditOf } from '../../db/accounts/credit-repo.ts';
import { moveExposure, readGroupExposure, type Exposure } from '../../db/orders/exposure-repo.ts';
import { overdueOf } from '../../db/orders/order-repo.ts';
import type { DbLike } from '../../db/unit-of-work.ts';

/**
 * Whose credit an account's orders are checked against: a distributor's own (it and its outlets
 * together); an outlet's distributor's, as an outlet cannot be rated; none for an outlet that belongs
 * to no distributor (its orders are not held for a rating it cannot have).
 */
export type CreditHolder = { kind: 'none' } | { kind: 'own' | 'distributor'; account: Account };

export async function creditHolderOf(db: DbLike, account: Account): Promise<CreditHolder> {
  if (account.kind !== 'outlet') return { kind: 'own', account };
  const distributor = account.distributorCode
    ? await findAccountByCode(db, account.orgId, account.distributorCode)
    : null;
  return distributor ? { kind: 'distributor', account: distributor } : { kind: 'none' };
}

/** The credit position of an account's holder as it stands: limit (undefined: unrated), exposure, overdue. */
export interface HolderPosition extends Exposure {
  limitCents: number | undefined;
  overdueCents: number;
  oldestDueOn: string | null;
}

/** The holder's limit, the exposure of it and its outlets, and what they owe overdue on `day`. */
export async function holderPosition(
  db: DbLike,
  o: { account: Account; holder: Exclude<CreditHolder, { kind: 'none' }>; day: string },
): Promise<HolderPosition> {
  const { holder } = o;
  const exposure = await readGroupExposure(db, {
    orgId: holder.account.orgId,
    accountId: holder.account.id,
    code: holder.account.code,
  });
  const credit = await creditOf(db, holder.account.id);
  const ids = [...new Set([holder.account.id, o.account.id])];
  const owed = await Promise.all(ids.map((id) => overdueOf(db, id, o.day)));
  const dues = owed.map((x) => x.oldestDueOn).filter((d): d is string => d !== null);
  return {
    ...exposure,
    limitCents: credit?.limitCents,
    overdueCents: owed.reduce((sum, x) => sum + x.cents, 0),
    oldestDueOn: dues.length > 0 ? dues.sort()[0] : null,
  };
}

/**
 * Locks the holder's exposure row to the commit (an outlet's order moves nothing on it): every order
 * checked against the same distributor waits here and then sees the one before it.
 */
export async function lockHolder(db: DbLike, holder: CreditHolder, now: Date): Promise<void> {
  if (holder.kind !== 'distributor') return;
  const { orgId, id } = holder.account;
  await moveExposure(db, { orgId, accountId: id, ordersCents: 0, receivableCents: 0, now });
}
