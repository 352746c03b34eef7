import { isUniqueViolation, type DbOrTx } from '../database.ts';

/**
 * Claims a delivery key (an event_id, a trigger_id). True the first time; false for a retry or a
 * replay of the same delivery, which must then do nothing.
 */
export async function claimIntakeKey(db: DbOrTx, key: string, now: Date): Promise<boolean> {
  try {
    await db.intakeKey.create({ data: { key, receivedAt: now } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Keys older than Slack's retry horizon are no longer needed. */
export async function pruneIntakeKeys(db: DbOrTx, olderThan: Date): Promise<number> {
  const { count } = await db.intakeKey.deleteMany({ where: { receivedAt: { lt: olderThan } } });
  return count;
}
