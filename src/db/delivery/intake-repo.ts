import { isUniqueViolation } from '../database.ts';
import { sql } from '../sql/sql-query.ts';
import { runnerOf, type DbLike } from '../sql/sql-runner.ts';

/**
 * Claims a delivery key (an event_id, a trigger_id). True the first time; false for a retry or a
 * replay of the same delivery, which must then do nothing.
 */
export async function claimIntakeKey(db: DbLike, key: string, now: Date): Promise<boolean> {
  try {
    await runnerOf(db).run(sql`INSERT INTO "IntakeKey" ("key", "receivedAt") VALUES (${key}, ${now})`);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Keys older than Slack's retry horizon are no longer needed. */
export async function pruneIntakeKeys(db: DbLike, olderThan: Date): Promise<number> {
  return runnerOf(db).run(sql`DELETE FROM "IntakeKey" WHERE "receivedAt" < ${olderThan}`);
}
