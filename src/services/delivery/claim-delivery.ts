import type { DbLike } from '../../db/unit-of-work.ts';
import { claimIntakeKey } from '../../db/delivery/intake-repo.ts';

export interface ClaimDeliveryOptions {
  db: DbLike;
  /** the delivery's own key, e.g. `event:Ev123` */
  key: string;
  now: Date;
}

/** True the first time a delivery is seen; false for Slack's retry of it, which must do nothing. */
export function claimDelivery({ db, key, now }: ClaimDeliveryOptions): Promise<boolean> {
  return claimIntakeKey(db, key, now);
}
