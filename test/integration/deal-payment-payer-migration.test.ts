import { describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/db/migrate.ts';
import { connectRaw } from '../support/raw-connection.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

const MIGRATION = 'deal_payment_payer';

describe.each(PROVIDERS)('the migration that tells the bank loan by its payer on %s', (provider) => {
  it("marks the payments noted 'mortgage' as the bank's, and leaves the buyer's and the refunds alone", async () => {
    const url = await createTestDatabaseUrl(provider);
    const migrations = readMigrations(provider);
    const index = migrations.findIndex((m) => m.name.endsWith(MIGRATION));
    expect(index).toBeGreaterThan(0);
    const db = await connectRaw(provider, url);
    try {
      for (const m of migrations.slice(0, index)) await db.exec(m.sql);
      const rows: [number, string, string | null][] = [
        [100_000_00, 'payment', null],
        [1_500_000_00, 'payment', 'mortgage'],
        [2_000_00, 'payment', '轉帳'],
        [-50_000_00, 'refund', 'refund'],
      ];
      for (const [cents, kind, note] of rows)
        await db.exec(
          `INSERT INTO "DealPayment" ("orgId", "dealId", "amountCents", "receivedOn", "kind", "by", "note", "at")
           VALUES (1, 1, ${cents}, '2026-11-02', '${kind}', 'U1', ${note === null ? 'NULL' : `'${note}'`},
             '2026-11-02T00:00:00Z')`,
        );
      await db.exec(migrations[index].sql);
      const after = await db.all('SELECT "amountCents", "payer", "note" FROM "DealPayment" ORDER BY "id"');
      expect(after.map((r) => [Number(r.amountCents), r.payer, r.note])).toEqual([
        [100_000_00, 'buyer', null],
        [1_500_000_00, 'bank', null],
        [2_000_00, 'buyer', '轉帳'],
        [-50_000_00, 'buyer', 'refund'],
      ]);
    } finally {
      await db.close();
    }
  });
});
