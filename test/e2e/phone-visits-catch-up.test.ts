import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { dmsTo } from '../support/visit-flow.ts';

const LEADER = 'U0SSGLEAD1';
const CSR = 'U0CSREP002';

/**
 * The phone-visit week waits for its own days (Monday 09:30 the lists, Friday 16:00 the summary) like the
 * scorecards wait for the 3rd working day (issue 18): a bot down at those times acts on restart within
 * JOB_CATCH_UP_HOURS, once. Asia/Shanghai (UTC+8).
 */
describe.each(PROVIDERS)('phone-visit lists and summary missed while the bot was down, on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-29T02:00:00Z')); // Sunday 10:00
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG, clock });
  });
  afterAll(async () => h?.stop());
  const at = async (instant: string) => {
    clock.set(instant);
    await h.bot.scheduler.tick();
    await h.flushOutbox();
  };
  const lists = () => dmsTo(h, CSR).filter((m) => m.text.startsWith('本週電話拜訪清單'));
  const summaries = () => dmsTo(h, LEADER).filter((m) => m.text.startsWith('本週電話拜訪匯總'));

  it("sends Monday's lists on Tuesday morning and Friday's summary on Saturday, once each", async () => {
    await at('2026-11-29T02:00:00Z');
    // down all Monday; back on Tuesday at 09:00, 23½ hours after the lists were due
    await at('2026-12-01T01:00:00Z');
    expect(lists().map((m) => m.text)).toEqual(['本週電話拜訪清單（2026-11-30 週）：25 通']);
    await at('2026-12-01T01:15:00Z');
    expect(lists()).toHaveLength(1);
    await at('2026-12-04T07:00:00Z'); // Friday 15:00, then down until Saturday 10:00
    expect(summaries()).toEqual([]);
    await at('2026-12-05T02:00:00Z');
    expect(summaries().map((m) => m.text)).toEqual([expect.stringContaining('本週電話拜訪匯總（2026-11-30 週）')]);
    await at('2026-12-05T02:15:00Z');
    await at('2026-12-05T08:00:00Z');
    expect(summaries()).toHaveLength(1);
    expect(lists()).toHaveLength(1);
  });
});
