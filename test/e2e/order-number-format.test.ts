import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderNumberOf } from '../../src/domain/orders/order-number.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { placeOrderAs, setLimit } from '../support/order-flow.ts';
import { PROVIDERS } from '../support/test-database.ts';

// SQLite numbers an order in TypeScript, PostgreSQL in the INSERT itself: both from one format
describe.each(PROVIDERS)('order numbers on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG });
  });
  afterAll(async () => h?.stop());

  it('numbers orders SO- and six digits at least, past 999,999 without cutting a digit', async () => {
    await setLimit(h, 'ED01', 100_000_00);
    const numbers = [(await placeOrderAs(h, 'U0KEYACC01', { account: 'ED01', lines: 'TEA001 1' })).number];
    await h.bot.db.orderCounter.updateMany({ data: { next: 999_999 } });
    for (const lines of ['TEA001 2', 'TEA001 3'])
      numbers.push((await placeOrderAs(h, 'U0KEYACC01', { account: 'ED01', lines })).number);
    expect(numbers).toEqual(['SO-000001', 'SO-999999', 'SO-1000000']);
    expect(numbers).toEqual([1, 999_999, 1_000_000].map(orderNumberOf));
  });
});
