import { afterEach, describe, expect, it } from 'vitest';
import { creditAndOverdueOf, creditOf } from '../../src/db/accounts/credit-repo.ts';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { overdueOf } from '../../src/db/orders/order-repo.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)('the credit check reads the limit and the overdue invoices at once (%s)', (provider) => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.$disconnect();
    db = undefined;
  });

  const createdAt = new Date('2026-11-01T00:00:00.000Z');
  const invoice = (number: string, accountId: number, dueOn: string, openCents: number) => ({
    orgId: 1,
    number,
    accountId,
    market: 'N',
    issuedOn: '2026-10-01',
    dueOn,
    amountCents: 10_000n,
    openCents: BigInt(openCents),
    createdAt,
  });

  it('gives what creditOf and overdueOf give, for a rated and an unrated account', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    db = createDatabase(url);
    await db.accountCredit.create({
      data: { accountId: 7, orgId: 1, grade: 'A', limitCents: 500_000n, termsDays: 30, updatedAt: createdAt },
    });
    await db.invoice.createMany({
      data: [
        invoice('I1', 7, '2026-11-10', 2_500),
        invoice('I2', 7, '2026-11-03', 1_000),
        invoice('I3', 7, '2026-11-20', 9_000), // not due yet on the 15th
        invoice('I4', 7, '2026-11-01', 0), // paid
        invoice('I5', 8, '2026-11-02', 4_000),
      ],
    });
    const today = '2026-11-15';
    expect(await creditAndOverdueOf(db, 7, today)).toEqual({
      limitCents: 500_000,
      overdueCents: 3_500,
      oldestDueOn: '2026-11-03',
    });
    expect(await creditAndOverdueOf(db, 8, today)).toEqual({
      limitCents: null,
      overdueCents: 4_000,
      oldestDueOn: '2026-11-02',
    });
    expect(await creditAndOverdueOf(db, 9, today)).toEqual({ limitCents: null, overdueCents: 0, oldestDueOn: null });
    for (const id of [7, 8, 9]) {
      const both = await creditAndOverdueOf(db, id, today);
      const overdue = await overdueOf(db, id, today);
      expect(both.limitCents).toBe((await creditOf(db, id))?.limitCents ?? null);
      expect({ cents: both.overdueCents, oldestDueOn: both.oldestDueOn }).toEqual(overdue);
    }
  });
});
