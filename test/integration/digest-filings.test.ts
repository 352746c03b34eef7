import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { subtreeCounts } from '../../src/db/rhythm/digest-repo.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { importOrgFileFromDisk } from '../../src/services/org/import-org-file.ts';
import { OrgDirectory } from '../../src/services/org/org-directory.ts';
import { buildDigest } from '../../src/services/rhythm/send-digests.ts';
import { fileVisit } from '../../src/services/visits/file-visit.ts';
import { PROPERTY_ORG } from '../support/harness.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)("a digest's new registrations on %s", (provider) => {
  it('counts exactly the filings since a week ago, from per-day counts kept at filing and the first day', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const clock = new FixedClock(new Date('2026-11-18T00:00:00Z'));
      const { orgId } = await importOrgFileFromDisk({ db, clock, path: PROPERTY_ORG, actor: 'test' });
      const chart = await new OrgDirectory(db, orgId).current();
      const lead = 'U0TLEAD001';
      const filers = chart.allReports(lead).filter((id) => chart.primaryApprover(id) === lead);
      // filings around the week's first day (the digest is built on 2026-11-26 10:00 in Shanghai, so the
      // week starts 2026-11-19 10:00): before it, on its day before and after the hour, and later days
      const times = [
        '2026-11-18T20:00:00Z', // 11-19 04:00 local: the first day, before the week starts
        '2026-11-19T01:59:00Z', // 09:59 local: still before
        '2026-11-19T02:00:00Z', // 10:00 local: the first filing of the week
        '2026-11-19T15:59:00Z', // 23:59 local: the first day's last minute
        '2026-11-19T16:00:00Z', // the next local day
        '2026-11-23T03:00:00Z',
        '2026-11-26T01:00:00Z',
      ];
      const file = (n: number, iso: string) =>
        fileVisit({
          db,
          clock,
          chart,
          filerId: filers[n % filers.length],
          input: {
            kind: 'property',
            customerName: `客戶${n}`,
            phone: `+8613900000${String(n).padStart(3, '0')}`,
            visitAt: new Date(iso),
            partySize: 2,
            source: 'walk_in',
            visitType: 'first',
            grade: 'B',
            budget: '',
            unitType: '',
            notes: '',
          },
          viewId: `V-digest-${n}`,
          protectionDays: 30,
        });
      for (const [i, iso] of times.entries()) {
        clock.set(new Date(iso));
        expect((await file(i + 1, iso)).repeated).toBe(false);
      }
      // the same view again (a double submission) files nothing, and counts nothing
      expect((await file(3, times[2])).repeated).toBe(true);
      const now = new Date('2026-11-26T02:00:00Z');
      const since = new Date(now.getTime() - 7 * 86_400_000);
      const expected = await db.visit.count({ where: { filerId: { in: filers }, createdAt: { gte: since } } });
      expect(expected).toBe(5);
      const counts = await subtreeCounts(db, {
        orgId,
        people: [lead, ...chart.allReports(lead)],
        since,
        sinceDay: '2026-11-19',
        dayAfterSince: new Date('2026-11-19T16:00:00Z'),
        dayAgo: new Date(now.getTime() - 86_400_000),
        now,
      });
      expect(counts.newVisits).toBe(expected);
      // the digest computes the same day boundaries in the organisation's time zone
      const digest = await buildDigest({ db, chart, personId: lead, frequency: 'weekly', now });
      expect(JSON.stringify(digest.blocks)).toContain('新登記 5 張');
      expect(JSON.stringify(digest.blocks)).toContain('digest_deals'); // a site's stuck deals stay
      const day = await db.visitFilingDayCount.findMany({ where: { day: '2026-11-19' } });
      expect(day.reduce((sum, d) => sum + d.count, 0)).toBe(4);
    } finally {
      await db.$disconnect();
    }
  });
});
