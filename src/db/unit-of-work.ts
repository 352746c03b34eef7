import type { Db } from './db-types.ts';
import { type DbLike, type SqlRunner, sqlTransaction } from './sql/sql-runner.ts';
// writes whose results nobody reads, sent in one statement on PostgreSQL (repositories build them)
export { writeTogether, type Write } from './sql/write-together.ts';
// reads sent in one round trip on PostgreSQL (repositories build them)
export { readTogether, type Read } from './sql/read-together.ts';

export type { Db, DbLike };

/**
 * What a repository is handed inside a unit of work: plain SQL on the transaction. Whether its
 * statements go to the direct driver or through Prisma is decided here, in db/, and is invisible to
 * the services above. Every repository takes `DbLike`: the client outside a unit, the unit inside.
 */
export type Unit = SqlRunner;

/**
 * The one way to run work all-or-nothing: `transaction(db, async (unit) => …)`. Services and jobs
 * never open a transaction any other way, and never see Prisma's.
 *
 * The one rule (written here and nowhere else): inside the work, pass `unit` to every repository,
 * never `db`. A statement on `db` runs outside the transaction: it does not see the work's writes, is
 * not rolled back with them, and on SQLite (one connection, held by the transaction) it waits for
 * this very transaction to end, which never comes. Nor open a second `transaction(db, …)` inside.
 */
export function transaction<T>(db: Db, work: (unit: Unit) => Promise<T>): Promise<T> {
  return sqlTransaction(db, work);
}
