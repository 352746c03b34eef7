import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, blocksText, dmsTo, fileVisitAs, untilStatus } from '../support/visit-flow.ts';

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

describe.each(PROVIDERS)('the evening summary of a visit approved on a later day on %s (fixed clock)', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-12-08T09:30:00Z')); // Tuesday 17:30 in Asia/Shanghai
  const approve = async (phone: string) => {
    const visit = await h.bot.db.visit.findFirstOrThrow({ where: { phone: { contains: phone } } });
    await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
  };
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    // 陳太太 came on the 8th at 17:23; her registration is approved only the next morning
    await fileVisitAs(h, 'U0SALES001', {
      phone: '13900005555',
      customerName: '陳太太',
      visitAt: seconds('2026-12-08T09:23:00Z'),
    });
    clock.set('2026-12-09T02:00:00Z');
    await approve('13900005555');
    await fileVisitAs(h, 'U0SALES001', {
      phone: '13900006666',
      customerName: '林小姐',
      visitAt: seconds('2026-12-09T01:15:00Z'),
    });
    await approve('13900006666');
  });
  afterAll(async () => h?.stop());

  it('shows the date of a visit from another day, and only the time of one from the day itself', async () => {
    clock.set('2026-12-09T12:00:00Z');
    expect((await h.bot.scheduler.tick()).ran).toContain('visits.evening-summary@2026-12-09');
    await h.flushOutbox();
    const summary = dmsTo(h, 'U0SECRET01').find((m) => m.text.includes('2026-12-09 來訪匯總'));
    expect(summary?.text).toBe('劉大偉 組 2026-12-09 來訪匯總（2 組）');
    const text = blocksText(summary);
    expect(text).toContain('• 2026-12-08 17:23 陳太太');
    expect(text).toContain('• 09:15 林小姐');
    expect(text).not.toContain('2026-12-09 09:15');
  });
});
