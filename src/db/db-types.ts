import type { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';

/** The one Prisma client of the app. Both providers share the same models, so one type serves. */
export type Db = SqliteClient;
/** Prisma's own transaction client: seen only inside db/ (sql-runner.ts, the org-file import). */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
/**
 * The client or Prisma's transaction, for db/'s internals only. Repositories take `DbLike` (the
 * client or the unit of work's `Unit`, see unit-of-work.ts); nothing above db/ sees a Prisma transaction.
 */
export type DbOrTx = Db | Tx;
