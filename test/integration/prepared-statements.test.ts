import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { preparedSql, sql } from '../../src/db/sql/sql-query.ts';
import { directSqlOf, runnerOf } from '../../src/db/sql/sql-runner.ts';
import { POSTGRES_AVAILABLE, createTestDatabaseUrl } from '../support/test-database.ts';
import { sentDuring, statementsIn } from '../support/pg-sent.ts';

const keyOf = (key: string) => preparedSql(sql`SELECT "key" FROM "IntakeKey" WHERE "key" = ${key}`);

describe.skipIf(!POSTGRES_AVAILABLE)('prepared statements on PostgreSQL', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.$disconnect();
  });

  it('sends a hot statement by name, plans it once per connection, and answers each value rightly', async () => {
    const url = await createTestDatabaseUrl('postgres');
    await migrateDatabase(url);
    db = createDatabase(url);
    const now = new Date('2026-11-27T02:00:00Z');
    await runnerOf(db).run(sql`INSERT INTO "IntakeKey" ("key", "receivedAt") VALUES ('a', ${now}), ('b', ${now})`);
    const sent = await sentDuring(async () => {
      for (const key of ['a', 'b', 'c', 'a'])
        expect(await runnerOf(db!).all(keyOf(key))).toEqual(key === 'c' ? [] : [{ key }]);
      await runnerOf(db!).all(sql`SELECT "key" FROM "IntakeKey" WHERE "key" = ${'a'}`);
    });
    const statements = statementsIn(sent);
    const named = statements.filter((s) => s.name !== undefined);
    expect(named).toHaveLength(4);
    expect(new Set(named.map((s) => s.name)).size).toBe(1);
    expect(statements).toHaveLength(5); // the plain one goes unnamed
    // on one connection (a unit of work's), the statement is kept by the server once it has run
    const prepared = await directSqlOf(db)!.transaction(async (tx) => {
      await tx.all(sql`SELECT 1 AS "one"`);
      await tx.all(keyOf('b'));
      return tx.all<{ statement: string }>(sql`SELECT "statement" FROM pg_prepared_statements`);
    });
    expect(prepared.some((p) => p.statement.includes('FROM "IntakeKey" WHERE "key" = $1'))).toBe(true);
  });

  it('describes a prepared statement’s rows once per connection and reads every later row by that shape', async () => {
    const url = await createTestDatabaseUrl('postgres');
    await migrateDatabase(url);
    db = createDatabase(url);
    const at = (minute: number) => new Date(`2026-11-27T02:${String(minute).padStart(2, '0')}:00.123Z`);
    await runnerOf(db).run(sql`INSERT INTO "IntakeKey" ("key", "receivedAt") VALUES ('a', ${at(1)}), ('b', ${at(2)})`);
    const describes: unknown[] = [];
    const describe = pg.Connection.prototype.describe;
    pg.Connection.prototype.describe = function counted(this: pg.Connection, ...args: unknown[]) {
      describes.push(args[0]);
      return (describe as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof describe;
    try {
      const rows = await directSqlOf(db)!.transaction(async (tx) => {
        const read = (key: string) =>
          tx.all<{ key: string; receivedAt: Date; n: number }>(
            sql`SELECT "key", "receivedAt", 1 AS "n" FROM "IntakeKey" WHERE "key" = ${key}`,
          );
        const first = await read('a');
        const described = describes.length;
        const later = [await read('b'), await read('none'), await read('a')];
        expect(describes.length).toBe(described);
        return [first, ...later];
      });
      expect(rows).toEqual([
        [{ key: 'a', receivedAt: at(1), n: 1 }],
        [{ key: 'b', receivedAt: at(2), n: 1 }],
        [],
        [{ key: 'a', receivedAt: at(1), n: 1 }],
      ]);
      expect(rows[1][0].receivedAt).toBeInstanceOf(Date);
    } finally {
      pg.Connection.prototype.describe = describe;
    }
  });
});
