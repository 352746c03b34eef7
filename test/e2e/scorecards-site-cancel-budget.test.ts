import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo } from '../support/visit-flow.ts';

/**
 * A site's November, as a new user met it (issues 15, 18): 許家銘 reserves and signs a unit, then the PM
 * approves its 退訂; 周子豪 spends 115% of his 差旅 budget. On the 3rd working day of December the
 * scorecards count no cancelled deal, as /targets does not, and the budget overrun costs points.
 */
describe(`a site's scorecards: cancelled deals and the budget (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const PM = 'U0PROJMGR1';
  const scorecardsTo = (id: string) => dmsTo(h, id).filter((m) => /考評/.test(m.text));

  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock });
    const db = h.bot.db;
    // November: 2 contracts each for the three salespeople, and a 差旅 budget of 10,000 for 周子豪
    for (const [scopeId, metric, value] of [
      ['U0SALES001', 'contracts', 2],
      ['U0SALES002', 'contracts', 2],
      ['U0SALES003', 'contracts', 2],
      ['U0SALES001', 'expense:差旅', 1_000_000],
    ] as const)
      await db.target.create({
        data: {
          orgId: 1,
          period: '2026-11',
          scopeKind: 'person',
          scopeId,
          metric,
          value,
          setBy: PM,
          setAt: clock.now(),
        },
      });
    // 周子豪 and 鄭欣怡 each sold 2 by hand (the customer file's count): both at 100%
    for (const personId of ['U0SALES001', 'U0SALES002'])
      await db.actualTotal.create({ data: { orgId: 1, personId, month: '2026-11', metric: 'contracts', value: 2 } });
    await db.expenseClaim.create({
      data: {
        orgId: 1,
        number: 901,
        claimantId: 'U0SALES001',
        amountCents: 1_150_000,
        category: '差旅',
        spentOn: '2026-11-20',
        month: '2026-11',
        description: '看房接送',
        status: 'approved',
        approvers: 'U0TLEAD001',
        sourceViewId: 'seed-901',
        createdAt: clock.now(),
        updatedAt: clock.now(),
      },
    });
  });
  afterAll(async () => h?.stop());

  it('counts no deal whose 退訂 the PM approved: the scorecards agree with /targets team', async () => {
    const card = await customerCardOf(h, 'U0SALES003', '13900007711', '陳先生');
    const dealId = await reserve(h, 'U0SALES003', card, { building: '1棟', number: '0501' });
    const deal = await h.bot.db.deal.findUniqueOrThrow({ where: { id: dealId } });
    const signed = await actOnDeal(h, 'U0SALES003', 'U0SALES003', dealId, 'deal_sign', {
      contractNo: 'HT-C01',
      total: String(Number(deal.priceCents) / 100),
      method: 'lump_sum',
      downDate: '2026-12-10',
    });
    expect(signed).toBeUndefined();
    await actOnDeal(h, 'U0SALES003', 'U0SALES003', dealId, 'deal_cancel', { reason: '客戶改變主意', refund: '' });
    const request = dmsTo(h, PM)
      .filter((m) => blocksText(m).includes('deal_cancel_approve'))
      .at(-1)!;
    await h.driver.clickButton(PM, request, 'deal_cancel_approve');
    await expect
      .poll(async () => (await h.bot.db.deal.findUniqueOrThrow({ where: { id: dealId } })).stage)
      .toBe('cancelled');
    const team = answerText((await h.driver.command(PM, '/targets', 'team 2026-11')).json);
    expect(team).toContain('吳佳玲：0 / 2');

    clock.set('2026-12-03T01:05:00Z'); // Thursday 3 December, the 3rd working day, 09:05 in Shanghai
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const [his] = scorecardsTo('U0SALES003').map((m) => m.text);
    expect(his).toContain('• 認購：0 套，¥0');
    expect(his).toContain('• 簽約：0 套，¥0');
    const table = scorecardsTo(PM).find((m) => m.text.includes('2026-11 下屬考評'));
    expect(table?.text).toMatch(/吳佳玲：[^\n]*簽約 0 套/);
    expect(table?.text).not.toMatch(/簽約 1 套/);
  });

  it('takes a point of the expense part off for each point of budget over 100%, unranked ratio or not', async () => {
    const [his] = scorecardsTo('U0SALES001').map((m) => m.text);
    expect(his).toContain('預算使用 115%');
    // sales 100% (50) + budget 115% (25 × 0.85) + visits none by anyone (25 × 0): 71 of 100
    expect(his).toContain('總分 71（');
    const [hers] = scorecardsTo('U0SALES002').map((m) => m.text);
    expect(hers).toContain('總分 67（');
  });
});
