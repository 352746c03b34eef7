import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, sqlitePath, tuneDatabase, type Db } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { enqueueMessage, findDue } from '../../src/db/delivery/outbox-repo.ts';
import { sql, sqlAssignments, sqlList, renderSql } from '../../src/db/sql/sql-query.ts';
import { directSqlOf, runnerOf, sqlTransaction, type SqlRunner } from '../../src/db/sql/sql-runner.ts';
import { createVisit, findVisit, transitionVisitReturning } from '../../src/db/visits/visit-repo.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe('sql templates', () => {
  it('splices nested statements and lists, numbering placeholders for PostgreSQL', () => {
    const filter = sql` AND "channel" NOT IN (${sqlList(['C1', 'C2'])})`;
    const query = sql`SELECT * FROM "OutboxMessage" WHERE "status" = ${'pending'}${filter} LIMIT ${5}`;
    expect(query.values).toEqual(['pending', 'C1', 'C2', 5]);
    expect(renderSql(query, 'dollar')).toBe(
      'SELECT * FROM "OutboxMessage" WHERE "status" = $1 AND "channel" NOT IN ($2, $3) LIMIT $4',
    );
    expect(renderSql(query, 'question')).toBe(
      'SELECT * FROM "OutboxMessage" WHERE "status" = ? AND "channel" NOT IN (?, ?) LIMIT ?',
    );
  });

  it('refuses a column name that is not on the list, so input never names a column', () => {
    expect(() => sqlAssignments({ 'status" = 1; --': 'x' }, new Set(['status']))).toThrow(/not a column/);
    expect(renderSql(sqlAssignments({ status: 'a', note: undefined }, new Set(['status', 'note'])), 'dollar')).toBe(
      '"status" = $1',
    );
  });
});

describe.each(PROVIDERS)('the direct driver beside Prisma on %s', (provider) => {
  let db: Db | undefined;
  const zone = process.env.TZ;
  afterEach(async () => {
    process.env.TZ = zone;
    await db?.$disconnect();
  });

  let url = '';
  async function open(): Promise<Db> {
    url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    db = createDatabase(url);
    await tuneDatabase(db, url);
    return db;
  }

  it('a decision moves a registration and reads it back in one statement; a second click moves nothing', async () => {
    const db = await open();
    const at = new Date('2026-11-26T02:00:00.000Z');
    const blank = {
      customerName: '王先生',
      phone: '+8613900000001',
      budget: '',
      unitType: '',
      notes: '',
      account: '',
      purpose: '',
      outcome: '',
      nextStep: '',
    };
    const filed = await createVisit(db, {
      ...blank,
      orgId: 1,
      kind: 'property',
      filerId: 'U0SALES001',
      approverId: 'U0TLEAD001',
      customerId: null,
      visitAt: at,
      partySize: 2,
      source: 'walk_in',
      visitType: 'first',
      grade: 'B',
      status: 'pending',
      contestedOwnerId: null,
      sourceViewId: 'V1',
      createdAt: at,
      updatedAt: at,
    });
    let statements = 0;
    const counted = (tx: SqlRunner): SqlRunner => ({
      kind: 'sql-runner',
      all: (query) => {
        statements += 1;
        return tx.all(query);
      },
      run: (query) => {
        statements += 1;
        return tx.run(query);
      },
    });
    const decided = { status: 'approved' as const, decidedBy: 'U0TLEAD001', decidedAt: at, updatedAt: at };
    const moved = await sqlTransaction(db, (tx) =>
      transitionVisitReturning(counted(tx), filed.id, ['pending'], decided),
    );
    expect(statements).toBe(1);
    expect(moved).toEqual(await findVisit(db, filed.id));
    expect(moved).toMatchObject({ status: 'approved', decidedBy: 'U0TLEAD001', customerName: '王先生' });
    expect(moved?.decidedAt?.toISOString()).toBe(at.toISOString());
    expect(await sqlTransaction(db, (tx) => transitionVisitReturning(tx, filed.id, ['pending'], decided))).toBeNull();
  });

  it('writes rows Prisma reads back unchanged, dates included, whatever the machine time zone', async () => {
    const db = await open();
    process.env.TZ = 'Asia/Taipei';
    const at = new Date('2026-11-26T23:30:00.123Z');
    const { id } = await enqueueMessage(
      db,
      { method: 'chat.postMessage', channel: 'C1', args: { text: '你好 <!channel>' } },
      at,
    );
    const viaPrisma = await db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(viaPrisma.nextAttemptAt.toISOString()).toBe(at.toISOString());
    expect(JSON.parse(viaPrisma.payload)).toEqual({ text: '你好 <!channel>' });
    const [viaDirect] = await findDue(db, new Date('2026-11-27T00:00:00Z'), 10);
    expect(viaDirect).toEqual(viaPrisma);
    expect(directSqlOf(db)?.provider).toBe(provider);
  });

  it('rolls a direct transaction back whole, and a Prisma write issued meanwhile stays outside it', async () => {
    const db = await open();
    const now = new Date('2026-11-26T02:00:00Z');
    let prismaWrite: Promise<unknown> | undefined;
    await expect(
      sqlTransaction(db, async (tx) => {
        await enqueueMessage(tx, { method: 'chat.postMessage', channel: 'C-direct', args: {} }, now);
        // a Prisma query starts only when awaited or then-ed
        prismaWrite = db.intakeKey
          .create({ data: { key: 'written-meanwhile', receivedAt: now } })
          .then(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await prismaWrite;
    expect(await db.outboxMessage.count({ where: { channel: 'C-direct' } })).toBe(0);
    expect(await db.intakeKey.count({ where: { key: 'written-meanwhile' } })).toBe(1);
  });

  it('keeps a direct write issued during a Prisma transaction out of that transaction', async () => {
    const db = await open();
    const now = new Date('2026-11-26T02:00:00Z');
    let directWrite: Promise<unknown> | undefined;
    await expect(
      db.$transaction(async (tx) => {
        await tx.intakeKey.create({ data: { key: 'rolled-back', receivedAt: now } });
        directWrite = runnerOf(db).run(sql`INSERT INTO "IntakeKey" ("key", "receivedAt") VALUES (${'kept'}, ${now})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await directWrite;
    expect((await db.intakeKey.findMany()).map((k) => k.key)).toEqual(['kept']);
  });

  it.runIf(provider === 'sqlite')(
    'checkpoints the write-ahead log from a worker, not from the bot connection',
    async () => {
      const db = await open();
      const file = sqlitePath(url);
      const before = statSync(file).size;
      const now = new Date('2026-11-26T02:00:00Z');
      for (let i = 0; i < 300; i += 1)
        await enqueueMessage(db, { method: 'chat.postMessage', channel: 'C1', args: { text: 'x'.repeat(2_000) } }, now);
      const [setting] = await runnerOf(db).all<{ wal_autocheckpoint: number }>(sql`PRAGMA wal_autocheckpoint`);
      expect(setting.wal_autocheckpoint).toBe(0);
      expect(existsSync(`${file}-wal`)).toBe(true);
      // the rows reach the database file itself only through a checkpoint
      await expect.poll(() => statSync(file).size - before, { timeout: 5_000, interval: 100 }).toBeGreaterThan(500_000);
    },
  );
});
