import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, PROPERTY_ORG, startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, dmsTo, fileVisitAs, untilStatus } from '../support/visit-flow.ts';

// Thursday 2026-11-26, 10:00 in Asia/Shanghai (both organisations' zone)
const THURSDAY_MORNING = new Date('2026-11-26T02:00:00Z');

describe.each(PROVIDERS)('two organisations sharing one database keep their own scheduled runs on %s', (provider) => {
  let site: Harness;
  let brand: Harness;
  const clock = new FixedClock(THURSDAY_MORNING);
  const summariesTo = (userId: string) => dmsTo(site, userId).filter((m) => m.text.includes('來訪匯總'));

  beforeAll(async () => {
    site = await startHarness({ provider, clock, orgFile: PROPERTY_ORG });
    brand = await startHarness({ provider, clock, orgFile: BRAND_ORG, databaseUrl: site.databaseUrl, fake: site.fake });
    await fileVisitAs(site, 'U0SALES001', { phone: '13622223333', customerName: '趙先生' });
    const visit = await site.bot.db.visit.findFirstOrThrow({ where: { phone: { contains: '13622223333' } } });
    await site.driver.clickButton('U0TLEAD001', approvalMessageOf(site, visit.id), 'visit_approve');
    await untilStatus(site, visit.id, 'approved');
  });
  afterAll(async () => {
    await brand?.stop();
    await site?.stop();
  });

  it('runs the evening summary for the site after the brand ran its own the same evening', async () => {
    clock.set('2026-11-26T12:05:00Z'); // 20:05 local
    expect((await brand.bot.scheduler.tick()).ran).toContain('visits.evening-summary@2026-11-26');
    expect((await site.bot.scheduler.tick()).ran).toContain('visits.evening-summary@2026-11-26');
    // each once: later passes on either find their own run done
    expect((await brand.bot.scheduler.tick()).ran).toEqual([]);
    expect((await site.bot.scheduler.tick()).ran).toEqual([]);
    await site.flushOutbox();
    expect(summariesTo('U0SECRET01').map((m) => m.text)).toEqual(['劉大偉 組 2026-11-26 來訪匯總（1 組）']);
    const runs = await site.bot.db.jobRun.findMany({
      where: { jobId: 'visits.evening-summary', periodKey: '2026-11-26' },
    });
    expect(runs.map((r) => r.status)).toEqual(['done', 'done']);
    expect(new Set(runs.map((r) => r.orgId)).size).toBe(2);
  });

  it("catches up the site's weekly analysis inside the window though the brand ran its own on time", async () => {
    clock.set('2026-11-30T01:00:00Z'); // Monday 09:00 local: only the brand's instance is up
    expect((await brand.bot.scheduler.tick()).ran).toContain('visits.weekly-analysis@week-2026-11-30');
    clock.set('2026-11-30T20:00:00Z'); // 19 hours later the site's instance passes: inside 36 h
    expect((await site.bot.scheduler.tick()).ran).toContain('visits.weekly-analysis@week-2026-11-30');
    await site.flushOutbox();
    // the text, not its chart; Monday also brings the collections summary to the same channel
    const posted = site.fake.state.inChannel('C0PLANNING1').filter((m) => !m.files);
    expect(posted.map((m) => m.text)).toContainEqual(expect.stringContaining('來訪分析 2026-11-23～2026-11-29'));
  });

  it("skips the site's weekly analysis missed beyond the window, while the brand's ran on time", async () => {
    clock.set('2026-12-07T01:00:00Z');
    const onTime = await brand.bot.scheduler.tick();
    expect(onTime.ran).toContain('visits.weekly-analysis@week-2026-12-07');
    clock.set('2026-12-09T01:00:00Z'); // two days later: past 36 h
    const late = await site.bot.scheduler.tick();
    expect(late.skipped).toContain('visits.weekly-analysis@week-2026-12-07');
    expect(late.ran).not.toContain('visits.weekly-analysis@week-2026-12-07');
    const runs = await site.bot.db.jobRun.findMany({
      where: { jobId: 'visits.weekly-analysis', periodKey: 'week-2026-12-07' },
      orderBy: { id: 'asc' },
    });
    expect(runs.map((r) => r.status)).toEqual(['done', 'skipped']);
  });
});
