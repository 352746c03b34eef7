import { isUniqueViolation } from '../database.ts';
import { sql, type SqlQuery } from '../sql/sql-query.ts';
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

/**
 * Claims several keys in one statement (plain SQL, one round trip, valid on SQLite and PostgreSQL):
 * the keys claimed now, which were not stored before. Keys must be distinct; at most a few hundred
 * (two parameters each, under SQLite's 999).
 */
export async function claimIntakeKeys(db: DbLike, keys: readonly string[], now: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = keys
    .map((key) => sql`(${key}, ${now})`)
    .reduce((list: SqlQuery, row, i) => (i === 0 ? row : sql`${list}, ${row}`));
  const claimed = await runnerOf(db).all<{ key: string }>(sql`
    INSERT INTO "IntakeKey" ("key", "receivedAt") VALUES ${rows}
    ON CONFLICT ("key") DO NOTHING RETURNING "key"`);
  return new Set(claimed.map((row) => row.key));
}

/** Keys older than Slack's retry horizon are no longer needed. */
export async function pruneIntakeKeys(db: DbLike, olderThan: Date): Promise<number> {
  return runnerOf(db).run(sql`DELETE FROM "IntakeKey" WHERE "receivedAt" < ${olderThan}`);
}
