import pg from 'pg';
// the same throwaway server the tests start: reused, not copied
import { startTempPostgres } from '../test/support/postgres-server.ts';
import { createDatabaseIn } from './postgres.ts';

/**
 * Runs `work` on a database of its own, named `prefix_<pid>_<time>`, on a throwaway PostgreSQL server
 * (or BENCH_POSTGRES_URL's, where the database is dropped after).
 */
export async function onOwnPostgresDatabase<T>(prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const server = process.env.BENCH_POSTGRES_URL ? undefined : await startTempPostgres();
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? server!.url;
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  try {
    return await work(await createDatabaseIn(adminUrl, name));
  } finally {
    if (!server) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
    server?.stop();
  }
}
