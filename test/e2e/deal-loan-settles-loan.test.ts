import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, cny, customerCardOf, dealCardOf, reserve, yuan } from '../support/deal-flow.ts';
import { blocksText } from '../support/visit-flow.ts';

const money = cny;

// 首付 due before the loan: the bank's disbursement pays the loan, and the 首付 is still owed
describe.each(PROVIDERS.slice(0, 1))('a mortgage deal’s loan disbursed before its down payment on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const down = 80_000_000;
  let id: number;
  let loan: number;

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const card = await customerCardOf(h, 'U0SALES001', '13900006262', '周先生');
    id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0401' });
    await actOnDeal(h, 'U0SECRET01', 'U0SALES001', id, 'deal_pay', { amount: '50,000', receivedOn: '2026-11-26' });
    const total = Number((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).priceCents);
    loan = total - 5_000_000 - down;
    await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
      contractNo: 'HT-L01',
      total: yuan(total),
      method: 'mortgage',
      down: yuan(down),
      downDate: '2026-12-03',
      bank: '建設銀行',
      loan: yuan(loan),
      loanDate: '2027-01-15',
    });
    for (
      let step = 0;
      step < 3;
      step++ // documents collected, submitted, approved
    )
      await actOnDeal(h, 'U0SECRET01', 'U0SALES001', id, 'deal_mortgage_step', { date: '2026-11-26' });
    await actOnDeal(h, 'U0SECRET01', 'U0SALES001', id, 'deal_mortgage_step', {
      date: '2026-11-26',
      amount: yuan(loan),
    });
  });
  afterAll(async () => h?.stop());

  it('settles the loan item, and leaves the down payment owed', async () => {
    const items = await h.bot.db.dealDueItem.findMany({ where: { dealId: id }, orderBy: { id: 'asc' } });
    const byKind = Object.fromEntries(items.map((i) => [i.kind, Number(i.paidCents)]));
    expect(byKind).toMatchObject({ down_payment: 0, mortgage: loan });
    expect(blocksText(dealCardOf(h, 'U0SALES001', id))).toContain(
      `已收 ${money(5_000_000 + loan)} · 未到期 ${money(down)} · 逾期 ${money(0)}`,
    );
    expect((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).stage).toBe('contracted');
    // the history shows each mortgage step as a step, not as a move from 已簽約 to 已簽約
    const history = answerText((await h.driver.command('U0SALES001', '/deal', `#${id}`)).json);
    expect(history).not.toContain('已簽約 → 已簽約');
    expect(history).toMatch(/張雅婷: 按揭資料已收齊/);
  });

  it('tells the bank’s loan from the buyer’s payments in the ledger and the Monday summary', async () => {
    const payments = await h.bot.db.dealPayment.findMany({ where: { dealId: id }, orderBy: { id: 'asc' } });
    expect(payments.map((p) => [Number(p.amountCents), p.payer, p.note])).toEqual([
      [5_000_000, 'buyer', null],
      [loan, 'bank', null],
    ]);
    clock.set('2026-11-30T01:00:00Z'); // Monday 09:00 on the site: the week of the 23rd to the 29th
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const weekly = h.fake.state
      .inChannel('U0PROJMGR1')
      .map((m) => blocksText(m))
      .find((text) => text.includes('每週回款與欠款'));
    expect(weekly).toContain(`本週回款 ${money(5_000_000 + loan)}（2 筆，其中銀行放款 ${money(loan)}）`);
  });

  it('shows the down payment overdue once its date has passed, and the deputy sees it in the arrears', async () => {
    clock.set('2026-12-07T02:00:00Z');
    const shown = answerText((await h.driver.command('U0SALES001', '/deal', `#${id}`)).json);
    expect(shown).toContain(`逾期 ${money(down)}`);
    const arrears = answerText((await h.driver.command('U0DEPUTY01', '/deal', 'arrears')).json);
    expect(arrears).toContain(`#${id}`);
    expect(arrears).toContain(money(down));
  });

  it('gives the loan disbursed its own kind in the payments CSV, from the catalogue', async () => {
    const before = h.fake.calls.length;
    await h.driver.command('U0PROJMGR1', '/deal', 'export 2026-11-01 2026-11-30 csv');
    await expect.poll(() => h.fake.calls.slice(before).filter((c) => c.method === 'file_upload').length).toBe(2);
    const payments = String(h.fake.calls.slice(before).filter((c) => c.method === 'file_upload')[1].args.content);
    const loanLine = payments.split('\r\n').find((line) => line.includes(`,${(loan / 100).toFixed(2)},`));
    expect(loanLine).toContain(`,銀行放款,${(loan / 100).toFixed(2)},2026-11-26,`);
    const buyerLine = payments.split('\r\n').find((line) => line.includes(',50000.00,'));
    expect(buyerLine).toContain(',回款,50000.00,');
    expect(payments).not.toContain('mortgage');
  });
});
