import type { SqlQuery } from './sql-query.ts';
import { runnerOf, type DbLike } from './sql-runner.ts';

/** A statement whose rows are read, and what its rows mean: built by a repository, sent with others (readTogether). */
export interface Read<T> {
  readonly query: SqlQuery;
  readonly read: (rows: Record<string, unknown>[]) => T;
}

type Results<T extends readonly Read<unknown>[]> = { -readonly [K in keyof T]: T[K] extends Read<infer R> ? R : never };

/**
 * Runs statements whose results are read, in order. On PostgreSQL's direct driver they go in ONE
 * round trip instead of one each (a pipeline: inside a unit of work, with the unit's pending writes
 * in front), each with its values as parameters, a preparedSql one by its prepared name. A later
 * statement sees an earlier one's writes (an INSERT … RETURNING, then reads of the same rows). On
 * SQLite, in-process, one after another.
 */
export async function readTogether<const T extends readonly Read<unknown>[]>(
  db: DbLike,
  reads: T,
): Promise<Results<T>> {
  const runner = runnerOf(db);
  const queries = reads.map((r) => r.query);
  const together = runner.allTogether ? await runner.allTogether(queries) : null;
  const rows = together ?? [];
  if (together === null) for (const query of queries) rows.push(await runner.all<Record<string, unknown>>(query));
  return reads.map((r, i) => r.read(rows[i])) as Results<T>;
}
