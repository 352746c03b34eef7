import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { placeOrderAs, setLimit } from '../support/order-flow.ts';
import { POSTGRES_AVAILABLE } from '../support/test-database.ts';
import { sentDuring } from '../support/pg-sent.ts';

// The organisation's order counter row is locked from the number's taking to the COMMIT: every other
// order of the organisation waits that long, so it is taken last, just before the cards that show it.
describe.skipIf(!POSTGRES_AVAILABLE)('placing an order on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider: 'postgres', orgFile: BRAND_ACCOUNTS_ORG });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('places an order in 3 round trips, holds the order number for at most 2, and numbers without gaps', async () => {
    await setLimit(h, 'ED01', 100_000_00);
    const held: number[] = [];
    const unitTrips: number[] = [];
    for (const lines of ['TEA001 5', 'TEA002 3']) {
      const sent = await sentDuring(() => placeOrderAs(h, 'U0KEYACC01', { account: 'ED01', lines }));
      const taking = sent.findIndex((s) => s.text.includes('"OrderCounter"'));
      expect(taking).toBeGreaterThan(-1);
      const unit = sent.slice(taking).filter((s) => s.client === sent[taking].client);
      const commit = unit.findIndex((s) => /COMMIT\s*;?\s*$/.test(s.text));
      expect(commit).toBeGreaterThan(-1);
      held.push(commit + 1); // the taking, what follows it, and the COMMIT (writes nobody reads ride along)
      const begin = sent.findIndex((s) => s.client === sent[taking].client && /^\s*BEGIN\b/.test(s.text));
      const whole = sent.slice(begin).filter((s) => s.client === sent[taking].client);
      unitTrips.push(whole.findIndex((s) => /COMMIT\s*;?\s*$/.test(s.text)) + 1);
    }
    expect(held.every((n) => n <= 2)).toBe(true);
    // the whole unit: key and exposure with the credit position's read, the order, its cards with the COMMIT
    expect(unitTrips).toEqual([3, 3]);
    const orders = await h.bot.db.order.findMany({ orderBy: { id: 'asc' } });
    expect(orders.map((o) => o.number)).toEqual(['SO-000001', 'SO-000002']);
    expect(orders.map((o) => o.state)).toEqual(['approved', 'approved']);
    const lines = await h.bot.db.orderLine.findMany({ where: { orderId: orders[1].id } });
    expect(lines.map((l) => [l.sku, l.quantity])).toEqual([['TEA002', 3]]);
    expect(await h.bot.db.orderCard.count({ where: { orderId: orders[1].id } })).toBeGreaterThan(1);
    expect(await h.bot.db.auditEntry.count({ where: { action: 'order.place', subject: 'SO-000002' } })).toBe(1);
  });
});
