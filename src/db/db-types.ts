import type { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';

/** The one Prisma client of the app. Both providers share the same models, so one type serves. */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
/** Either the client or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;
