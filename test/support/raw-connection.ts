import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestProvider } from './test-database.ts';

/** A raw connection that runs statements and reads rows, on either provider (for migration tests). */
export async function connectRaw(provider: TestProvider, url: string) {
  if (provider === 'sqlite') {
    const db = new Database(url.replace(/^file:/, ''));
    return {
      exec: async (sql: string) => void db.exec(sql),
      all: async (sql: string) => db.prepare(sql).all() as Record<string, unknown>[],
      close: async () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    exec: async (sql: string) => void (await client.query(sql)),
    all: async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[],
    close: () => client.end(),
  };
}
