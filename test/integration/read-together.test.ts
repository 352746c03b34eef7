import { afterEach, describe, expect, it } from 'vitest';
import { auditWrite } from '../../src/db/audit-repo.ts';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { preparedSql, sql } from '../../src/db/sql/sql-query.ts';
import { readTogether, transaction, writeTogether, type Read } from '../../src/db/unit-of-work.ts';
import { sentDuring } from '../support/sent-statements.ts';
import { POSTGRES_AVAILABLE, PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

const at = new Date('2026-11-28T02:00:00.123Z');

/** An audit entry stored, and its id read back. */
const insertAudit = (subject: string): Read<number> => ({
  query: sql`INSERT INTO "AuditEntry" ("orgId", "actor", "action", "subject", "detail", "at")
    VALUES (${1}, ${'U1'}, ${'test'}, ${subject}, ${'{}'}, ${at}) RETURNING "id"`,
  read: (rows) => Number(rows[0].id),
});

const subjects: Read<string[]> = {
  query: sql`SELECT "subject" FROM "AuditEntry" ORDER BY "id"`,
  read: (rows) => rows.map((r) => String(r.subject)),
};

const countOf = (subject: string): Read<number> => ({
  query: sql`SELECT COUNT(*) AS "n" FROM "AuditEntry" WHERE "subject" = ${subject}`,
  read: (rows) => Number(rows[0].n),
});

describe.each(PROVIDERS)('reads sent together on %s', (provider) => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.$disconnect();
    db = undefined;
  });

  async function open(): Promise<Db> {
    if (provider === 'postgres' && !POSTGRES_AVAILABLE) throw new Error('PostgreSQL is not available');
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    db = createDatabase(url);
    return db;
  }

  it('answers each read in order, a later one seeing an earlier write and the unit’s pending writes', async () => {
    const db = await open();
    const { result, texts } = await sentDuring(() =>
      transaction(db, async (unit) => {
        await writeTogether(unit, [auditWrite({ orgId: 1, actor: 'U1', action: 'test', subject: 'first', at })]);
        return readTogether(unit, [insertAudit("王'先生"), subjects, countOf('first')]);
      }),
    );
    const [id, seen, firsts] = result;
    expect(seen).toEqual(['first', "王'先生"]);
    expect(firsts).toBe(1);
    expect((await db.auditEntry.findUniqueOrThrow({ where: { id } })).subject).toBe("王'先生");
    // PostgreSQL: BEGIN, the pending write and the three reads in one round trip, then the COMMIT
    if (provider === 'postgres') expect(texts).toHaveLength(2);
  });

  it('reads outside a unit of work in one round trip on PostgreSQL', async () => {
    const db = await open();
    await db.auditEntry.create({ data: { orgId: 1, actor: 'U1', action: 'test', subject: 'a', detail: '{}', at } });
    const { result, texts } = await sentDuring(() => readTogether(db, [countOf('a'), countOf('b'), subjects]));
    expect(result).toEqual([1, 0, ['a']]);
    if (provider === 'postgres') expect(texts).toHaveLength(1);
  });

  it('sends values as parameters: bytes, quotes and all, in the same round trip', async () => {
    const db = await open();
    const typed = provider === 'postgres' ? sql`::bytea` : sql``;
    const bytes: Read<number> = {
      query: sql`SELECT COUNT(*) AS "n" FROM "AuditEntry"
        WHERE "subject" = ${"x'; --"} OR ${Buffer.from('x')}${typed} IS NULL`,
      read: (rows) => Number(rows[0].n),
    };
    const { result, texts } = await sentDuring(() =>
      transaction(db, (unit) => readTogether(unit, [insertAudit("x'; --"), bytes, countOf("x'; --")])),
    );
    expect(result.slice(1)).toEqual([1, 1]);
    if (provider === 'postgres') expect(texts).toHaveLength(2);
  });

  it('keeps a prepared read by its name: prepared once on the connection, then bound with the others', async () => {
    const db = await open();
    const prepared = (subject: string): Read<number> => ({
      query: preparedSql(sql`SELECT COUNT(*) AS "n" FROM "AuditEntry" WHERE "subject" = ${subject}`),
      read: (rows) => Number(rows[0].n),
    });
    const { result, texts } = await sentDuring(() =>
      transaction(db, async (unit) => {
        const first = await readTogether(unit, [insertAudit('p'), prepared('p')]);
        const again = await readTogether(unit, [prepared('p'), prepared('q'), subjects]);
        const statements =
          provider === 'postgres'
            ? await unit.all<{ n: number }>(sql`SELECT COUNT(*) AS "n" FROM pg_prepared_statements
                WHERE "statement" LIKE ${'%FROM "AuditEntry" WHERE "subject" = $1%'}`)
            : [{ n: 1 }];
        return [...first, ...again.slice(0, 2), Number(statements[0].n)];
      }),
    );
    expect(result.slice(1)).toEqual([1, 1, 0, 1]);
    // PostgreSQL: the two pipelines (the first one parses the prepared read by its name), the count, the COMMIT
    if (provider === 'postgres') expect(texts).toHaveLength(4);
  });

  it('prepares again a statement whose pipeline failed before the server parsed it', async () => {
    const db = await open();
    const fresh = (subject: string): Read<number> => ({
      query: preparedSql(sql`SELECT COUNT(*) + 0 AS "n" FROM "AuditEntry" WHERE "subject" = ${subject}`),
      read: (rows) => Number(rows[0].n),
    });
    const failing: Read<number> = { query: sql`SELECT "n" FROM "NoSuchTable"`, read: (rows) => Number(rows[0].n) };
    for (let i = 0; i < 4; i += 1)
      await expect(transaction(db, (unit) => readTogether(unit, [failing, fresh('f')]))).rejects.toThrow(
        /NoSuchTable/i,
      );
    // every connection of the pool: the statement the failed pipelines never got to is parsed when next asked
    const counts = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => transaction(db, (unit) => readTogether(unit, [fresh('f'), fresh('g')]))),
    );
    expect(counts).toEqual(Array.from({ length: 6 }, () => [0, 0]));
  });

  it.runIf(provider === 'postgres')('refuses a list as one value before sending anything, and goes on', async () => {
    const db = await open();
    const list: Read<number> = {
      query: sql`SELECT COUNT(*) AS "n" FROM "AuditEntry" WHERE "subject" = ${['a', 'b']}`,
      read: (rows) => Number(rows[0].n),
    };
    await expect(transaction(db, (unit) => readTogether(unit, [insertAudit('kept?'), list]))).rejects.toThrow(
      /a list is not one parameter/,
    );
    expect(await readTogether(db, [countOf('kept?'), subjects])).toEqual([0, []]);
  });
});
