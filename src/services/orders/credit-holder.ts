import { findAccountByCode, type Account } from '../../db/accounts/account-repo.ts';
import { readCreditPosition, type CreditPosition } from '../../db/orders/credit-position-repo.ts';
import { exposureMovesWrite } from '../../db/orders/exposure-repo.ts';
import type { DbLike, Write } from '../../db/unit-of-work.ts';

/**
 * Whose credit an account's orders are checked against: a distributor's own (it and its outlets
 * together); an outlet's distributor's, as an outlet cannot be rated; none for an outlet that belongs
 * to no distributor (its orders are not held for a rating it cannot have).
 */
export type CreditHolder = { kind: 'none' } | { kind: 'own' | 'distributor'; account: Account };

export async function creditHolderOf(db: DbLike, account: Account): Promise<CreditHolder> {
  const distributor =
    account.kind === 'outlet' && account.distributorCode
      ? await findAccountByCode(db, account.orgId, account.distributorCode)
      : null;
  return creditHolderFrom(account, distributor);
}

/** creditHolderOf, the outlet's distributor (if any) already read. */
export function creditHolderFrom(account: Account, distributor: Account | null): CreditHolder {
  if (account.kind !== 'outlet') return { kind: 'own', account };
  return distributor ? { kind: 'distributor', account: distributor } : { kind: 'none' };
}

/** The credit position of an account's holder as it stands: limit (undefined: unrated), exposure, overdue. */
export type HolderPosition = CreditPosition;

/** The holder's limit, the exposure of it and its outlets, and what they owe overdue on `day`: one statement. */
export function holderPosition(
  db: DbLike,
  o: { account: Account; holder: Exclude<CreditHolder, { kind: 'none' }>; day: string },
): Promise<HolderPosition> {
  const { account: holder } = o.holder;
  return readCreditPosition(db, {
    orgId: holder.orgId,
    holderId: holder.id,
    holderCode: holder.code,
    owing: [...new Set([holder.id, o.account.id])],
    day: o.day,
  });
}

/**
 * An order's move of exposure as a write: the account's by the order, and first the holder's row (an
 * outlet's distributor, moved by nothing) so that it is locked to the commit: every order checked
 * against the same distributor waits there and then sees the one before it.
 */
export function orderExposureWrite(holder: CreditHolder, account: Account, ordersCents: number, now: Date): Write {
  const { orgId, id: accountId } = account;
  const order = { orgId, accountId, ordersCents, receivableCents: 0 };
  if (holder.kind !== 'distributor') return exposureMovesWrite([order], now);
  const lock = { orgId: holder.account.orgId, accountId: holder.account.id, ordersCents: 0, receivableCents: 0 };
  return exposureMovesWrite([lock, order], now);
}
