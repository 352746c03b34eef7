import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, openedView } from '../support/visit-flow.ts';

describe.each(PROVIDERS)('a bare /focus status that agrees with /focus on %s', (provider) => {
  let h: Harness;
  // Friday 27 November 2026, 10:00 in Shanghai: November's focus day (the 6th) is gone, so /focus drafts December
  const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
  const status = async (text = 'status') => answerText((await h.driver.command('U0GENMGR01', '/focus', text)).json);
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  it('after the focus day reports this month and next month, which is not drafted yet', async () => {
    const text = await status();
    expect(text).toContain('2026-11 的工作重點尚未發佈。');
    expect(text).toContain('2026-12 的工作重點尚未擬定（預定 2026-12-07 09:00 發佈），領導層可用 `/focus` 擬定。');
  });

  it("follows next month's draft and its approval, with the day it publishes", async () => {
    const view = await openedView(h, () => h.driver.command('U0SALDIR02', '/focus'));
    await h.driver.submitView('U0SALDIR02', view, { main: '春節備貨', secondary1: '回款', secondary2: '培訓' });
    expect(await status()).toContain('2026-12 的工作重點尚未發佈：草稿等待核准（預定 2026-12-07 09:00 發佈');
    await h.flushOutbox();
    const draft = h.fake.state.messages.filter((m) => blocksText(m).includes('focus_approve')).at(-1)!;
    await h.driver.clickButton('U0GENMGR01', draft, 'focus_approve');
    await expect.poll(async () => (await h.bot.db.focusPlan.findFirstOrThrow()).status).toBe('approved');
    const text = await status();
    expect(text).toContain('2026-11 的工作重點尚未發佈。');
    expect(text).toContain('2026-12 的工作重點已核准，將於 2026-12-07 09:00 發佈。');
    // a named month still answers for that month alone
    expect(await status('status 2026-11')).toBe('2026-11 的工作重點尚未發佈。');
  });

  it('before the focus day reports only this month while next month has nothing', async () => {
    clock.set('2026-12-01T02:00:00Z');
    expect(await status()).toBe('2026-12 的工作重點已核准，將於 2026-12-07 09:00 發佈。');
  });

  it("once this month is published reports who acknowledged, and next month's state", async () => {
    clock.set('2026-12-07T02:00:00Z');
    await h.bot.scheduler.tick();
    await expect.poll(async () => (await h.bot.db.focusPlan.findFirstOrThrow()).status).toBe('published');
    const text = await status();
    expect(text).toContain('2026-12 工作重點確認情況：0/12');
    expect(text).toContain('2027-01 的工作重點尚未擬定（預定 2027-01-');
  });
});
