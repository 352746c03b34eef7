import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export type TestProvider = 'sqlite' | 'postgres';

/** The end-to-end suite runs a second time with two app instances on one PostgreSQL (vitest.config.ts). */
export const TWO_INSTANCES = process.env.E2E_INSTANCES === '2';

/**
 * Both providers, for describe.each: every database test runs on SQLite and on PostgreSQL. In the
 * two-instance run only PostgreSQL is left: SQLite is one process's database.
 */
export const PROVIDERS: TestProvider[] = TWO_INSTANCES ? ['postgres'] : ['sqlite', 'postgres'];

/** False on a machine without PostgreSQL (outside CI): its runs are skipped (global-setup.ts). */
export const POSTGRES_AVAILABLE = inject('postgresUrl') !== '';
if (!POSTGRES_AVAILABLE) PROVIDERS.splice(PROVIDERS.indexOf('postgres'), 1);

/** Where a test runs once: SQLite, or in the two-instance run PostgreSQL. */
export const ONE_PROVIDER: TestProvider = TWO_INSTANCES ? 'postgres' : 'sqlite';

let counter = 0;

/** A fresh, empty database of the provider; migrations are applied by whoever opens it. */
export async function createTestDatabaseUrl(provider: TestProvider): Promise<string> {
  counter += 1;
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-sqlite-'));
    return `file:${path.join(dir, 'test.db')}`;
  }
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('No PostgreSQL for tests: the global setup did not start one');
  const name = `t_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return adminUrl.replace(/\/[^/]*$/, `/${name}`);
}
