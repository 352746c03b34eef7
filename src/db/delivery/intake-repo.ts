import { isUniqueViolation } from '../database.ts';
import { sql, type SqlQuery } from '../sql/sql-query.ts';
import { directSqlOf, runnerOf, type DbLike } from '../sql/sql-runner.ts';
import { asWrite, type Write } from '../sql/write-together.ts';

/**
 * Claims a delivery key (an event_id, a trigger_id). True the first time; false for a retry or a
 * replay of the same delivery, which must then do nothing.
 */
export async function claimIntakeKey(db: DbLike, key: string, now: Date): Promise<boolean> {
  try {
    await runnerOf(db).run(intakeKeyWrite(key, now));
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * claimIntakeKey as a write to send with the unit's next statement (writeTogether): a key already
 * claimed fails the unit with a unique violation, which intakeKeyTaken then tells from any other.
 */
export const intakeKeyWrite = (key: string, now: Date): Write =>
  asWrite(sql`INSERT INTO "IntakeKey" ("key", "receivedAt") VALUES (${key}, ${now})`);

/** Whether the key has been claimed (by a unit that committed). */
export async function intakeKeyTaken(db: DbLike, key: string): Promise<boolean> {
  const rows = await runnerOf(db).all(sql`SELECT 1 AS "taken" FROM "IntakeKey" WHERE "key" = ${key}`);
  return rows.length > 0;
}

export interface ClaimedKeys {
  claimed: Set<string>;
  /** The organisation's chart version, read by the same statement when asked for (null: no such row). */
  chartVersion?: number | null;
}

/**
 * Claims several keys in one statement (plain SQL, one round trip): the keys claimed now, which were
 * not stored before. Keys must be distinct; at most a few hundred (two parameters each, under
 * SQLite's 999). With `chartVersionOf`, the same round trip also reads that organisation's chart
 * version (on PostgreSQL one statement; SQLite, in process, runs a second).
 */
export async function claimIntakeKeys(
  db: DbLike,
  keys: readonly string[],
  now: Date,
  chartVersionOf?: number,
): Promise<ClaimedKeys> {
  if (keys.length === 0) return { claimed: new Set() };
  const rows = keys
    .map((key) => sql`(${key}, ${now})`)
    .reduce((list: SqlQuery, row, i) => (i === 0 ? row : sql`${list}, ${row}`));
  const insert = sql`INSERT INTO "IntakeKey" ("key", "receivedAt") VALUES ${rows} ON CONFLICT ("key") DO NOTHING`;
  const version = sql`SELECT "chartVersion" FROM "Organisation" WHERE "id" = ${chartVersionOf ?? null}`;
  const runner = runnerOf(db);
  if (chartVersionOf === undefined || directSqlOf(db)?.provider !== 'postgres') {
    const claimed = await runner.all<{ key: string }>(sql`${insert} RETURNING "key"`);
    const read =
      chartVersionOf === undefined ? undefined : await runner.all<{ chartVersion: number | bigint }>(version);
    return { claimed: new Set(claimed.map((r) => r.key)), chartVersion: versionFrom(read) };
  }
  // one statement: the version is read after every request of the batch arrived, as a read of its own would be
  const both = await runner.all<{ key: string | null; chartVersion: number | bigint | null }>(sql`
    WITH "claimed" AS (${insert} RETURNING "key")
    SELECT "key", NULL AS "chartVersion" FROM "claimed"
    UNION ALL SELECT NULL, "chartVersion" FROM "Organisation" WHERE "id" = ${chartVersionOf}`);
  const claimed = new Set(both.flatMap((r) => (r.key === null ? [] : [r.key])));
  return { claimed, chartVersion: versionFrom(both.filter((r) => r.key === null)) };
}

function versionFrom(rows: { chartVersion: number | bigint | null }[] | undefined): number | null | undefined {
  if (!rows) return undefined;
  return rows[0]?.chartVersion == null ? null : Number(rows[0].chartVersion);
}

/** Keys older than Slack's retry horizon are no longer needed. */
export async function pruneIntakeKeys(db: DbLike, olderThan: Date): Promise<number> {
  return runnerOf(db).run(sql`DELETE FROM "IntakeKey" WHERE "receivedAt" < ${olderThan}`);
}
