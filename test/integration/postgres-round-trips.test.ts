import { afterEach, describe, expect, it } from 'vitest';
import { auditWrite, recordAudit } from '../../src/db/audit-repo.ts';
import { insertDueItem, recordDealChange } from '../../src/db/deals/deal-repo.ts';
import { setItemPaid } from '../../src/db/deals/payment-repo.ts';
import { recordUnitChange } from '../../src/db/deals/unit-repo.ts';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { sql } from '../../src/db/sql/sql-query.ts';
import { transaction, writeTogether } from '../../src/db/unit-of-work.ts';
import { sentDuring } from '../support/sent-statements.ts';
import { POSTGRES_AVAILABLE, createTestDatabaseUrl } from '../support/test-database.ts';

describe.skipIf(!POSTGRES_AVAILABLE)('a unit of work on PostgreSQL, in as few round trips as it can', () => {
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

  const at = new Date('2026-11-27T02:00:00.123Z');
  const audit = (subject: string) => auditWrite({ orgId: 1, actor: 'U1', action: 'test', subject, at });

  it('sends BEGIN with the first statement and the writes nobody reads with the COMMIT', async () => {
    const db = await open();
    const { result, texts } = await sentDuring(() =>
      transaction(db, async (unit) => {
        await writeTogether(unit, [audit('a'), audit('b')]);
        const rows = await unit.all<{ n: number }>(sql`SELECT COUNT(*)::int AS "n" FROM "AuditEntry"`);
        await writeTogether(unit, [audit('c')]);
        return rows[0].n;
      }),
    );
    // the read ran after BEGIN and the first writes (it sees them), in the same round trip
    expect(result).toBe(2);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^BEGIN;/);
    expect(texts[1]).toMatch(/COMMIT$/);
    expect(await db.auditEntry.count()).toBe(3);
  });

  it('sends the deal writes nobody reads back (history, due items, audit) with the COMMIT', async () => {
    const db = await open();
    const { texts } = await sentDuring(() =>
      transaction(db, async (unit) => {
        await unit.all(sql`SELECT 1 AS "one"`);
        await recordDealChange(unit, { dealId: 1, from: '', to: 'reserved', by: 'U1', at });
        await recordUnitChange(unit, {
          orgId: 1,
          unitId: 2,
          kind: 'state',
          fromValue: 'a',
          toValue: 'b',
          by: 'U1',
          at,
        });
        await insertDueItem(unit, {
          orgId: 1,
          dealId: 1,
          ownerId: 'U1',
          kind: 'deposit',
          dueDate: '2026-12-01',
          amountCents: 5,
        });
        await setItemPaid(unit, 1, 5, at);
        await recordAudit(unit, { orgId: 1, actor: 'U1', action: 'test', subject: 'deal:1', at });
      }),
    );
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/COMMIT$/);
    expect(await db.dealChange.count()).toBe(1);
    expect(await db.unitChange.count()).toBe(1);
    expect(await db.dealDueItem.findMany()).toMatchObject([{ kind: 'deposit', amountCents: 5n, paidCents: 5n }]);
    expect(await db.auditEntry.count()).toBe(1);
  });

  it('writes any text into the statement as the value it was, quotes, backslashes and all', async () => {
    const db = await open();
    const subjects = ["it's", 'back\\slash', '$1; DROP TABLE "AuditEntry"; --', "客戶 王'先生\\n", ''];
    await transaction(db, (unit) => writeTogether(unit, subjects.map(audit)));
    const stored = await db.auditEntry.findMany();
    expect(stored.map((e) => e.subject).sort()).toEqual([...subjects].sort());
    expect(stored.every((e) => e.at.getTime() === at.getTime())).toBe(true);
  });

  it('fails the unit when a write sent with the COMMIT fails, keeping none of it', async () => {
    const db = await open();
    const failing = transaction(db, async (unit) => {
      await writeTogether(unit, [audit('kept?')]);
      await writeTogether(unit, [{ ...sql`INSERT INTO "NoSuchTable" VALUES (${1})`, write: true }]);
    });
    await expect(failing).rejects.toThrow(/NoSuchTable/);
    expect(await db.auditEntry.count()).toBe(0);
  });

  it('asks one client in turn when the work asks for several statements at once (no pg deprecation)', async () => {
    const db = await open();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const counts = await transaction(db, async (unit) => {
        await writeTogether(unit, [audit('x')]);
        return Promise.all(
          [1, 2, 3, 4].map(async (i) => {
            const rows = await unit.all<{ n: number }>(sql`SELECT COUNT(*)::int + ${i} AS "n" FROM "AuditEntry"`);
            return rows[0].n;
          }),
        );
      });
      expect(counts).toEqual([2, 3, 4, 5]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
