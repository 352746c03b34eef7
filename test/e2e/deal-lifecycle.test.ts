import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, dealCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo, openedView, settle } from '../support/visit-flow.ts';

const yuan = (cents: bigint | number | null) => String(Number(cents) / 100);

describe.each(PROVIDERS)('a deal from 認購 to 已售 on %s', (provider) => {
  let h: Harness;
  let card: StoredMessage;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const deal = (id: number) => h.bot.db.deal.findUniqueOrThrow({ where: { id } });
  const unitOfDeal = async (id: number) => h.bot.db.unit.findUniqueOrThrow({ where: { id: (await deal(id)).unitId } });
  const pay = (user: string, id: number, amount: string) =>
    actOnDeal(h, user, 'U0SALES001', id, 'deal_pay', { amount, receivedOn: '2026-11-26' });

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    card = await customerCardOf(h, 'U0SALES001', '13900005555', '吳先生');
  });
  afterAll(async () => h?.stop());

  it('sells a unit paid in one sum (一次性): deposit, contract, balance, and the unit is 已售', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0201' });
    expect(await pay('U0SECRET01', id, '50,000')).toBeUndefined();
    const price = (await deal(id)).priceCents;
    const bad = await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
      contractNo: 'HT 001',
      total: yuan(price),
      method: 'lump_sum',
      downDate: '2026-12-10',
    });
    expect(bad).toMatchObject({ contractNo: '請輸入合同編號（最多 40 個字，不含空白）。' });
    expect(
      await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
        contractNo: 'HT-001',
        total: yuan(price),
        method: 'lump_sum',
        downDate: '2026-12-10',
      }),
    ).toBeUndefined();
    expect(await deal(id)).toMatchObject({ stage: 'contracted', contractNo: 'HT-001', paymentMethod: 'lump_sum' });
    expect((await unitOfDeal(id)).state).toBe('contracted');
    const rest = Number(price) - 5_000_000;
    expect(await pay('U0SALES001', id, yuan(rest + 1))).toMatchObject({
      amount: expect.stringContaining('超過應收金額'),
    });
    // the deputy chases but does not record payments: refused privately, no modal
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0DEPUTY01', dealCardOf(h, 'U0SALES001', id), 'deal_pay');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有客戶負責人及其上級主管');
    expect(h.fake.calls.slice(before).some((c) => c.method === 'views.open')).toBe(false);
    expect(await pay('U0SECRET01', id, yuan(rest))).toBeUndefined();
    expect(await deal(id)).toMatchObject({ stage: 'sold' });
    expect((await unitOfDeal(id)).state).toBe('sold');
    expect(dmsTo(h, 'U0SALES001').some((m) => m.text?.includes(`成交 #${id}（1棟 0201）已全部收款`))).toBe(true);
    const targets = await h.bot.db.actualTotal.findMany({ where: { personId: 'U0SALES001' } });
    // targets count amounts in cents
    expect(Object.fromEntries(targets.map((t) => [t.metric, Number(t.value)]))).toMatchObject({
      contracts: 1,
      amount: Number(price),
    });
  });

  it('sells a unit on a mortgage (按揭) through its steps to the loan disbursed, and the registration', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0202' });
    const total = Number((await deal(id)).priceCents);
    const down = 50_000_000;
    const loan = total - 5_000_000 - down;
    expect(
      await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
        contractNo: 'HT-002',
        total: yuan(total),
        method: 'mortgage',
        down: yuan(down),
        downDate: '2026-12-10',
        bank: '建設銀行',
        loan: yuan(loan + 100),
        loanDate: '2027-01-15',
      }),
    ).toMatchObject({ loan: '定金、首付與貸款（或各期）相加須等於合同總價。' });
    await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
      contractNo: 'HT-002',
      total: yuan(total),
      method: 'mortgage',
      down: yuan(down),
      downDate: '2026-12-10',
      bank: '建設銀行',
      loan: yuan(loan),
      loanDate: '2027-01-15',
    });
    expect((await deal(id)).stage).toBe('contracted');
    await pay('U0SECRET01', id, yuan(5_000_000 + down));
    for (const step of ['docs_collected', 'submitted', 'approved'])
      expect(
        await actOnDeal(h, 'U0SECRET01', 'U0SALES001', id, 'deal_mortgage_step', { date: '2026-11-26' }),
        step,
      ).toBeUndefined();
    for (const step of ['submitted', 'registered'])
      expect(
        await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_registration_step', { date: '2026-11-26' }),
        step,
      ).toBeUndefined();
    expect(blocksText(dealCardOf(h, 'U0SALES001', id))).toContain('銀行已放款');
    await actOnDeal(h, 'U0SECRET01', 'U0SALES001', id, 'deal_mortgage_step', {
      date: '2026-11-26',
      amount: yuan(loan),
    });
    expect((await deal(id)).stage).toBe('sold');
    expect((await unitOfDeal(id)).state).toBe('sold');
    const items = await h.bot.db.dealDueItem.findMany({ where: { dealId: id } });
    expect(items.every((i) => i.doneAt !== null)).toBe(true);
    const plan = JSON.parse((await deal(id)).plan!);
    expect(plan.mortgage.map((s: { step: string }) => s.step)).toEqual([
      'docs_collected',
      'submitted',
      'approved',
      'disbursed',
    ]);
  });

  it('sells a unit on instalments (分期) as each instalment is paid', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0203' });
    const total = Number((await deal(id)).priceCents);
    const down = 100_000_000;
    const half = (total - 5_000_000 - down) / 2;
    const second = total - 5_000_000 - down - Math.floor(half);
    await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_sign', {
      contractNo: 'HT-003',
      total: yuan(total),
      method: 'instalments',
      down: yuan(down),
      downDate: '2026-12-10',
      schedule: `2027-03-31 ${yuan(Math.floor(half))}\n2027-06-30 ${yuan(second)}`,
    });
    expect((await deal(id)).stage).toBe('contracted');
    const kinds = await h.bot.db.dealDueItem.findMany({ where: { dealId: id }, orderBy: { dueDate: 'asc' } });
    expect(kinds.map((k) => k.kind)).toEqual([
      'deposit',
      'sign_by',
      'down_payment',
      'registration',
      'instalment',
      'instalment',
    ]);
    for (const amount of [5_000_000 + down, Math.floor(half)]) await pay('U0SALES001', id, yuan(amount));
    expect((await deal(id)).stage).toBe('contracted');
    await pay('U0SALES001', id, yuan(second));
    expect((await deal(id)).stage).toBe('sold');
  });

  it('lets the secretary record a payment from the deal `/deal` shows her; the deputy gets no button', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0301' });
    const answer = (await h.driver.command('U0SECRET01', '/deal', `#${id}`)).json!;
    const shown = {
      channel: 'DSECRET01',
      ts: '1.000001',
      user: 'U0BOT',
      text: String(answer.text),
      blocks: answer.blocks as unknown[],
    } as StoredMessage;
    expect(blocksText(shown)).toContain('登記回款');
    const view = await openedView(h, () => h.driver.clickButton('U0SECRET01', shown, 'deal_pay'));
    const submitted = await h.driver.submitView('U0SECRET01', view, { amount: '50,000', receivedOn: '2026-11-26' });
    expect(submitted.json?.errors).toBeUndefined();
    await settle(h);
    const paid = await h.bot.db.dealPayment.findMany({ where: { dealId: id, kind: 'payment' } });
    expect(paid.map((p) => [Number(p.amountCents), p.by])).toEqual([[5_000_000, 'U0SECRET01']]);
    // the payment is in the deal's history: amount, who, when
    const again = answerText((await h.driver.command('U0SALES001', '/deal', `#${id}`)).json);
    expect(again).toMatch(/\d{2}:\d{2} 張雅婷: 回款 ¥50,000（收款日 2026-11-26）/);
    const deputy = (await h.driver.command('U0DEPUTY01', '/deal', `#${id}`)).json!;
    expect(JSON.stringify(deputy.blocks)).not.toContain('deal_pay');
  });

  it('offers on `/deal #id` the actions of the DM card that the asker may take', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0302' });
    const buttonsFor = async (user: string) => {
      const blocks = (await h.driver.command(user, '/deal', `#${id}`)).json!.blocks as { elements?: unknown[] }[];
      return blocks
        .flatMap((b) => b.elements ?? [])
        .map((e) => (e as { action_id?: string }).action_id)
        .filter(Boolean);
    };
    // the owner: what the DM card offers
    expect(await buttonsFor('U0SALES001')).toEqual(['deal_sign', 'deal_pay', 'deal_cancel']);
    // the owner's lead signs and cancels; the secretary records payments; the deputy only looks
    expect(await buttonsFor('U0TLEAD001')).toEqual(['deal_sign', 'deal_cancel']);
    expect(await buttonsFor('U0SECRET01')).toEqual(['deal_pay']);
    expect(await buttonsFor('U0DEPUTY01')).toEqual([]);
    await settle(h);
  });

  it('lets the owner’s team lead undo the last payment, then the contract, keeping both in the history', async () => {
    const id = (await h.bot.db.deal.findFirstOrThrow({ where: { contractNo: 'HT-001' } })).id;
    expect(answerText((await h.driver.command('U0SALES001', '/deal', `undo ${id}`)).json)).toContain(
      '只有成交負責人的上級主管可以退回步驟',
    );
    expect(answerText((await h.driver.command('U0TLEAD001', '/deal', `undo ${id}`)).json)).toContain(
      '最後一筆回款已由 劉大偉 撤銷',
    );
    expect(await deal(id)).toMatchObject({ stage: 'contracted' });
    expect((await unitOfDeal(id)).state).toBe('contracted');
    expect(answerText((await h.driver.command('U0TLEAD001', '/deal', `undo ${id}`)).json)).toContain(
      '最後一筆回款已由',
    );
    expect(answerText((await h.driver.command('U0PROJMGR1', '/deal', `undo ${id}`)).json)).toContain(
      '簽約已由 王建國 退回認購',
    );
    expect(await deal(id)).toMatchObject({ stage: 'reserved', contractNo: null });
    expect((await unitOfDeal(id)).state).toBe('reserved');
    const counted = await h.bot.db.actual.findMany({ where: { sourceRef: `deal:${id}` } });
    expect(counted.reduce((sum, a) => sum + Number(a.value), 0)).toBe(0);
    const lookup = answerText((await h.driver.command('U0SALES001', '/deal', '1棟 0201')).json);
    expect(lookup).toContain(`成交 #${id}`);
    expect(lookup).toContain('已簽約 → 已認購 (退回)');
    expect(lookup).toMatch(/→ \S+ \(撤銷回款 ¥[\d,]+（收款日 [\d-]+）\)/);
    const units = answerText((await h.driver.command('U0SECRET01', '/units', 'history 1棟 0201')).json);
    expect(units).toContain(`（成交 #${id}）`);
    expect(units).not.toContain('deal:');
    expect(lookup).not.toContain('undo');
    expect(lookup).toContain('139****5555');
    expect(answerText((await h.driver.command('U0SALES003', '/deal', '吳先生')).json)).toContain(
      '找不到你可以查看的成交',
    );
    expect(answerText((await h.driver.command('U0SECRET01', '/deal', '吳先生')).json)).toContain(`成交 #${id}`);
    await settle(h);
  });

  it('lists my deals, my team’s for a lead, the site’s for the office, with counts and amounts by stage', async () => {
    const mine = answerText((await h.driver.command('U0SALES001', '/deal', 'list')).json);
    expect(mine).toContain('已售：2 筆');
    expect(mine).toContain('1棟 0202');
    expect(answerText((await h.driver.command('U0TLEAD001', '/deal', 'list')).json)).toContain('1棟 0202');
    expect(answerText((await h.driver.command('U0TLEAD002', '/deal', 'list')).json)).not.toContain('1棟 0202');
    const sold = answerText((await h.driver.command('U0SECRET01', '/deal', 'list 已售')).json);
    expect(sold).toContain('1棟 0203');
    expect(sold).not.toContain('1棟 0201 ');
    expect(answerText((await h.driver.command('U0SECRET01', '/deal', 'list 亂寫')).json)).toContain('不認得「亂寫」');
  });

  it('takes a refund typed as 0 on a deal nothing was paid on as no refund', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0401' });
    expect(
      await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_cancel', { reason: '客戶改買別案', refund: '０' }),
    ).toBeUndefined();
    expect((await deal(id)).stage).toBe('cancel_requested');
    expect(await h.bot.db.dealPayment.count({ where: { dealId: id } })).toBe(0);
  });

  it('cancels a reservation with the PM’s approval, records the refund, and puts the unit back on sale', async () => {
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0204' });
    await pay('U0SALES001', id, '50,000');
    expect(
      await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_cancel', { reason: '客戶資金不足', refund: '60,000' }),
    ).toMatchObject({
      refund: '退款不可多於已收金額 ¥50,000。',
    });
    await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_cancel', { reason: '客戶資金不足', refund: '50,000' });
    expect((await deal(id)).stage).toBe('cancel_requested');
    const request = structuredClone(
      dmsTo(h, 'U0PROJMGR1')
        .filter((m) => blocksText(m).includes('deal_cancel_approve'))
        .at(-1)!,
    );
    expect(request.text).toContain('客戶資金不足');
    await h.driver.replyInThread('U0PROJMGR1', request, '通過');
    await expect.poll(async () => (await deal(id)).stage).toBe('cancelled');
    await settle(h);
    expect((await unitOfDeal(id)).state).toBe('available');
    const refund = await h.bot.db.dealPayment.findFirstOrThrow({ where: { dealId: id, kind: 'refund' } });
    expect(Number(refund.amountCents)).toBe(-5_000_000);
    const history = await h.bot.db.dealChange.findMany({ where: { dealId: id }, orderBy: { id: 'asc' } });
    expect(history.map((c) => [c.fromStage, c.toStage, c.by])).toEqual([
      ['', 'reserved', 'U0SALES001'],
      ['reserved', 'cancel_requested', 'U0SALES001'],
      ['cancel_requested', 'cancelled', 'U0PROJMGR1'],
    ]);
    expect(dmsTo(h, 'U0SALES001').at(-1)?.text).toContain('退訂已由 王建國 核准');
    // a second click (不核准 on the stale request) is told it was the PM's own decision, when, with nothing raw
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0PROJMGR1', request, 'deal_cancel_decline');
    const answer = () =>
      h.fake.calls
        .slice(before)
        .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === 'U0PROJMGR1')
        .map((c) => String(c.args.text))[0];
    await expect.poll(answer).toMatch(/^你已於 2026-\d\d-\d\d \d\d:\d\d 處理過這件事/);
    expect((await deal(id)).stage).toBe('cancelled');
    // the card and /deal show the refund and nothing left to receive; the list counts it without its price
    const standing = '已收 ¥50,000 · 已退款 ¥50,000 · 不再收款';
    expect(blocksText(dealCardOf(h, 'U0SALES001', id))).toContain(standing);
    expect(answerText((await h.driver.command('U0SALES001', '/deal', `#${id}`)).json)).toContain(standing);
    const list = answerText((await h.driver.command('U0SECRET01', '/deal', 'list 退訂')).json);
    expect(list).toContain('已退訂：1 筆（不計入金額）');
    await h.driver.command('U0SALES001', '/org', 'lang en');
    const english = answerText((await h.driver.command('U0SALES001', '/deal', `#${id}`)).json);
    await h.driver.command('U0SALES001', '/org', 'lang zh-Hant');
    expect(english).toContain('Paid ¥50,000 · refunded ¥50,000 · nothing left to receive');
  });
});
