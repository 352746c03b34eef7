import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { customerCardOf, dealCardOf, reserve } from '../support/deal-flow.ts';
import { sentDuring } from '../support/pg-sent.ts';
import { POSTGRES_AVAILABLE } from '../support/test-database.ts';
import { blocksText, dmsTo, openedView, settle } from '../support/visit-flow.ts';

// 回款 at 32 concurrent is held to 30% of bare Bolt: every round trip before the ack counts.
describe.skipIf(!POSTGRES_AVAILABLE)('recording a payment on PostgreSQL', () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: 'postgres', clock });
  });
  afterAll(async () => h?.stop());

  it('checks in one round trip, stores in two, and the card shows the payment without reading it again', async () => {
    const card = await customerCardOf(h, 'U0SALES001', '13900005555', '吳先生');
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0201' });
    const view = await openedView(h, () =>
      h.driver.clickButton('U0SECRET01', dealCardOf(h, 'U0SALES001', id), 'deal_pay'),
    );
    await settle(h);
    const sent = await sentDuring(() =>
      h.driver.submitView('U0SECRET01', view, { amount: '20,000', receivedOn: '2026-11-26' }),
    );
    const check = sent.findIndex((s) => s.text.includes('FROM "Deal" d'));
    expect(check).toBeGreaterThan(-1);
    // the deal, the modal's earlier payment and the due items, in one text
    expect(sent[check].text).toContain('"sourceViewId"');
    expect(sent[check].text).toContain('FROM "DealDueItem"');
    const unit = sent.slice(check + 1).filter((s) => s.client === sent.find((x) => /^BEGIN\b/.test(x.text))?.client);
    const commit = unit.findIndex((s) => /COMMIT\s*;?\s*$/.test(s.text));
    expect(commit).toBe(1); // the payment with its reads back; then its writes and messages with the COMMIT
    await settle(h);
    const items = await h.bot.db.dealDueItem.findMany({ where: { dealId: id, kind: 'deposit' } });
    expect(items.map((i) => [i.paidCents, i.amountCents])).toEqual([[2_000_000n, 5_000_000n]]);
    const shown = dmsTo(h, 'U0SALES001').find((m) => m.text?.includes(`成交 #${id}*`) && !m.threadTs);
    expect(blocksText(shown!)).toContain('¥20,000');
    expect(await h.bot.db.dealPayment.count({ where: { dealId: id } })).toBe(1);
  });
});
