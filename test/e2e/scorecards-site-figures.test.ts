import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { dmsTo } from '../support/visit-flow.ts';

/**
 * A new user's trial on a site (issue 18): targets of 15 contracts for October and November, and a 差旅
 * budget nobody spent. 周子豪 signed 11 in October (73.33%) and 13 in November (86.67%); 鄭欣怡 10 in
 * November (66.67%). Nobody recorded a 銷售額, so there is no expense ratio. The change and the score are
 * computed from the figures, rounded only when shown; the ratio's absence is said for what it is.
 */
describe(`a site's scorecards: unrounded figures and the missing expense ratio (${ONE_PROVIDER})`, () => {
  let h: Harness;
  // Wednesday 2 December 2026, 09:05 in Shanghai: the day before the 3rd working day
  const clock = new FixedClock(new Date('2026-12-02T01:05:00Z'));
  const PM = 'U0PROJMGR1';
  const scorecardsTo = (id: string) => dmsTo(h, id).filter((m) => /考評|scorecard/i.test(m.text));

  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock });
    const db = h.bot.db;
    const target = (period: string, scopeId: string, metric: string, value: number) =>
      db.target.create({
        data: { orgId: 1, period, scopeKind: 'person', scopeId, metric, value, setBy: PM, setAt: clock.now() },
      });
    for (const [period, personId, signed] of [
      ['2026-10', 'U0SALES001', 11],
      ['2026-11', 'U0SALES001', 13],
      ['2026-10', 'U0SALES002', 15],
      ['2026-11', 'U0SALES002', 10],
    ] as const) {
      await target(period, personId, 'contracts', 15);
      await target(period, personId, 'expense:差旅', 1_000_000);
      await db.actualTotal.create({ data: { orgId: 1, personId, month: period, metric: 'contracts', value: signed } });
    }
  });
  afterAll(async () => h?.stop());

  it('shows +13 pt for 73.33% → 86.67% and weighs 66.67%, not 67%, into the score', async () => {
    clock.set('2026-12-03T01:05:00Z'); // the 3rd working day
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const [mine] = scorecardsTo('U0SALES001').map((m) => m.text);
    expect(mine).toContain('• 銷售達成：87%（第 1/2，較上月 +13 pt）');
    // 86.67 × 50% + the unspent budget's 25 + no visits = 68.3 (69 from a rounded 87%)
    expect(mine).toContain('📋 周子豪 2026-11 考評：總分 68（');
    const [hers] = scorecardsTo('U0SALES002').map((m) => m.text);
    // 66.67 × 50% + 25 = 58.3 (59 from a rounded 67%)
    expect(hers).toContain('📋 鄭欣怡 2026-11 考評：總分 58（');
    expect(hers).toContain('• 銷售達成：67%（第 2/2，較上月 −33 pt）');
  });

  it('says there is no expense ratio for want of sales, not that last month had no figure', async () => {
    const [mine] = scorecardsTo('U0SALES001').map((m) => m.text);
    const expense = mine.split('\n').find((line) => line.startsWith('• 費用'));
    expect(expense).toBe('• 費用：預算使用 0%（全部費用÷預算合計），費用率 —（當月無銷售額，不計費用率、不排名）');
    // the team lead too, who had a scorecard in October
    const [lead] = scorecardsTo('U0TLEAD001')
      .map((m) => m.text)
      .filter((text) => text.includes('📋 劉大偉'));
    expect(lead).toContain('費用率 —（當月無銷售額，不計費用率、不排名）');
    expect(lead).not.toContain('未排名，上月無資料');
  });

  it("answers the site's 營銷總監 asking for the markets' table that a site has none, and where to look", async () => {
    const DIRECTOR = 'U0SALDIR01';
    const ask = async () => answerText((await h.driver.command(DIRECTOR, '/targets', 'scorecard markets')).json);
    const zh = await ask();
    expect(zh).toContain('案場沒有市場，所以沒有各市場考評');
    expect(zh).toContain('`/targets scorecard team 2026-11`');
    expect(zh).not.toContain('市場經理當月沒有目標');
    await h.driver.command(DIRECTOR, '/org', 'lang en');
    const en = await ask();
    expect(en).toContain('A site has no markets, so there is no markets’ scorecard table.');
    expect(en).toContain('`/targets scorecard 2026-11`');
  });
});
