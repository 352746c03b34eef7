import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROPERTY_ORG, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { dmsTo } from '../support/visit-flow.ts';

const PRUNE = 'maintenance.prune-delivery-records';
const LEADERSHIP = ['U0MKTDIR01', 'U0VPBIZ001', 'U0SALDIR01', 'U0PROJMGR1'];
const ADMIN = 'U0DEPUTY01';

/** The property site with an admin besides the leadership. */
function orgFileWithAdmin(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'salesbot-org-')), 'org.yml');
  writeFileSync(file, `${readFileSync(PROPERTY_ORG, 'utf8')}\nadmins: [${ADMIN}]\n`);
  return copyUnitsBeside(file);
}

describe.each(PROVIDERS)('scheduled runs that fail on %s (fixed clock)', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  // a real failure from the real database: the table the nightly prune deletes from is away
  const tableAway = () => h.bot.db.$executeRawUnsafe('ALTER TABLE "ChannelPace" RENAME TO "ChannelPaceAway"');
  const tableBack = () => h.bot.db.$executeRawUnsafe('ALTER TABLE "ChannelPaceAway" RENAME TO "ChannelPace"');
  const run = (periodKey: string) => h.bot.db.jobRun.findFirstOrThrow({ where: { jobId: PRUNE, periodKey } });
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  const health = async () =>
    (await fetch(`http://127.0.0.1:${h.bot.port}/healthz`)).json() as Promise<Record<string, any>>;

  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: orgFileWithAdmin() });
  });
  afterAll(async () => h?.stop());

  it('retries a run that failed once after a backoff, then runs it once', async () => {
    clock.set('2026-11-27T00:00:00Z'); // 08:00 local: the 03:30 prune is due
    await tableAway();
    expect((await h.bot.scheduler.tick()).failed).toContain(`${PRUNE}@2026-11-27`);
    expect(await run('2026-11-27')).toMatchObject({ status: 'retrying', attempts: 1 });
    expect((await h.bot.scheduler.tick()).failed).toEqual([]); // not before its backoff
    await tableBack();
    later(61_000);
    expect((await h.bot.scheduler.tick()).ran).toContain(`${PRUNE}@2026-11-27`);
    expect(await run('2026-11-27')).toMatchObject({ status: 'done', attempts: 2 });
    later(3_600_000);
    expect((await h.bot.scheduler.tick()).ran).not.toContain(`${PRUNE}@2026-11-27`);
    expect((await health()).status).toBe('ok');
  });

  it('fails a run for good after its retries, tells leadership and admins once; /healthz says degraded', async () => {
    clock.set('2026-11-28T00:00:00Z');
    await tableAway();
    try {
      for (const wait of [0, 61_000, 121_000, 241_000, 481_000]) {
        later(wait);
        expect((await h.bot.scheduler.tick()).failed).toContain(`${PRUNE}@2026-11-28`);
      }
      expect(await run('2026-11-28')).toMatchObject({ status: 'failed', attempts: 5 });
      later(3_600_000);
      expect((await h.bot.scheduler.tick()).failed).toEqual([]);
    } finally {
      await tableBack();
    }
    await h.flushOutbox();
    for (const user of [...LEADERSHIP, ADMIN]) {
      const alerts = dmsTo(h, user).filter((m) => m.text.includes(PRUNE));
      expect(alerts, user).toHaveLength(1);
      expect(alerts[0].text).toContain('重試 5 次仍失敗');
    }
    expect(dmsTo(h, 'U0SALES001').filter((m) => m.text.includes(PRUNE))).toEqual([]);
    expect(await health()).toMatchObject({ status: 'degraded', jobs: { failed: 1, retrying: 0, running: 0 } });
  });

  it('tells them once a day however often the same job fails for good', async () => {
    clock.set('2026-11-28T20:00:00Z'); // the next night's prune (03:30 local on the 29th) is due
    await tableAway();
    try {
      for (const wait of [0, 61_000, 121_000, 241_000, 481_000]) {
        later(wait);
        await h.bot.scheduler.tick();
      }
      expect(await run('2026-11-29')).toMatchObject({ status: 'failed', attempts: 5 });
    } finally {
      await tableBack();
    }
    await h.flushOutbox();
    expect(dmsTo(h, 'U0PROJMGR1').filter((m) => m.text.includes(PRUNE))).toHaveLength(1);
    expect((await health()).jobs.failed).toBe(2);
  });

  it('sends a digest and an analysis once when their run is taken over after they were queued', async () => {
    clock.set('2026-11-30T01:01:00Z'); // Monday 09:01 local: the weekly digest (08:30) and analysis (09:00) are due
    const tick = await h.bot.scheduler.tick();
    expect(tick.ran).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rhythm\.digest-weekly@/),
        expect.stringMatching(/^visits\.weekly-analysis@/),
      ]),
    );
    await h.flushOutbox();
    const toPm = dmsTo(h, 'U0PROJMGR1').length;
    const toPlanning = h.fake.state.inChannel('C0PLANNING1').length;
    // the instance died after queueing, before marking the runs done: their leases pass
    for (const jobId of ['rhythm.digest-weekly', 'visits.weekly-analysis']) {
      const row = await h.bot.db.jobRun.findFirstOrThrow({ where: { jobId }, orderBy: { id: 'desc' } });
      await h.bot.db.jobRun.update({
        where: { id: row.id },
        data: { status: 'running', finishedAt: null, leaseUntil: new Date(clock.now().getTime() - 1) },
      });
    }
    later(60_000);
    const again = await h.bot.scheduler.tick();
    expect(again.ran).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rhythm\.digest-weekly@/),
        expect.stringMatching(/^visits\.weekly-analysis@/),
      ]),
    );
    await h.flushOutbox();
    expect(dmsTo(h, 'U0PROJMGR1')).toHaveLength(toPm);
    expect(h.fake.state.inChannel('C0PLANNING1')).toHaveLength(toPlanning);
  });
});
