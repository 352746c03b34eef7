import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo, settle } from '../support/visit-flow.ts';

describe.each(PROVIDERS)('targets fed by deals: 認購套數, 簽約 once, 回款金額 on %s', (provider) => {
  let h: Harness;
  let card: StoredMessage;
  let dealId = 0;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const targets = async () => answerText((await h.driver.command('U0SALES002', '/targets')).json);
  const totals = async () =>
    Object.fromEntries(
      (await h.bot.db.actualTotal.findMany({ where: { personId: 'U0SALES002', month: '2026-11' } })).map((t) => [
        t.metric,
        Number(t.value),
      ]),
    );
  const stage = async () => (await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613900006611' } })).stage;

  /** The file's card as it was before the deal, its 推進 button retargeted: an old copy, or a crafted click. */
  const staleCard = (from: string, to: string): StoredMessage =>
    JSON.parse(JSON.stringify(card).replaceAll(':visiting:reserved', `:${from}:${to}`));

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    card = await customerCardOf(h, 'U0SALES002', '13900006611', '魏先生');
  });
  afterAll(async () => h?.stop());

  it('counts a reservation as 認購套數 and moves the customer file to 認購', async () => {
    dealId = await reserve(h, 'U0SALES002', card, { building: '1棟', number: '0501' });
    expect(await targets()).toContain('*認購套數*：實際 1');
    expect(await stage()).toBe('reserved');
  });

  it('counts a payment as 回款金額, shown by /targets', async () => {
    const errors = await actOnDeal(h, 'U0SECRET01', 'U0SALES002', dealId, 'deal_pay', {
      amount: '50,000',
      receivedOn: '2026-11-26',
    });
    expect(errors).toBeUndefined();
    const mine = await targets();
    expect(mine).toContain('*認購套數*：實際 1');
    expect(mine).toContain('*回款金額*：實際 ¥50,000');
  });

  it('refuses a hand move to 簽約 while the deal drives the file, and its card offers no such button', async () => {
    const shown = dmsTo(h, 'U0SALES002').filter((m) => blocksText(m).includes('魏先生') && !m.threadTs);
    expect(shown.some((m) => blocksText(m).includes('customer_next'))).toBe(false);
    expect(shown.some((m) => blocksText(m).includes('customer_lost'))).toBe(true);
    const fileCard = staleCard('reserved', 'contracted');
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES002', fileCard, 'customer_next');
    await settle(h);
    const said = JSON.stringify(h.fake.calls.slice(before));
    expect(said).toContain(`這位客戶已有成交 #${dealId}`);
    expect(await stage()).toBe('reserved');
    expect((await totals()).contracts ?? 0).toBe(0);
  });

  it('counts the contract once, from the deal, and the file follows to 簽約; an undo takes both back', async () => {
    const deal = await h.bot.db.deal.findUniqueOrThrow({ where: { id: dealId } });
    const total = String(Number(deal.priceCents) / 100);
    const errors = await actOnDeal(h, 'U0SALES002', 'U0SALES002', dealId, 'deal_sign', {
      contractNo: 'HT-T01',
      total,
      method: 'lump_sum',
      downDate: '2026-12-10',
    });
    expect(errors).toBeUndefined();
    expect(await stage()).toBe('contracted');
    expect(await totals()).toMatchObject({
      reservations: 1,
      contracts: 1,
      amount: Number(deal.priceCents),
      collections: 5_000_000,
    });
    expect(await targets()).toContain('*簽約套數*：實際 1');
    // the payment and the contract were at the same instant: the payment is undone first, then the contract
    const payment = await h.driver.command('U0TLEAD001', '/deal', `undo ${dealId}`);
    expect(answerText(payment.json)).toContain('最後一筆回款');
    expect((await totals()).collections).toBe(0);
    const contract = await h.driver.command('U0TLEAD001', '/deal', `undo ${dealId}`);
    expect(answerText(contract.json)).toContain('退回認購');
    expect(await stage()).toBe('reserved');
    expect(await totals()).toMatchObject({ reservations: 1, contracts: 0, amount: 0, collections: 0 });
  });

  it("keeps the file at the deal's stage: a hand move past 簽約 is refused, undo and re-sign put it back", async () => {
    const deal = await h.bot.db.deal.findUniqueOrThrow({ where: { id: dealId } });
    const sign = (contractNo: string) =>
      actOnDeal(h, 'U0SALES002', 'U0SALES002', dealId, 'deal_sign', {
        contractNo,
        total: String(Number(deal.priceCents) / 100),
        method: 'lump_sum',
        downDate: '2026-12-10',
      });
    await settle(h);
    expect(await sign('HT-T02')).toBeUndefined();
    expect(await stage()).toBe('contracted');
    const fileCard = staleCard('contracted', 'mortgage');
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES002', fileCard, 'customer_next');
    await settle(h);
    expect(JSON.stringify(h.fake.calls.slice(before))).toContain(`這位客戶已有成交 #${dealId}`);
    expect(await stage()).toBe('contracted');
    // a file moved on by hand before this rule: the deal's undo and sign still put it at the deal's stage
    const file = { where: { phone: '+8613900006611' }, data: { stage: 'mortgage' } };
    await h.bot.db.customer.updateMany(file);
    expect(answerText((await h.driver.command('U0TLEAD001', '/deal', `undo ${dealId}`)).json)).toContain('退回認購');
    expect(await stage()).toBe('reserved');
    await settle(h);
    await h.bot.db.customer.updateMany(file);
    expect(await sign('HT-T03')).toBeUndefined();
    expect(await stage()).toBe('contracted');
    await h.driver.command('U0TLEAD001', '/deal', `undo ${dealId}`);
    expect(await stage()).toBe('reserved');
    await settle(h);
  });

  it('keeps the 認購, shows the 退訂 apart and counts the refund when the PM approves a cancellation', async () => {
    await actOnDeal(h, 'U0SECRET01', 'U0SALES002', dealId, 'deal_pay', { amount: '50,000', receivedOn: '2026-11-26' });
    await actOnDeal(h, 'U0SALES002', 'U0SALES002', dealId, 'deal_cancel', { reason: '客戶改變主意', refund: '20,000' });
    const request = dmsTo(h, 'U0PROJMGR1')
      .filter((m) => blocksText(m).includes('deal_cancel_approve'))
      .at(-1)!;
    await h.driver.clickButton('U0PROJMGR1', request, 'deal_cancel_approve');
    await expect
      .poll(async () => (await h.bot.db.deal.findUniqueOrThrow({ where: { id: dealId } })).stage)
      .toBe('cancelled');
    // the deals' one rule: the 認購 stays in its month, the cancellation is shown as one, not subtracted
    expect(await totals()).toMatchObject({ reservations: 1, contracts: 0, collections: 3_000_000 });
    expect(await stage()).toBe('visiting');
    const shown = await targets();
    expect(shown).toContain('*回款金額*：實際 ¥30,000');
    expect(shown).toContain('*認購套數*：實際 1');
    expect(shown).toContain('*退訂*：1 套（本期核准，不論何時認購；另列，不從認購、簽約扣除）');
  });
});
