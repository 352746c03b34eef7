import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredView } from '../../src/fake-slack/workspace-state.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { confirmOrder, enterOrder, placeOrderAs, setLimit } from '../support/order-flow.ts';
import { POSTGRES_AVAILABLE } from '../support/test-database.ts';
import { sentDuring } from '../support/pg-sent.ts';

// The organisation's order counter row is locked from the number's taking to the COMMIT: every other
// order of the organisation waits that long, so it is taken in the COMMIT's own round trip, and the cards,
// DMs and audit entry queued before carry the number from there (domain/orders/order-number.ts).
describe.skipIf(!POSTGRES_AVAILABLE)('placing an order on PostgreSQL', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider: 'postgres', orgFile: BRAND_ACCOUNTS_ORG });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('places an order in 3 round trips, takes its number with the COMMIT, and numbers without gaps', async () => {
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
    expect(held).toEqual([1, 1]);
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

  it('gives orders confirmed at once each its own number, in its cards and its audit entry', async () => {
    await setLimit(h, 'ED01', 100_000_00);
    const before = await h.bot.db.order.count();
    const confirms: StoredView[] = [];
    for (let i = 1; i <= 6; i += 1)
      confirms.push((await enterOrder(h, 'U0KEYACC01', { account: 'ED01', lines: `TEA001 ${i}` })).confirm!);
    const answers = await Promise.all(confirms.map((confirm) => confirmOrder(h, 'U0KEYACC01', confirm)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    await h.flushOutbox();
    const orders = (await h.bot.db.order.findMany({ orderBy: { number: 'asc' } })).slice(before);
    expect(orders.map((o) => o.number)).toEqual(Array.from({ length: 6 }, (_, i) => `SO-00000${before + i + 1}`));
    for (const order of orders) {
      const cards = h.fake.state.messages.filter((m) => JSON.stringify(m).includes(order.number));
      expect(cards.length, order.number).toBeGreaterThan(1);
      expect(await h.bot.db.auditEntry.count({ where: { action: 'order.place', subject: order.number } })).toBe(1);
    }
    const stored = [
      h.fake.state.messages,
      await h.bot.db.outboxMessage.findMany(),
      await h.bot.db.auditEntry.findMany(),
      await h.bot.db.order.findMany(),
    ];
    const text = JSON.stringify(stored, (_, value) => (typeof value === 'bigint' ? String(value) : value));
    expect(text).not.toContain('\u200b');
  });
});
