import type { Db } from '../../db/unit-of-work.ts';
import { pruneIntakeKeys } from '../../db/delivery/intake-repo.ts';
import { pruneChannelPace } from '../../db/delivery/outbox-repo.ts';

/** How long a delivery key is kept: Slack retries an event within the hour, never a day later. */
const KEEP_MS = 86_400_000;

/** Forgets delivery keys and channel paces no retry or post can need any more. */
export async function pruneDeliveryRecords(o: {
  db: Db;
  now: Date;
}): Promise<{ intakeKeys: number; channelPaces: number }> {
  const before = new Date(o.now.getTime() - KEEP_MS);
  return { intakeKeys: await pruneIntakeKeys(o.db, before), channelPaces: await pruneChannelPace(o.db, before) };
}
