import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqlitePath, type Provider } from './database.ts';
import { SQLITE_DATA_STEPS, renamedFrom } from './migration-repairs.ts';

/**
 * Applies the committed migrations in prisma/<provider>/migrations. `prisma migrate deploy` cannot
 * run on PostgreSQL through the JS engine here, so this runner does it, keeping Prisma's own
 * `_prisma_migrations` bookkeeping so the official CLI stays compatible.
 */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
}

const MIGRATIONS_ROOT = path.resolve(import.meta.dirname, '../../prisma');

export function readMigrations(provider: Provider, root = MIGRATIONS_ROOT): Migration[] {
  const dir = path.join(root, provider, 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(
      `Migration ${migration} was changed after it was applied (checksum differs). Create a new migration instead.`,
    );
  }
}

/** `migrations`: the committed ones by default; a test passes an older set to build an old database. */
export async function migrateDatabase(
  databaseUrl: string,
  migrations = readMigrations(providerOf(databaseUrl)),
): Promise<MigrateResult> {
  const provider = providerOf(databaseUrl);
  return provider === 'postgres' ? migratePostgres(databaseUrl, migrations) : migrateSqlite(databaseUrl, migrations);
}

function pending(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) throw new MigrationChecksumError(migration.name);
  }
  return migrations.filter((m) => !applied.has(m.name));
}

function migrateSqlite(databaseUrl: string, migrations: Migration[]): MigrateResult {
  const file = sqlitePath(databaseUrl);
  // a DATABASE_URL in a folder not made yet: make it, as the app's own connection would
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    db.transaction(() => {
      const rows = db
        .prepare(
          'SELECT migration_name, checksum FROM _prisma_migrations ' +
            'WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
        )
        .all() as { migration_name: string; checksum: string }[];
      const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      for (const migration of pending(migrations, done)) {
        const startedAt = new Date().toISOString();
        const renamed = renamedFrom(migration.name, done);
        db.exec(renamed ? renamed.bridge.sqlite : migration.sql);
        if (renamed)
          db.prepare('UPDATE _prisma_migrations SET rolled_back_at = ? WHERE migration_name = ?').run(
            startedAt,
            renamed.formerly,
          );
        SQLITE_DATA_STEPS[migration.name]?.(db);
        db.prepare(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, ' +
            'applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
        ).run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
        applied.push(migration.name);
      }
    }).immediate();
    return { applied };
  } finally {
    db.close();
  }
}

/** Same lock id as Prisma's migrate, so two instances starting together apply each migration once. */
const ADVISORY_LOCK_ID = 72707369;

async function migratePostgres(databaseUrl: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations ' +
        'WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
    );
    const applied: string[] = [];
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    for (const migration of pending(migrations, done)) {
      await client.query('BEGIN');
      try {
        const startedAt = new Date();
        const renamed = renamedFrom(migration.name, done);
        await client.query(renamed ? renamed.bridge.postgres : migration.sql);
        if (renamed)
          await client.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1', [
            renamed.formerly,
          ]);
        await client.query(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, ' +
            'applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)',
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query('COMMIT');
        applied.push(migration.name);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
