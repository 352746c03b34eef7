import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { osbRegister, takeIssueSeq } from '../../src/db/issues/issue-repo.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)('the OSB register for the monthly meeting on %s', (provider) => {
  it('counts what was opened last month and lists what is still open now', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const make = async (category: string, createdAt: string, status: string) => {
        const seq = await takeIssueSeq(db, 1, 2026);
        await db.issueReport.create({
          data: {
            orgId: 1,
            number: `${category.startsWith('osb') ? 'OSB' : 'ISS'}-2026-${String(seq).padStart(4, '0')}`,
            year: 2026,
            seq,
            reporterId: 'U1',
            category,
            severity: 'normal',
            title: 't',
            description: 'd',
            subject: '',
            status,
            handlerId: 'U2',
            sourceViewId: `v${seq}`,
            createdAt: new Date(createdAt),
            updatedAt: new Date(createdAt),
          },
        });
      };
      await make('osb_order', '2026-09-20T00:00:00Z', 'open'); // older, still open
      await make('osb_billing', '2026-10-05T00:00:00Z', 'resolved'); // last month, resolved
      await make('osb_shipment', '2026-10-20T00:00:00Z', 'acknowledged'); // last month, open
      await make('market', '2026-10-21T00:00:00Z', 'open'); // not OSB
      await make('osb_order', '2026-11-02T00:00:00Z', 'open'); // this month
      const register = await osbRegister(db, 1, new Date('2026-09-30T16:00:00Z'), new Date('2026-10-31T16:00:00Z'));
      expect(register.openedInPeriod).toBe(2); // OSB-2026-0002 and OSB-2026-0003
      expect(register.stillOpen.map((i) => i.number)).toEqual(['OSB-2026-0001', 'OSB-2026-0003', 'OSB-2026-0005']);
    } finally {
      await db.$disconnect();
    }
  });
});
