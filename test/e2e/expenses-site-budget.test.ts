import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, openedView, waitFor } from '../support/visit-flow.ts';

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
    // the help names no market on a site
    expect(await answer(SALES, 'help')).toContain('[團隊|@某人]');
    expect(await answer(SALES3, 'help')).toContain('[team|@someone]');
  });

  it('takes an amount typed with full-width digits, comma and period (a Chinese input method)', async () => {
    for (const [typed, cents] of [
      ['１２００', 120_000n],
      ['１，２００．５０', 120_050n],
    ] as const) {
      const view = await openedView(h, () => h.driver.command(SALES, '/expense'));
      const values = { spentOn: '2026-11-18', amount: typed, category: '差旅', description: '高鐵' };
      expect((await h.driver.submitView(SALES, view, values)).json?.errors).toBeUndefined();
      const claim = await h.bot.db.expenseClaim.findFirstOrThrow({ where: { sourceViewId: view.id } });
      expect(claim.amountCents).toBe(cents);
    }
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
    const team = await answer(PM, 'budget 2026-12 團隊');
    expect(team).toContain('• 劉大偉：預算 ¥5,000｜實際 ¥0｜0%｜費用率 —');
    expect(team).toContain('• 吳佳玲：預算 ¥3,000｜實際 ¥0｜0%');
    expect(await answer(TL, 'budget 2026-12 團隊')).toContain('• 周子豪：實際 ¥0（未設預算）');
    // now she has one: the split opens
    const view = await openedView(h, () => h.driver.command(TL2, '/expense', 'budget set 2026-12 招待'));
    expect(JSON.stringify(view.view.blocks)).toContain('3,000');
  });
});

describe.each(PROVIDERS)('every copy of a two-level claim’s card on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: PROPERTY_ORG });
    // 周子豪's 招待 budget: 1,636.37, so a claim of 1,800 takes it to 110% and needs the PM too
    await h.bot.db.target.create({
      data: {
        ...{ orgId: 1, period: '2026-11', scopeKind: 'person', scopeId: SALES, metric: 'expense:招待' },
        ...{ value: 163_637, setBy: PM, setAt: clock.now() },
      },
    });
  });
  afterAll(async () => h?.stop());
  const statusOf = async (id: number) => (await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id } })).status;
  const cardsOf = (number: number) =>
    h.fake.state.messages.filter((m) => !m.threadTs && blocksText(m).includes(`報銷 #${number}：`));

  it('follows the PM’s approval and the payment on the team lead’s card too, not 轉交 forever', async () => {
    const view = await openedView(h, () => h.driver.command(SALES, '/expense'));
    const values = { spentOn: '2026-11-18', amount: '1800', category: '招待', description: '客戶晚餐' };
    expect((await h.driver.submitView(SALES, view, values)).text).toBe('');
    await h.flushOutbox();
    const claim = await h.bot.db.expenseClaim.findFirstOrThrow({ where: { sourceViewId: view.id } });
    expect(claim.approvers).toBe(JSON.stringify([TL, PM]));
    const first = cardsOf(claim.number)[0];
    await h.driver.replyInThread(TL, first, '通過');
    await waitFor(
      async () => (await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } })).step === 1,
      'step 2',
    );
    await h.flushOutbox();
    const second = cardsOf(claim.number).find((m) => m.channel !== first.channel)!;
    expect(h.fake.state.groupMembers.get(second.channel)).toEqual([SALES, PM].sort());
    const copy = () => h.fake.state.messages.find((m) => m.channel === first.channel && m.ts === first.ts)!;
    expect(blocksText(copy())).toContain('轉交 王建國 審核');
    await h.driver.clickButton(PM, second, 'expense_approve');
    await waitFor(async () => (await statusOf(claim.id)) === 'approved', 'the PM');
    await h.flushOutbox();
    for (const card of [copy(), h.fake.state.messages.find((m) => m.ts === second.ts)!]) {
      expect(blocksText(card)).toMatch(/已由 王建國 於 .+ 通過/);
      expect(blocksText(card)).not.toContain('轉交');
    }
    await h.driver.command('U0SECRET01', '/expense', `paid ${claim.number}`);
    await h.flushOutbox();
    expect(blocksText(copy())).toMatch(/已由 張雅婷 於 .+ 標記付款/);
  });
});
