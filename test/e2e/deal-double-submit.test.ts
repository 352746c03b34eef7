import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, dealCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, openedView, settle } from '../support/visit-flow.ts';

const yuan = (cents: bigint | number | null) => String(Number(cents) / 100);

// a double click on a money modal's 儲存 (or Slack's retry of it) sends the same view twice
describe.each(PROVIDERS)('a money modal submitted twice on %s', (provider) => {
  let h: Harness;
  let card: StoredMessage;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const payments = (dealId: number) => h.bot.db.dealPayment.findMany({ where: { dealId } });
  const modal = (user: string, dealId: number, actionId: string) =>
    openedView(h, () => h.driver.clickButton(user, dealCardOf(h, 'U0SALES001', dealId), actionId));

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    card = await customerCardOf(h, 'U0SALES001', '13900006161', '孫先生');
  });
  afterAll(async () => h?.stop());

  it('records a payment once, whether the two submits come one after the other or at once', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0301' });
    const values = { amount: '10,000', receivedOn: '2026-11-26' };
    const first = await modal('U0SECRET01', id, 'deal_pay');
    await h.driver.submitView('U0SECRET01', first, values);
    await h.driver.submitView('U0SECRET01', first, values);
    const second = await modal('U0SECRET01', id, 'deal_pay');
    await Promise.all([
      h.driver.submitView('U0SECRET01', second, values),
      h.driver.submitView('U0SECRET01', second, values),
    ]);
    await settle(h);
    expect((await payments(id)).map((p) => Number(p.amountCents))).toEqual([1_000_000, 1_000_000]);
    expect(blocksText(dealCardOf(h, 'U0SALES001', id))).toContain('已收 ¥20,000');
  });

  it('receives a disbursed loan once when its modal is submitted twice at once', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0302' });
    const total = Number((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).priceCents);
    const down = 50_000_000;
    const loan = total - 5_000_000 - down;
    await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
      contractNo: 'HT-D01',
      total: yuan(total),
      method: 'mortgage',
      down: yuan(down),
      downDate: '2026-12-10',
      bank: '建設銀行',
      loan: yuan(loan),
      loanDate: '2027-01-15',
    });
    for (const step of ['docs_collected', 'submitted', 'approved'])
      expect(
        await actOnDeal(h, 'U0SECRET01', 'U0SALES001', id, 'deal_mortgage_step', { date: '2026-11-26' }),
        step,
      ).toBeUndefined();
    const view = await modal('U0SECRET01', id, 'deal_mortgage_step');
    const values = { date: '2026-11-26', amount: yuan(loan) };
    await Promise.all([
      h.driver.submitView('U0SECRET01', view, values),
      h.driver.submitView('U0SECRET01', view, values),
    ]);
    await h.driver.submitView('U0SECRET01', view, values);
    await settle(h);
    expect((await payments(id)).map((p) => Number(p.amountCents))).toEqual([loan]);
    const plan = JSON.parse((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).plan!);
    expect(plan.mortgage.map((s: { step: string }) => s.step)).toEqual([
      'docs_collected',
      'submitted',
      'approved',
      'disbursed',
    ]);
  });

  it('takes a mortgage step once when its modal is submitted twice', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0303' });
    const total = Number((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).priceCents);
    await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
      contractNo: 'HT-D02',
      total: yuan(total),
      method: 'mortgage',
      down: yuan(50_000_000),
      downDate: '2026-12-10',
      bank: '建設銀行',
      loan: yuan(total - 55_000_000),
      loanDate: '2027-01-15',
    });
    const view = await modal('U0SECRET01', id, 'deal_mortgage_step');
    await h.driver.submitView('U0SECRET01', view, { date: '2026-11-26' });
    await h.driver.submitView('U0SECRET01', view, { date: '2026-11-26' });
    await settle(h);
    const plan = JSON.parse((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).plan!);
    expect(plan.mortgage.map((s: { step: string }) => s.step)).toEqual(['docs_collected']);
  });
});
