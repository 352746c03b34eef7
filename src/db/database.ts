import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from '../generated/postgres/client.ts';
import { CONNECT_TIMEOUT_MS, PostgresDirect, type ConnectionErrorHandler } from './sql/postgres-direct.ts';
import { SqliteDirect } from './sql/sqlite-direct.ts';
import { attachDirectSql, directSqlOf, type DirectSql } from './sql/sql-runner.ts';
import type { Db } from './db-types.ts';

// kept in db-types.ts so that sql/ can name it without importing this file back; DbOrTx and Tx stay inside db/
export type { Db } from './db-types.ts';

export type Provider = 'sqlite' | 'postgres';

export function providerOf(databaseUrl: string): Provider {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgres' : 'sqlite';
}

/** SQLite's file path from a file: URL, relative to the working directory. */
export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '');
}

/**
 * The Prisma client, with a direct driver beside it for the hot paths (see db/sql): plain SQL
 * through `runnerOf(db)` skips Prisma's per-statement cost. `$disconnect` closes both.
 */
export function createDatabase(databaseUrl: string, options: { onConnectionError?: ConnectionErrorHandler } = {}): Db {
  if (providerOf(databaseUrl) === 'postgres') {
    const onError = options.onConnectionError ?? (() => undefined);
    // PrismaPg listens on its pool itself; these say so in the log. Both pools reconnect on the next query.
    const pool = { connectionString: databaseUrl, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
    const adapter = new PrismaPg(pool, { onPoolError: onError, onConnectionError: onError });
    return withDirectSql(new PostgresClient({ adapter }) as unknown as Db, new PostgresDirect(databaseUrl, 4, onError));
  }
  const file = sqlitePath(databaseUrl);
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // A generous busy timeout: another process (a benchmark, an operator's sqlite3) may hold the lock.
  const direct = new SqliteDirect();
  const adapter = direct.wrapFactory(new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 10_000 }));
  const client = new SqliteClient({ adapter });
  direct.onFirstUse(() => client.$connect());
  return withDirectSql(client, direct);
}

function withDirectSql(client: Db, direct: DirectSql): Db {
  attachDirectSql(client, direct);
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    await direct.close();
  };
  return client;
}

/**
 * SQLite in WAL mode with synchronous=NORMAL: a commit survives the bot crashing or being killed,
 * and skips the fsync per commit that only an OS crash or power cut would need.
 */
export async function tuneDatabase(db: Db, databaseUrl: string): Promise<void> {
  if (providerOf(databaseUrl) !== 'sqlite') return;
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  const direct = directSqlOf(db);
  const file = sqlitePath(databaseUrl);
  if (direct instanceof SqliteDirect && file !== ':memory:') await direct.checkpointInBackground(path.resolve(file));
}

/** Whether a Prisma error is a unique-constraint violation (P2002), on either provider. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'P2002') return true;
  const message = String((error as Error | null)?.message ?? '');
  return /Unique constraint failed|UNIQUE constraint failed|duplicate key value/i.test(message);
}
