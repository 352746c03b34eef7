import type { DbLike } from '../../db/unit-of-work.ts';
import { claimIntakeKey } from '../../db/delivery/intake-repo.ts';

export interface FirstSightingOptions {
  db: DbLike;
  /** X-Slack-Signature of a request whose signature checked out. */
  signature: string;
  now: Date;
}

/**
 * True the first time a signature is seen. Kept with the intake keys, in the database, so every
 * instance sharing it refuses a replay that another instance already served; the nightly prune
 * forgets them after a day, long past Slack's five-minute window.
 */
export function firstSightingOf({ db, signature, now }: FirstSightingOptions): Promise<boolean> {
  return claimIntakeKey(db, `sig:${signature}`, now);
}
