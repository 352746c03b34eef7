import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, dealCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo } from '../support/visit-flow.ts';

/** Every amount on a deal's card, its payment message, the arrears and the errors: one formatter, the site's ¥. */
describe('amounts on the deal texts, written one way', () => {
  let h: Harness;
  let id = 0;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));

  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock });
    const card = await customerCardOf(h, 'U0SALES001', '13900006611', '池先生');
    id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0501' }, { deposit: '50,000' });
  });
  afterAll(async () => h?.stop());

  it('the deal card: list price, deposit and what is paid, in the site currency', async () => {
    const text = blocksText(dealCardOf(h, 'U0SALES001', id));
    expect(text).toContain('定金 ¥50,000（');
    expect(text).toMatch(/標價 ¥[\d,]+ · 折扣 ¥0 · 成交價 ¥[\d,]+/);
    expect(text).not.toMatch(/\d 元|(?<![¥\d,.])\d{1,3},\d{3}(?![\d,])/);
  });

  it('the payment message and the bound of an amount too large', async () => {
    const errors = await actOnDeal(h, 'U0SECRET01', 'U0SALES001', id, 'deal_pay', {
      amount: '99,999,999,999',
      receivedOn: '2026-11-26',
    });
    expect(errors).toMatchObject({ amount: '金額最多 ¥10,000,000,000。' });
    const ok = await actOnDeal(h, 'U0SECRET01', 'U0SALES001', id, 'deal_pay', {
      amount: '1,234.5',
      receivedOn: '2026-11-26',
    });
    expect(ok).toBeUndefined();
    const noted = dmsTo(h, 'U0SALES001').map(blocksText).join('\n') + JSON.stringify(h.fake.calls.slice(-20));
    expect(noted).toContain('已收款 ¥1,234.50（2026-11-26）');
    expect(blocksText(dealCardOf(h, 'U0SALES001', id))).toContain('已收 ¥1,234.50');
  });

  it('the arrears, in Chinese and in English, and a list price too large', async () => {
    clock.set('2026-11-28T02:00:00Z');
    const zh = answerText((await h.driver.command('U0DEPUTY01', '/deal', 'arrears')).json);
    expect(zh).toContain('「定金」¥48,765.50，2026-11-26 到期，逾期 2 天');
    await h.driver.command('U0DEPUTY01', '/org', 'lang en');
    const en = answerText((await h.driver.command('U0DEPUTY01', '/deal', 'arrears')).json);
    expect(en).toContain('¥48,765.50, due 2026-11-26, 2 days overdue');
    const price = answerText((await h.driver.command('U0PROJMGR1', '/units', 'price 1棟 0502 99999999999')).json);
    expect(price).toContain('標價最多 ¥10,000,000,000。');
  });
});
