import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { claimIntakeKey } from '../../src/db/delivery/intake-repo.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { holdChannel } from '../../src/db/delivery/outbox-repo.ts';
import { pruneDeliveryRecords } from '../../src/services/delivery/prune-delivery-records.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)('the nightly pruning of delivery records on %s', (provider) => {
  it('forgets delivery keys and channel paces older than a day, and keeps the rest working', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const now = new Date('2026-11-26T19:30:00Z');
      const twoDaysAgo = new Date(now.getTime() - 2 * 86_400_000);
      const anHourAgo = new Date(now.getTime() - 3_600_000);
      await claimIntakeKey(db, 'event:Ev-old', twoDaysAgo);
      await claimIntakeKey(db, 'event:Ev-recent', anHourAgo);
      await holdChannel(db, 'C-old', twoDaysAgo);
      await holdChannel(db, 'C-held', new Date(now.getTime() + 5_000));
      expect(await pruneDeliveryRecords({ db, now })).toEqual({ intakeKeys: 1, channelPaces: 1 });
      expect((await db.intakeKey.findMany()).map((k) => k.key)).toEqual(['event:Ev-recent']);
      expect((await db.channelPace.findMany()).map((p) => p.channel)).toEqual(['C-held']);
      // a retry of the recent event is still recognised
      expect(await claimIntakeKey(db, 'event:Ev-recent', now)).toBe(false);
    } finally {
      await db.$disconnect();
    }
  });
});
