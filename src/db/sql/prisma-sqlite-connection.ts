import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';

export type PrismaSqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;

/**
 * The better-sqlite3 connection inside Prisma's SQLite adapter, which the direct path shares (see
 * sqlite-direct.ts). @prisma/adapter-better-sqlite3 (6.19) has no supported way to hand it out or to
 * take one in, so this reads the adapter's `client` field: the one place in the code that relies on
 * Prisma's internals. test/unit/prisma-sqlite-connection.test.ts fails when an upgrade moves it, and
 * so does this function, at the first statement, rather than letting the two paths drift apart.
 */
export function connectionOfPrismaAdapter(adapter: PrismaSqliteAdapter): BetterSqlite3.Database {
  const client = (adapter as unknown as { client?: unknown }).client;
  if (!isConnection(client))
    throw new Error(
      "Prisma's SQLite adapter no longer keeps its better-sqlite3 connection in `client` " +
        '(was @prisma/adapter-better-sqlite3 upgraded?): the direct SQL path cannot share it. ' +
        'See src/db/sql/prisma-sqlite-connection.ts.',
    );
  return client;
}

function isConnection(value: unknown): value is BetterSqlite3.Database {
  const connection = value as Partial<BetterSqlite3.Database> | null | undefined;
  return (
    typeof connection === 'object' &&
    connection !== null &&
    typeof connection.prepare === 'function' &&
    typeof connection.inTransaction === 'boolean' &&
    connection.open === true
  );
}
