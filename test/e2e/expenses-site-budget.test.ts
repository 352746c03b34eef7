import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { openedView } from '../support/visit-flow.ts';

const PM = 'U0PROJMGR1'; // 王建國
const TL = 'U0TLEAD001'; // 劉大偉
const TL2 = 'U0TLEAD002'; // 吳佳玲
const SALES = 'U0SALES001'; // 周子豪, under 劉大偉
const SALES3 = 'U0SALES003'; // 許家銘, under 吳佳玲

describe.each(PROVIDERS)('a site’s expense budget on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: PROPERTY_ORG });
  });
  afterAll(async () => h?.stop());
  const answer = async (user: string, text: string) =>
    answerText((await h.driver.command(user, '/expense', text)).json);

  it('refuses a team lead’s split while she has no budget, and speaks of the site’s payer', async () => {
    const before = h.fake.state.views.size;
    expect(await answer(TL2, 'budget set 2026-12 招待')).toBe(
      '上級預算（吳佳玲）在 2026-12 還沒有招待預算，沒有可以拆分的預算。' +
        '請 王建國 先用 `/expense budget set 2026-12 招待` 設定。',
    );
    expect(h.fake.state.views.size).toBe(before);
    // a salesperson: nothing to split a budget across, and no markets on a site
    expect(await answer(SALES, 'budget set 2026-12 招待')).toBe('你沒有可以拆分預算的下屬。');
    // a site's payer is its secretary (女專): it has no 銷售秘書組
    expect(await answer(SALES, 'export 2026-11')).toBe('只有領導層或女專可以匯出報銷。');
    await h.driver.command(SALES3, '/org', 'lang en');
    expect(await answer(SALES3, 'export 2026-11')).toBe('Only leadership or the site secretary may export claims.');
    expect(await answer(SALES3, 'budget set 2026-12 招待')).toBe('You have no reports to split a budget across.');
  });

  it('measures the PM, a team lead and a salesperson each on their own subtree', async () => {
    for (const [scopeId, value] of [
      [TL, 500_000],
      [TL2, 300_000],
    ] as const)
      await h.bot.db.target.create({
        data: {
          ...{ orgId: 1, period: '2026-12', scopeKind: 'person', scopeId, metric: 'expense:招待' },
          ...{ value, setBy: PM, setAt: clock.now() },
        },
      });
    const budget = async (user: string) => answer(user, 'budget 2026-12');
    expect(await budget(PM)).toContain('*招待*：預算 ¥8,000｜實際 ¥0');
    expect(await budget(TL)).toContain('*招待*：預算 ¥5,000｜實際 ¥0');
    expect(await budget(SALES)).not.toContain('¥5,000');
    // now she has one: the split opens
    const view = await openedView(h, () => h.driver.command(TL2, '/expense', 'budget set 2026-12 招待'));
    expect(JSON.stringify(view.view.blocks)).toContain('3,000');
  });
});
