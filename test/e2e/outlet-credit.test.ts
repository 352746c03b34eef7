import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { blocksText, openedView, waitFor } from '../support/visit-flow.ts';
import { confirmOrder, enterOrder, setLimit } from '../support/order-flow.ts';
import { heldOrderLines } from '../../src/services/orders/held-orders.ts';

const CSR1 = 'U0CSREP001';
const CSR2 = 'U0CSREP002';
const REP = 'U0SALREP01'; // 蔣濤: the outlet EO001, which belongs to the distributor ED05
const SSG_LEAD = 'U0SSGLEAD1'; // 何麗君, who approves orders held for credit

// Issue 18: an outlet cannot be rated, so its orders were always held as unrated.
describe.each(PROVIDERS)("an outlet's orders and its distributor's credit on %s", (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG });
  });
  afterAll(async () => h?.stop());

  const confirmText = (confirm: { view: Record<string, unknown> }) =>
    blocksText({ blocks: confirm.view.blocks as unknown[] });
  const orderOf = async (code: string) => {
    const account = await h.bot.db.account.findFirstOrThrow({ where: { code } });
    return h.bot.db.order.findMany({ where: { accountId: account.id }, orderBy: { id: 'asc' } });
  };

  it("checks an outlet's order from a stock-out against its distributor's limit, and approves it", async () => {
    await setLimit(h, 'ED05', 50_000_00);
    const need = answerText((await h.driver.command(REP, '/order', 'need EO001 TEA001 急 店內斷貨')).json);
    expect(need).toContain('已記錄 TEA001 的補貨需求');
    await h.flushOutbox();
    const card = [...h.fake.state.messages].reverse().find((m) => blocksText(m).includes('order_need_to_order'))!;
    const form = await openedView(h, () => h.driver.clickButton(CSR1, card, 'order_need_to_order'));
    const { confirm } = await enterOrder(h, CSR1, { account: 'EO001', lines: 'TEA001 20', note: '店內斷貨' }, form);
    const text = confirmText(confirm!);
    expect(text).toContain('網點的訂單按所屬經銷商 ED05 上海宏源實業 的信用額度檢查');
    expect(text).not.toContain('未設額度');
    expect(text).toContain('在額度內且無逾期應收款：提交後即核准。');
    await confirmOrder(h, CSR1, confirm!);
    await h.flushOutbox();
    expect((await orderOf('EO001')).map((o) => o.state)).toEqual(['approved']);
  });

  it('does not hold an outlet that belongs to no distributor for a rating it cannot have', async () => {
    await h.bot.db.account.updateMany({ where: { code: 'EO004' }, data: { distributorCode: '' } });
    const { confirm } = await enterOrder(h, CSR1, { account: 'EO004', lines: 'TEA001 20' });
    const text = confirmText(confirm!);
    expect(text).toContain('此網點不屬於任何經銷商，不做額度檢查：提交後即核准。');
    expect(text).not.toContain('尚未評級');
    await confirmOrder(h, CSR1, confirm!);
    await h.flushOutbox();
    expect((await orderOf('EO004')).map((o) => o.state)).toEqual(['approved']);
  });

  it("an outlet's and its distributor's orders at the same instant: the check sees both", async () => {
    // ED05's 50,000 already carries the outlet's 1,440: room for one of these two, not both
    const a = await enterOrder(h, CSR1, { account: 'ED05', lines: 'TEA002 500' }); // 36,000
    const b = await enterOrder(h, CSR2, { account: 'EO001', lines: 'TEA003 500' }); // 36,000
    await Promise.all([confirmOrder(h, CSR1, a.confirm!), confirmOrder(h, CSR2, b.confirm!)]);
    await h.flushOutbox();
    await waitFor(async () => (await orderOf('EO001')).length === 2, 'both orders');
    const states = [...(await orderOf('ED05')), ...(await orderOf('EO001')).slice(1)].map((o) => o.state).sort();
    expect(states).toEqual(['approved', 'pending_credit']);
    // held over its distributor's limit, which is rated: the SSG leader's App Home says so, not 尚未評級
    const chart = await h.bot.context.directory.current();
    const lines = await heldOrderLines({ db: h.bot.db, chart, userId: SSG_LEAD, locale: 'zh-Hant' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('超出額度');
    expect(lines[0]).not.toContain('尚未評級');
  });
});
