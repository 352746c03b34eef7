import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { blocksText, dmsTo } from '../support/visit-flow.ts';

const LEADER = 'U0SSGLEAD1';

/**
 * The credit review waits for the SSG meeting's day like the scorecards wait for the 3rd working day
 * (issue 18): a bot down all of that day sends it on restart within JOB_CATCH_UP_HOURS, once.
 */
describe.each(PROVIDERS)('a credit review missed while the bot was down, on %s', (provider) => {
  let h: Harness;
  // Monday 7 December 2026; the SSG meets on Tuesday the 8th at 10:00 (Asia/Shanghai)
  const clock = new FixedClock(new Date('2026-12-07T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG, clock });
  });
  afterAll(async () => h?.stop());
  const reviews = () => dmsTo(h, LEADER).filter((m) => blocksText(m).includes('credit_propose'));
  const at = async (instant: string) => {
    clock.set(instant);
    await h.bot.scheduler.tick();
    await h.flushOutbox();
  };

  it('is sent at a restart the day after the meeting, 32 hours on, and not again', async () => {
    await at('2026-12-07T02:00:00Z');
    expect(reviews()).toEqual([]);
    // down all of the 8th; back on Wednesday the 9th at 18:00
    await at('2026-12-09T10:00:00Z');
    expect(reviews().map((m) => m.text)).toEqual(['2026-12 客戶信用等級審查']);
    await at('2026-12-09T10:15:00Z');
    await at('2026-12-10T01:00:00Z');
    expect(reviews()).toHaveLength(1);
    expect(await h.bot.db.creditReview.count()).toBe(1);
  });
});
