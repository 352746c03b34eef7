import { sql, type SqlQuery } from './sql-query.ts';
import type { SqlRunner } from './sql-runner.ts';

/** Tables whose new rows take an organisation's number in front of their unit's COMMIT. */
type NumberedTable = 'Visit' | 'Order';

/**
 * The new row's id taken from its table's sequence ahead of the INSERT, so that the stand-in number the
 * row holds until the COMMIT can be made of it (unique, as (orgId, number) must be): `before` goes in
 * front of the INSERT (a WITH), `id` in it.
 */
export function nextIdOf(table: NumberedTable): { before: SqlQuery; id: SqlQuery } {
  const next = `WITH "next" AS (SELECT nextval(pg_get_serial_sequence('"${table}"', 'id')) AS "id")`;
  return { before: { strings: [next], values: [] }, id: sql`(SELECT "id" FROM "next")` };
}

/** A runner that can send a read with the unit's next statement or its COMMIT: a PostgreSQL unit of work. */
type DeferringRunner = SqlRunner & Required<Pick<SqlRunner, 'deferRead'>>;

export const canDeferRead = (runner: SqlRunner): runner is DeferringRunner =>
  runner.provider === 'postgres' && runner.deferRead !== undefined;

/**
 * What a statement sent in front of the unit's next statement or COMMIT (deferRead) answers, read into
 * a value. It fails with the unit, whose caller hears of that: it is never left unhandled.
 */
export function valueAtCommit<T>(
  runner: DeferringRunner,
  query: SqlQuery,
  read: (rows: Record<string, unknown>[]) => T,
): Promise<T> {
  const value = runner.deferRead(query).then(read);
  value.catch(() => undefined);
  return value;
}
