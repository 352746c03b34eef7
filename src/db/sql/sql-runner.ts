import { Prisma } from '../../generated/sqlite/client.ts';
import type { Db, DbOrTx } from '../db-types.ts';
import type { SqlQuery } from './sql-query.ts';

/** Runs plain SQL: the direct driver, a direct transaction, or Prisma (inside its transactions). */
export interface SqlRunner {
  readonly kind: 'sql-runner';
  /** Which database runs the statements; unknown on a Prisma client opened without the direct driver. */
  readonly provider?: 'sqlite' | 'postgres';
  all<Row = Record<string, unknown>>(query: SqlQuery): Promise<Row[]>;
  /** The number of rows changed. */
  run(query: SqlQuery): Promise<number>;
  /**
   * Only inside a PostgreSQL transaction on the direct driver: a write whose result nobody reads,
   * sent in front of the next statement or of the COMMIT (one round trip fewer). Its failure fails
   * that statement (or the commit), so the whole unit. False when it cannot be: the caller sends it
   * itself. Writes use writeTogether, not this.
   */
  defer?(query: SqlQuery): boolean;
  /**
   * Only inside a PostgreSQL transaction on the direct driver: a statement whose rows are read, sent
   * in front of the unit's next statement or of its COMMIT (see BatchingTransaction.deferRead).
   */
  deferRead?(query: SqlQuery): Promise<Record<string, unknown>[]>;
  /**
   * Only on PostgreSQL's direct driver: statements whose results are read, sent in order in ONE round
   * trip (a pipeline on the extended protocol), each one's rows returned. Null when they cannot be: the
   * caller sends them one by one. Reads use readTogether.
   */
  allTogether?(queries: SqlQuery[]): Promise<Record<string, unknown>[][] | null>;
}

/** The database driven directly, without Prisma's per-statement cost: for the hot paths. */
export interface DirectSql extends SqlRunner {
  readonly provider: 'sqlite' | 'postgres';
  /** All or nothing. On SQLite nothing else touches the connection until it ends. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A repository's database argument: the app's client (outside a unit of work) or the unit that
 * `transaction(db, …)` hands out. Named `DbLike` for every repository; see db/unit-of-work.ts.
 */
export type DbLike = Db | SqlRunner;

const directOf = new WeakMap<object, DirectSql>();

/** Links the app's Prisma client with the direct driver opened beside it. */
export function attachDirectSql(db: object, direct: DirectSql): void {
  directOf.set(db, direct);
}

export function isSqlRunner(db: DbLike | DbOrTx): db is SqlRunner {
  return (db as SqlRunner).kind === 'sql-runner';
}

/**
 * Plain SQL on whatever the caller holds: the app's client goes to the direct driver beside it,
 * while a Prisma transaction keeps its statements inside that transaction.
 */
export function runnerOf(db: DbLike | DbOrTx): SqlRunner {
  if (isSqlRunner(db)) return db;
  return directOf.get(db) ?? prismaRunner(db);
}

/** The direct driver beside the app's client; null for a client opened without one. */
export function directSqlOf(db: DbLike): DirectSql | null {
  return isSqlRunner(db) ? null : (directOf.get(db) ?? null);
}

function prismaRunner(db: DbOrTx): SqlRunner {
  return {
    kind: 'sql-runner',
    all: <Row>(query: SqlQuery) => db.$queryRaw<Row[]>(new Prisma.Sql(query.strings, query.values)),
    run: (query: SqlQuery) => db.$executeRaw(new Prisma.Sql(query.strings, query.values)),
  };
}

/**
 * A transaction on the direct driver when the client has one, else a Prisma transaction seen
 * through plain SQL; either way the work only writes SQL. Only db/unit-of-work.ts calls this.
 */
export async function sqlTransaction<T>(db: Db, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  const direct = directSqlOf(db);
  if (direct) return direct.transaction(work);
  return db.$transaction((tx) => work(prismaRunner(tx)));
}

/** Dates come back as Date (Prisma), ISO text (SQLite) or Date (pg). */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/**
 * Reads a table's rows as plain SQL returns them on any path: integers may come back as BigInt or
 * text and dates as text, so the named columns are turned into numbers and Dates (null stays null).
 */
export function rowReader<T>(columns: {
  numbers: (keyof T & string)[];
  dates: (keyof T & string)[];
}): (row: Record<string, unknown>) => T {
  return (row) => {
    const out: Record<string, unknown> = { ...row };
    for (const name of columns.numbers) out[name] = toNumberOrNull(row[name]);
    for (const name of columns.dates) out[name] = toDateOrNull(row[name]);
    return out as T;
  };
}
