import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/db/audit-repo.ts';
import { createDatabase, tuneDatabase, type Db } from '../../src/db/database.ts';
import { enqueueMessage } from '../../src/db/delivery/outbox-repo.ts';
import { claimOnce, countFailedSince, firstTimeInTx } from '../../src/db/job-run-repo.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { focusPlanWithRows, saveFocusDraft } from '../../src/db/rhythm/focus-repo.ts';
import { transaction } from '../../src/db/unit-of-work.ts';
import { customerNameCandidates } from '../../src/db/visits/customer-repo.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)('one unit of work on %s', (provider) => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.$disconnect();
    db = undefined;
  });

  async function open(): Promise<Db> {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    db = createDatabase(url);
    await tuneDatabase(db, url);
    return db;
  }

  const at = new Date('2026-11-26T02:00:00.000Z');

  it('keeps all of a unit or none of it: a failure half-way undoes what the unit wrote', async () => {
    const db = await open();
    const failing = transaction(db, async (unit) => {
      await recordAudit(unit, { orgId: 1, actor: 'U1', action: 'test', subject: 's', at });
      await enqueueMessage(unit, { method: 'chat.postMessage', channel: 'U1', args: { text: 'x' } }, at);
      throw new Error('half-way');
    });
    await expect(failing).rejects.toThrow('half-way');
    expect(await db.auditEntry.count()).toBe(0);
    expect(await db.outboxMessage.count()).toBe(0);
    const id = await transaction(db, async (unit) => {
      await recordAudit(unit, { orgId: 1, actor: 'U1', action: 'test', subject: 's', at });
      return (await enqueueMessage(unit, { method: 'chat.postMessage', channel: 'U1', args: {} }, at)).id;
    });
    expect(await db.outboxMessage.count({ where: { id } })).toBe(1);
    expect(await db.auditEntry.count()).toBe(1);
  });

  it('hands the unit its provider, so a repository decides what only PostgreSQL needs', async () => {
    const db = await open();
    expect(await transaction(db, async (unit) => unit.provider)).toBe(provider);
  });

  it('runs one repository alike on the client and inside a unit, with dates as Dates and ids as numbers', async () => {
    const db = await open();
    const fields = { main: '主', secondary1: '次一', secondary2: '次二', draftedBy: 'U1', at };
    const rows = [
      { code: 'N', targets: 't1', focus: 'f1' },
      { code: 'S', targets: 't2', focus: 'f2' },
    ];
    const saved = await transaction(db, (unit) => saveFocusDraft(unit, { orgId: 1, month: '2026-12', fields, rows }));
    const inside = await transaction(db, (unit) => focusPlanWithRows(unit, 1, '2026-12'));
    const outside = await focusPlanWithRows(db, 1, '2026-12');
    expect(inside).toEqual(outside);
    expect(outside).toMatchObject({ id: saved.id, status: 'draft', approvedAt: null, createdAt: at, updatedAt: at });
    expect(typeof outside?.id).toBe('number');
    expect(outside?.rows.map((r) => [r.marketCode, r.focus_])).toEqual([
      ['N', 'f1'],
      ['S', 'f2'],
    ]);
  });

  it('claims a once-only job inside a unit, and a repeat neither claims it again nor aborts the unit', async () => {
    const db = await open();
    const results = await transaction(db, async (unit) => [
      await claimOnce(unit, 'reminder', '2026-12', at, 1),
      await claimOnce(unit, 'reminder', '2026-12', at, 1),
      await firstTimeInTx(unit, 1, 'digest', 'k', at),
      await firstTimeInTx(unit, 1, 'digest', 'k', at),
      await countFailedSince(unit, 1, 'reminder', new Date(0)),
    ]);
    expect(results).toEqual([true, false, true, false, 0]);
    expect(await db.jobRun.count()).toBe(2);
  });

  it("finds names containing text with LIKE's wildcards taken literally", async () => {
    const db = await open();
    for (const [phone, name] of [
      ['+8613900000001', '王_先生'],
      ['+8613900000002', '王先生'],
      ['+8613900000003', '100%滿意'],
    ])
      await db.customer.create({
        data: {
          orgId: 1,
          phone,
          name,
          ownerId: 'U1',
          stage: 'visiting',
          stageChangedAt: at,
          visitCount: 1,
          firstVisitAt: at,
          lastVisitAt: at,
          createdAt: at,
        },
      });
    const names = async (containing: string[][]) =>
      (await customerNameCandidates(db as Db, 1, { containing, take: 10 })).map((c) => c.name).sort();
    expect(await names([['_']])).toEqual(['王_先生']);
    expect(await names([['%']])).toEqual(['100%滿意']);
    expect(await names([['王'], ['先', 'X']])).toEqual(['王_先生', '王先生']);
  });
});
