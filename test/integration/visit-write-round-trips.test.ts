import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { queueMessageKeepingId } from '../../src/db/delivery/outbox-repo.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { sql } from '../../src/db/sql/sql-query.ts';
import { readTogether, transaction } from '../../src/db/unit-of-work.ts';
import { customerVisitOfApprovalRead } from '../../src/db/visits/customer-repo.ts';
import { sentDuring } from '../support/sent-statements.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)('the visit paths write with fewer round trips (%s)', (provider) => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.$disconnect();
    db = undefined;
  });

  async function open(): Promise<Db> {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    db = createDatabase(url);
    return db;
  }

  const at = new Date('2026-11-27T02:00:00.123Z');
  /** An approved property registration of the same phone, as the approval has just left it. */
  const approvedVisit = async (db: Db, n: number, status = 'approved') =>
    db.visit.create({
      data: {
        orgId: 1,
        number: n,
        kind: 'property',
        filerId: 'U1',
        approverId: 'U2',
        customerName: '林小姐',
        phone: '+8613800000001',
        visitAt: at,
        partySize: 1,
        source: '',
        visitType: 'first',
        grade: '',
        budget: '',
        unitType: '',
        notes: '',
        account: '',
        purpose: '',
        outcome: '',
        nextStep: '',
        status,
        sourceViewId: `V${n}`,
        createdAt: at,
        updatedAt: at,
      },
    });

  it('keeps a queued message id on the row it belongs to; on PostgreSQL both go with the COMMIT', async () => {
    const db = await open();
    const [{ id }] = await db.$queryRawUnsafe<{ id: number }[]>(
      `INSERT INTO "Customer" ("orgId", "phone", "name", "ownerId", "stage", "stageChangedAt", "visitCount",
        "firstVisitAt", "lastVisitAt", "reminderLevel", "createdAt")
       VALUES (1, '+1', 'x', 'U1', 'visiting', now(), 1, now(), now(), 0, now()) RETURNING "id"`.replaceAll(
        'now()',
        provider === 'postgres' ? 'now()' : "'2026-11-27T02:00:00.000Z'",
      ),
    );
    const message = { method: 'chat.postMessage' as const, channel: 'C1', args: { text: 'hi' } };
    const keep = (outboxId: ReturnType<typeof sql>) =>
      sql`UPDATE "Customer" SET "cardOutboxId" = ${outboxId} WHERE "id" = ${Number(id)}`;
    const { texts } = await sentDuring(() =>
      transaction(db, async (unit) => {
        await unit.all(sql`SELECT 1 AS "one"`);
        await queueMessageKeepingId(unit, message, at, keep);
      }),
    );
    // the SELECT with BEGIN, then the message and its id's update with the COMMIT: two round trips
    if (provider === 'postgres') expect(texts).toHaveLength(2);
    const queued = await db.outboxMessage.findMany();
    expect(queued).toHaveLength(1);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: Number(id) } });
    expect(customer.cardOutboxId).toBe(queued[0].id);
  });

  it('opens the file from the approved registration’s row and reads its driving deal in one statement', async () => {
    const db = await open();
    const fileOf = async (visitId: number) =>
      sentDuring(async () => (await readTogether(db, [customerVisitOfApprovalRead({ visitId, now: at })]))[0]);
    const first = await fileOf((await approvedVisit(db, 1)).id);
    expect(first.result?.drivingDeal).toBeNull();
    expect([first.result?.customer.visitCount, first.result?.customer.ownerId]).toEqual([1, 'U1']);
    const customerId = first.result!.customer.id;
    for (const [unitId, stage] of [
      [1, 'declined'],
      [2, 'reserved'],
      [3, 'cancelled'],
    ] as const)
      await db.$executeRaw`INSERT INTO "Deal" ("orgId", "unitId", "customerId", "ownerId", "stage",
        "stageChangedAt", "listPriceCents", "priceCents", "discountCents", "depositCents", "depositDate",
        "signByDate", "createdAt")
        VALUES (1, ${unitId}, ${customerId}, 'U1', ${stage}, ${at}, 100, 100, 0, 10, '2026-11-27',
        '2026-12-27', ${at})`;
    const [driving] = await db.deal.findMany({ where: { stage: 'reserved' } });
    const again = await fileOf((await approvedVisit(db, 2)).id);
    expect(again.result?.drivingDeal).toEqual({ id: driving.id, stage: 'reserved' });
    expect(again.result?.customer.visitCount).toBe(2);
    expect(again.result?.customer.id).toBe(customerId);
    if (provider === 'postgres') expect(again.texts).toHaveLength(1);
    // a registration not approved (still pending, or returned) opens nothing
    expect((await fileOf((await approvedVisit(db, 3, 'pending')).id)).result).toBeNull();
    expect(await db.customer.count()).toBe(1);
  });
});
