import { describe, expect, it } from 'vitest';
import { auditWrite } from '../../src/db/audit-repo.ts';
import { createDatabase } from '../../src/db/database.ts';
import { enqueueMessages } from '../../src/db/delivery/outbox-repo.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { actualWrites } from '../../src/db/targets/target-repo.ts';
import { transaction, writeTogether } from '../../src/db/unit-of-work.ts';
import { approvedVisitCountWrite } from '../../src/db/visits/visit-report-repo.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)('an approval sending its last writes together on %s', (provider) => {
  it('stores every write of one call, and the messages of one insert in their order', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const at = new Date('2026-11-27T02:00:00Z');
      const visit = { orgId: 1, source: 'walk_in', grade: 'B', visitType: 'first', filerId: 'U1' };
      const actual = {
        ...{ orgId: 1, month: '2026-11', personId: 'U1', account: 'a', metric: 'visits', value: 1 },
        ...{ source: 'visit' as const, sourceRef: 'visit:1', createdBy: 'U2', createdAt: at },
      };
      for (let i = 0; i < 2; i += 1)
        await transaction(db, async (unit) => {
          await writeTogether(unit, [
            ...actualWrites(actual),
            auditWrite({ orgId: 1, actor: 'U2', action: 'visit.approved', subject: `visit:${i}`, at }),
            approvedVisitCountWrite(visit, '2026-11-27'),
          ]);
        });
      expect(await db.actual.count()).toBe(2);
      expect(Number((await db.actualTotal.findFirst())?.value)).toBe(2);
      expect(await db.auditEntry.count()).toBe(2);
      expect(Number((await db.visitDayCount.findFirst())?.count)).toBe(2);
      // a failing write (no person) rolls the others back
      await expect(
        transaction(db, (unit) =>
          writeTogether(unit, [
            auditWrite({ orgId: 1, actor: 'U2', action: 'x', subject: 'y', at }),
            ...actualWrites({ ...actual, personId: null as unknown as string }),
          ]),
        ),
      ).rejects.toThrow();
      expect(await db.auditEntry.count()).toBe(2);
      const texts = ['first', 'second', 'third'];
      const ids = await enqueueMessages(
        db,
        texts.map((text) => ({ method: 'chat.postMessage' as const, channel: 'C1', args: { text } })),
        at,
      );
      const stored = await db.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      expect(stored.map((m) => JSON.parse(m.payload).text)).toEqual(texts);
      expect(ids.map((m) => m.id)).toEqual(stored.map((m) => m.id));
    } finally {
      await db.$disconnect();
    }
  });
});
