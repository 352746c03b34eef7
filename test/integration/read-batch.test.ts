import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { sql } from '../../src/db/sql/sql-query.ts';
import { runnerOf } from '../../src/db/sql/sql-runner.ts';
import { readTogether } from '../../src/db/unit-of-work.ts';
import { sentDuring, statementsIn } from '../support/pg-sent.ts';
import { POSTGRES_AVAILABLE, createTestDatabaseUrl } from '../support/test-database.ts';

const numberRead = (n: number) => sql`SELECT ${n}::int AS "n"`;

describe.skipIf(!POSTGRES_AVAILABLE)('reads of many callers sharing round trips on PostgreSQL', () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.$disconnect();
    db = undefined;
  });

  async function open(): Promise<Db> {
    const url = await createTestDatabaseUrl('postgres');
    await migrateDatabase(url);
    db = createDatabase(url);
    return db;
  }

  it('sends reads asked for at once in a few round trips, and answers each caller its own rows', async () => {
    const db = await open();
    await runnerOf(db).all(numberRead(0)); // the pool's first connection is open
    const runner = runnerOf(db);
    const sent = await sentDuring(async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 4 === 3
            ? readTogether(db, [
                { query: numberRead(i), read: (rows) => Number(rows[0].n) },
                { query: numberRead(-i), read: (rows) => Number(rows[0].n) },
              ]).then(([a, b]) => a + b * 1000)
            : runner.all<{ n: number }>(numberRead(i)).then((rows) => rows[0].n),
        ),
      );
      expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? i - i * 1000 : i)));
    });
    expect(statementsIn(sent)).toHaveLength(50);
    // alone, each would have been a round trip of its own: 40
    expect(sent.length).toBeLessThanOrEqual(4);
  });

  it('fails only the read that failed: those sent after it in the same round trip are answered', async () => {
    const db = await open();
    const runner = runnerOf(db);
    const sent = await sentDuring(async () => {
      const outcomes = await Promise.allSettled([
        runner.all(numberRead(1)),
        runner.all(numberRead(2)),
        runner.all(sql`SELECT 1 / ${0}::int AS "n"`),
        runner.all(numberRead(4)),
        runner.all(numberRead(5)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/division by zero/);
      expect(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [(o.value[0] as { n: number }).n] : []))).toEqual([
        1, 2, 4, 5,
      ]);
    });
    // one round trip carried the failing read with reads behind it: the server skipped those, and they went again
    const withError = sent.find(({ text }) => text.includes('/'));
    const texts = statementsIn(withError ? [withError] : []).map((s) => s.text);
    expect(texts.findIndex((t) => t.includes('/'))).toBeLessThan(texts.length - 1);
    expect(statementsIn(sent).length).toBeGreaterThan(5);
  });

  it('sends a write through the same call on its own: another caller’s error cannot undo it', async () => {
    const db = await open();
    const runner = runnerOf(db);
    const at = new Date('2026-11-28T04:00:00Z');
    const outcomes = await Promise.allSettled([
      runner.all(sql`SELECT 1 / ${0}::int AS "n"`),
      runner.all(sql`INSERT INTO "IntakeKey" ("key", "receivedAt") VALUES (${'k1'}, ${at}) RETURNING "key"`),
      runner.all(sql`SELECT 1 / ${0}::int AS "n"`),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'rejected']);
    expect(await runner.all(sql`SELECT "key" FROM "IntakeKey"`)).toEqual([{ key: 'k1' }]);
  });

  it('answers a read with a list as one value (an array literal) on its own, as before', async () => {
    const db = await open();
    const rows = await runnerOf(db).all<{ n: number }>(sql`SELECT cardinality(${[4, 5, 6]}::int[]) AS "n"`);
    expect(rows).toEqual([{ n: 3 }]);
  });

  it('fails every read waiting when no connection can be had', async () => {
    const away = new URL(await createTestDatabaseUrl('postgres'));
    away.pathname = '/no_such_database_here';
    db = createDatabase(away.toString());
    const runner = runnerOf(db);
    const outcomes = await Promise.allSettled([runner.all(numberRead(1)), runner.all(numberRead(2))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/no_such_database_here/);
  });
});
