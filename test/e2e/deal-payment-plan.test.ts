import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, cny, customerCardOf, dealCardOf, reserve, yuan } from '../support/deal-flow.ts';
import { blocksText } from '../support/visit-flow.ts';

const money = cny;

// Thursday 2026-11-26, 10:00 on the site
describe.each(PROVIDERS.slice(0, 1))('the payment plan on a signed deal’s card and /deal on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const down = 80_000_000;
  let mortgage: number;
  let instalments: number;
  let loan: number;
  let total: number;
  const priceOf = async (id: number) => Number((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).priceCents);
  const lookup = async (user: string, id: number) => answerText((await h.driver.command(user, '/deal', `#${id}`)).json);

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const card = await customerCardOf(h, 'U0SALES001', '13900005151', '孫先生');
    mortgage = await reserve(h, 'U0SALES001', card, { building: '2棟', number: '0501' });
    instalments = await reserve(h, 'U0SALES001', card, { building: '2棟', number: '0502' });
    await actOnDeal(h, 'U0SECRET01', 'U0SALES001', mortgage, 'deal_pay', {
      amount: '50,000',
      receivedOn: '2026-11-26',
    });
  });
  afterAll(async () => h?.stop());

  it('shows the sign-by date and no plan before 簽約', async () => {
    const text = blocksText(dealCardOf(h, 'U0SALES001', mortgage));
    expect(text).toContain('簽約期限 2026-12-03');
    expect(text).not.toContain('付款計劃');
  });

  it('shows the mortgage plan after 簽約: down payment, bank, loan, its expected date, each paid or due', async () => {
    total = await priceOf(mortgage);
    loan = total - 5_000_000 - down;
    const errors = await actOnDeal(h, 'U0SALES001', 'U0SALES001', mortgage, 'deal_sign', {
      contractNo: 'HT-P01',
      total: yuan(total),
      method: 'mortgage',
      down: yuan(down),
      downDate: '2026-12-03',
      bank: '建設銀行',
      loan: yuan(loan),
      loanDate: '2027-01-15',
    });
    expect(errors).toBeUndefined();
    const expected = [
      '*付款計劃*（按揭・建設銀行）',
      `• 定金 ${money(5_000_000)}，2026-11-26 到期：已付清`,
      `• 首付 ${money(down)}，2026-12-03 到期：未到期`,
      `• 按揭放款 ${money(loan)}，預計 2027-01-15 放款：未到期`,
    ];
    const card = blocksText(dealCardOf(h, 'U0SALES001', mortgage));
    for (const line of expected) expect(card).toContain(line);
    expect(card).toContain('合同 HT-P01');
    expect(card).not.toContain('簽約期限');
    const shown = await lookup('U0DEPUTY01', mortgage);
    expect(shown).toContain(expected.join('\n'));
    expect(shown).not.toContain('簽約期限');
  });

  it('marks a part-paid item with what is paid, and an item past its date overdue with what is open', async () => {
    await actOnDeal(h, 'U0SECRET01', 'U0SALES001', mortgage, 'deal_pay', {
      amount: yuan(30_000_000),
      receivedOn: '2026-11-26',
    });
    expect(blocksText(dealCardOf(h, 'U0SALES001', mortgage))).toContain(
      `• 首付 ${money(down)}，2026-12-03 到期：未到期（已付 ${money(30_000_000)}）`,
    );
    clock.set('2026-12-07T02:00:00Z');
    const shown = await lookup('U0SALES001', mortgage);
    expect(shown).toContain(`• 首付 ${money(down)}，2026-12-03 到期：逾期，尚欠 ${money(down - 30_000_000)}`);
    expect(shown).toContain(`• 按揭放款 ${money(loan)}，預計 2027-01-15 放款：未到期`);
  });

  it('lists each instalment of an instalment plan, numbered, in the owner’s card', async () => {
    const price = await priceOf(instalments);
    const first = 20_000_000;
    const second = price - 5_000_000 - down - first;
    await actOnDeal(h, 'U0SALES001', 'U0SALES001', instalments, 'deal_sign', {
      contractNo: 'HT-P02',
      total: yuan(price),
      method: 'instalments',
      down: yuan(down),
      downDate: '2026-12-10',
      schedule: `2027-03-31 ${yuan(first)}\n2027-06-30 ${yuan(second)}`,
    });
    const card = blocksText(dealCardOf(h, 'U0SALES001', instalments));
    expect(card).toContain('*付款計劃*（分期）');
    expect(card).toContain(`• 定金 ${money(5_000_000)}，2026-11-26 到期：逾期，尚欠 ${money(5_000_000)}`);
    expect(card).toContain(`• 分期款 1 ${money(first)}，2027-03-31 到期：未到期`);
    expect(card).toContain(`• 分期款 2 ${money(second)}，2027-06-30 到期：未到期`);
    expect(card).not.toContain('簽約期限');
  });
});
