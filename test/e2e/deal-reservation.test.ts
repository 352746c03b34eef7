import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage, StoredView } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { declineDiscount } from '../support/deal-flow.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  openedView,
  settle,
  untilStatus,
} from '../support/visit-flow.ts';

type Option = { value: string; text: { text: string } };
const unitOptions = (view: StoredView): Option[] =>
  (view.view.blocks as { block_id?: string; element?: { option_groups?: { options: Option[] }[] } }[])
    .find((b) => b.block_id === 'unit')!
    .element!.option_groups!.flatMap((g) => g.options);

/** Opens a customer file for the salesperson, approved by their team lead. */
async function customerOf(h: Harness, salesperson: string, phone: string, name: string): Promise<number> {
  await fileVisitAs(h, salesperson, { phone, customerName: name });
  const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
  await h.driver.clickButton(visit.approverId!, approvalMessageOf(h, visit.id), 'visit_approve');
  await untilStatus(h, visit.id, 'approved');
  return (await h.bot.db.customer.findFirstOrThrow({ where: { name } })).id;
}

const reservation = (unitId: number, more: Record<string, string> = {}) => ({
  unit: String(unitId),
  deposit: '50,000',
  depositDate: '2026-11-26',
  signBy: '2026-12-03',
  ...more,
});

describe.each(PROVIDERS)('認購: reserving a unit on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const unitOf = (building: string, number: string) => h.bot.db.unit.findFirstOrThrow({ where: { building, number } });
  const cardOf = (salesperson: string, name: string): StoredMessage =>
    dmsTo(h, salesperson)
      .filter((m) => blocksText(m).includes('deal_new') && blocksText(m).includes(name))
      .at(-1)!;
  const reserveModalOf = (user: string, message: StoredMessage) =>
    openedView(h, () => h.driver.clickButton(user, message, 'deal_new'));

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    await customerOf(h, 'U0SALES001', '13900001111', '陳先生');
    await customerOf(h, 'U0SALES003', '13900003333', '黃太太');
  });
  afterAll(async () => h?.stop());

  it('opens from the customer file with available units, refuses bad input, reserves with card and dues', async () => {
    await h.driver.command('U0PROJMGR1', '/units', 'hold 1棟 0102');
    const view = await reserveModalOf('U0SALES001', cardOf('U0SALES001', '陳先生'));
    const options = unitOptions(view);
    expect(options).toHaveLength(199);
    const held = await unitOf('1棟', '0102');
    expect(options.map((o) => o.value)).not.toContain(String(held.id));
    const unit = await unitOf('1棟', '0101');
    const bad = await h.driver.submitView(
      'U0SALES001',
      view,
      reservation(unit.id, { deposit: '0', price: '99,999,999' }),
    );
    expect(bad.json?.errors).toMatchObject({ deposit: '金額須大於 0。', price: '成交價不可高於標價。' });
    // the deposit is due on or before the sign-by date (issue 15: 2027-05-01 after 2026-12-05 was saved)
    const late = await h.driver.submitView(
      'U0SALES001',
      view,
      reservation(unit.id, { depositDate: '2027-05-01', signBy: '2026-12-05' }),
    );
    expect(late.json?.errors).toEqual({ depositDate: '定金日期不可晚於簽約期限。' });
    expect(await h.bot.db.deal.count()).toBe(0);

    const ok = await h.driver.submitView('U0SALES001', view, reservation(unit.id));
    expect(ok.json?.errors).toBeUndefined();
    await settle(h);
    const deal = await h.bot.db.deal.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(deal).toMatchObject({ stage: 'reserved', ownerId: 'U0SALES001', signByDate: '2026-12-03' });
    expect(Number(deal.priceCents)).toBe(Number(unit.listPriceCents));
    expect(Number(deal.depositCents)).toBe(5_000_000);
    expect((await unitOf('1棟', '0101')).state).toBe('reserved');
    const items = await h.bot.db.dealDueItem.findMany({ where: { dealId: deal.id }, orderBy: { id: 'asc' } });
    expect(items.map((i) => [i.kind, i.dueDate, Number(i.amountCents)])).toEqual([
      ['deposit', '2026-11-26', 5_000_000],
      ['sign_by', '2026-12-03', 0],
    ]);
    const card = dmsTo(h, 'U0SALES001').at(-1)!;
    expect(card.text).toContain(`成交 #${deal.id}`);
    expect(card.text).toContain('139****1111');
    expect(card.text).not.toContain('13900001111');
  });

  it('refuses someone outside the owner’s chain the modal, and the PM’s held unit to anyone', async () => {
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES003', cardOf('U0SALES001', '陳先生'), 'deal_new');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有客戶負責人及其上級主管');
    const view = await reserveModalOf('U0SALES001', cardOf('U0SALES001', '陳先生'));
    const held = await unitOf('1棟', '0102');
    const answer = await h.driver.submitView('U0SALES001', view, reservation(held.id));
    expect(answer.json?.errors).toMatchObject({ unit: '這套房源已由專案經理保留，不可認購。' });
  });

  it('lets one of two salespeople reserving one unit at once win, telling the other who holds it', async () => {
    const targets = (await h.bot.db.unit.findMany({ where: { building: '2棟', state: 'available' }, take: 12 })).map(
      (u) => u.id,
    );
    for (const unitId of targets) {
      const a = await reserveModalOf('U0SALES001', cardOf('U0SALES001', '陳先生'));
      const b = await reserveModalOf('U0SALES003', cardOf('U0SALES003', '黃太太'));
      const [ra, rb] = await Promise.all([
        h.driver.submitView('U0SALES001', a, reservation(unitId)),
        h.driver.submitView('U0SALES003', b, reservation(unitId)),
      ]);
      const deals = await h.bot.db.deal.findMany({ where: { unitId } });
      expect(deals, `unit ${unitId}`).toHaveLength(1);
      const winner = deals[0].ownerId;
      const loserAnswer = (winner === 'U0SALES001' ? rb : ra).json?.errors as Record<string, string>;
      const winnerName = winner === 'U0SALES001' ? '周子豪' : '許家銘';
      expect(loserAnswer?.unit, `unit ${unitId}`).toBe(`這套房源剛被 ${winnerName} 認購了，請選擇其他房源。`);
      expect((await h.bot.db.unit.findUniqueOrThrow({ where: { id: unitId } })).dealId).toBe(deals[0].id);
    }
    await settle(h);
  });

  it('tells a salesperson who reserves a unit twice that it is already theirs, not that someone took it', async () => {
    const unit = await unitOf('3棟', '0404');
    const first = await reserveModalOf('U0SALES001', cardOf('U0SALES001', '陳先生'));
    const second = await reserveModalOf('U0SALES001', cardOf('U0SALES001', '陳先生'));
    expect((await h.driver.submitView('U0SALES001', first, reservation(unit.id))).json?.errors).toBeUndefined();
    const again = (await h.driver.submitView('U0SALES001', second, reservation(unit.id))).json?.errors;
    expect(again).toEqual({ unit: '這套房源已由你認購了，不必再認購。' });
    expect(await h.bot.db.deal.count({ where: { unitId: unit.id } })).toBe(1);
    await settle(h);
  });

  it('sends a discount beyond the seller’s authority to the PM, who approves with 通過 in the thread', async () => {
    const unit = await unitOf('3棟', '0101');
    const view = await reserveModalOf('U0SALES003', cardOf('U0SALES003', '黃太太'));
    await h.driver.submitView('U0SALES003', view, reservation(unit.id, { discount: '30,000' }));
    await settle(h);
    const deal = await h.bot.db.deal.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(deal.stage).toBe('awaiting_discount');
    expect(Number(deal.priceCents)).toBe(Number(unit.listPriceCents) - 3_000_000);
    expect((await unitOf('3棟', '0101')).state).toBe('reserved');
    const request = structuredClone(
      dmsTo(h, 'U0PROJMGR1').find((m) => blocksText(m).includes('deal_discount_approve'))!,
    );
    expect(request.text).toContain('申請折扣 ¥30,000');

    const before = h.fake.calls.length;
    await h.driver.clickButton('U0DEPUTY01', request, 'deal_discount_approve');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有專案經理可以核准折扣');
    await h.driver.replyInThread('U0PROJMGR1', request, '通過');
    await expect
      .poll(async () => (await h.bot.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage)
      .toBe('reserved');
    await settle(h);
    expect(dmsTo(h, 'U0SALES003').at(-1)?.text).toContain('已由 王建國 核准');
    // the button clicked afterwards acts on nothing
    await h.driver.clickButton('U0PROJMGR1', request, 'deal_discount_decline');
    await settle(h);
    expect((await h.bot.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe('reserved');
  });

  it('returns the unit to 可售 when the PM declines the discount', async () => {
    const unit = await unitOf('3棟', '0102');
    const view = await reserveModalOf('U0SALES001', cardOf('U0SALES001', '陳先生'));
    await h.driver.submitView(
      'U0SALES001',
      view,
      reservation(unit.id, { price: String(Number(unit.listPriceCents) / 100 - 1000) }),
    );
    await settle(h);
    const deal = await h.bot.db.deal.findFirstOrThrow({ where: { unitId: unit.id } });
    expect(Number(deal.discountCents)).toBe(100_000);
    const request = dmsTo(h, 'U0PROJMGR1')
      .filter((m) => blocksText(m).includes('deal_discount_approve'))
      .at(-1)!;
    expect(await declineDiscount(h, 'U0PROJMGR1', request, '折扣超過本月額度')).toBeUndefined();
    await expect.poll(async () => (await unitOf('3棟', '0102')).state).toBe('available');
    expect((await h.bot.db.deal.findUniqueOrThrow({ where: { id: deal.id } })).stage).toBe('declined');
    await settle(h);
    expect(dmsTo(h, 'U0SALES001').at(-1)?.text).toContain('未獲 王建國 核准');
  });
});
