import type { DbOrTx } from './db-types.ts';
import { type SqlRunner, sqlTransaction } from './sql/sql-runner.ts';

/**
 * What a repository is handed inside a unit of work. Whether its statements go to the direct driver
 * or through Prisma is decided here, in db/, and is invisible to the services above.
 */
export type Unit = SqlRunner;

/**
 * The one way to run work all-or-nothing. The work must use the unit it is handed, never `db`:
 * on SQLite a statement outside would wait for this very transaction to end.
 */
export function transaction<T>(db: DbOrTx, work: (unit: Unit) => Promise<T>): Promise<T> {
  return sqlTransaction(db, work);
}
