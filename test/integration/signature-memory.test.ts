import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { signatureMemory } from '../../src/services/delivery/remember-signature.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { importOrgFileFromDisk } from '../../src/services/org/import-org-file.ts';
import { PROPERTY_ORG } from '../support/harness.ts';
import { PROVIDERS, createTestDatabaseUrl } from '../support/test-database.ts';

describe.each(PROVIDERS)('the replay memory of signatures on %s', (provider) => {
  it('lets exactly one of many simultaneous copies of a signature through, across two instances', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const [dbA, dbB] = [createDatabase(url), createDatabase(url)];
    const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
    try {
      // two instances, each batching the signatures that arrive together
      const [a, b] = [signatureMemory({ db: dbA, clock }), signatureMemory({ db: dbB, clock })];
      const signatures = Array.from({ length: 40 }, (_, i) => `v0=${String(i).padStart(64, '0')}`);
      // every signature arrives four times, twice at each instance, all at once
      const sightings = signatures.flatMap((s) => [a(s), b(s), a(s), b(s)]);
      const firsts = (await Promise.all(sightings)).map((s) => s.first);
      for (let i = 0; i < signatures.length; i += 1)
        expect(firsts.slice(i * 4, i * 4 + 4).filter(Boolean)).toHaveLength(1);
      // and later, one by one, every one of them is a replay
      for (const s of signatures) expect((await b(s)).first).toBe(false);
      expect(await dbA.intakeKey.count()).toBe(signatures.length);
    } finally {
      await dbA.$disconnect();
      await dbB.$disconnect();
    }
  });

  it('stores no more than a batch at a time and still answers every request', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const remember = signatureMemory({ db, clock: new FixedClock(new Date('2026-11-26T02:00:00Z')), maxBatch: 7 });
      const firsts = (await Promise.all(Array.from({ length: 50 }, (_, i) => remember(`v0=sig${i}`)))).map(
        (s) => s.first,
      );
      expect(firsts.every(Boolean)).toBe(true);
      expect(await db.intakeKey.count()).toBe(50);
    } finally {
      await db.$disconnect();
    }
  });

  it('reads the chart version in the same round trip, as it is after the requests arrived', async () => {
    const url = await createTestDatabaseUrl(provider);
    await migrateDatabase(url);
    const db = createDatabase(url);
    try {
      const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
      const { orgId } = await importOrgFileFromDisk({ db, clock, path: PROPERTY_ORG, actor: 'test' });
      const remember = signatureMemory({ db, clock, organisation: () => orgId });
      const before = (await db.organisation.findUniqueOrThrow({ where: { id: orgId } })).chartVersion;
      expect(await remember('v0=one')).toEqual({ first: true, chartVersion: before });
      await db.organisation.update({ where: { id: orgId }, data: { chartVersion: { increment: 1 } } });
      const [a, b] = await Promise.all([remember('v0=two'), remember('v0=one')]);
      expect(a).toEqual({ first: true, chartVersion: before + 1 });
      expect(b).toEqual({ first: false, chartVersion: before + 1 });
      // an organisation that is not there reads as null, and without one nothing is read
      expect(await signatureMemory({ db, clock, organisation: () => 999 })('v0=three')).toEqual({
        first: true,
        chartVersion: null,
      });
      expect(await signatureMemory({ db, clock })('v0=four')).toEqual({ first: true, chartVersion: undefined });
    } finally {
      await db.$disconnect();
    }
  });
});
