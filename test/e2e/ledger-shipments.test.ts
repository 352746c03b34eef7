import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { commandAnswer, exposureOf, insertApprovedOrder, openOf, orderState } from '../support/ledger-flow.ts';
import { blocksText, dmsTo, openedView, settle } from '../support/visit-flow.ts';
import { placeOrderAs, setLimit } from '../support/order-flow.ts';
import { paymentBehaviours } from '../../src/db/accounts/payment-behaviour-repo.ts';
import { formatDate } from '../../src/lib/format-time.ts';

const CSR1 = 'U0CSREP001';
const SSG_LEADER = 'U0SSGLEAD1';
const KAM_E = 'U0KEYACC01';
const KAM_N = 'U0KEYACC03';
const SSG_CHANNEL = 'C0SSGDESK1';

describe.each(PROVIDERS)('shipments, invoices and settlement on %s', (provider) => {
  let h: Harness;
  let lineA: string;
  let lineB: string;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG });
    await commandAnswer(
      h,
      SSG_LEADER,
      '/account',
      'logistics ED01 上海市解放路749號｜趙老闆｜浦東倉｜順豐物流｜2｜後門卸貨',
    );
    const orderId = await insertApprovedOrder(h.bot.db, {
      accountCode: 'ED01',
      number: 'SO-900001',
      now: h.clock.now(),
      lines: [
        { sku: 'MB-001', quantity: 10, priceCents: 100_00 },
        { sku: 'MB-002', quantity: 5, priceCents: 20_50 },
      ],
    });
    const lines = await h.bot.db.orderLine.findMany({ where: { orderId }, orderBy: { lineNo: 'asc' } });
    lineA = `ship_line_${lines[0].id}`;
    lineB = `ship_line_${lines[1].id}`;
  });
  afterAll(async () => {
    await h?.stop();
  });

  const shipForm = () => openedView(h, () => h.driver.command(CSR1, '/order', 'ship SO-900001'));
  const shipmentsInChannel = () => h.fake.state.inChannel(SSG_CHANNEL).filter((m) => blocksText(m).includes('🚚'));

  it('records a partial shipment: its invoice is due after the terms, exposure moves to receivables', async () => {
    const form = await shipForm();
    const carrier = JSON.stringify(form.view.blocks);
    expect(carrier).toContain('順豐物流');
    const response = await h.driver.submitView(CSR1, form, {
      ship_date: '2026-11-26',
      ship_carrier: '順豐物流',
      ship_waybill: 'SF123456',
      [lineA]: '4',
      [lineB]: '0',
    });
    expect(response.json?.response_action).toBeUndefined();
    await settle(h);
    expect(await orderState(h.bot.db, 'SO-900001')).toBe('partly_shipped');
    const message = shipmentsInChannel().at(-1);
    expect(blocksText(message)).toContain('SH-000001');
    expect(blocksText(message)).toContain('INV-000001：¥400，到期 2026-12-26');
    expect(blocksText(message)).toContain('確認送達');
    expect(dmsTo(h, KAM_E).some((m) => blocksText(m).includes('SH-000001'))).toBe(true);
    expect(await exposureOf(h.bot.db, 'ED01')).toEqual({ openOrdersCents: 702_50, receivableCents: 400_00 });
    // its invoice is 銷售額 for the account's owner, counted with it: /targets needs no /sales
    const sales = await h.bot.db.actual.findMany({ where: { source: 'invoice' } });
    expect(sales.map((a) => [a.personId, a.month, a.metric, Number(a.value)])).toEqual([
      [KAM_E, '2026-11', 'amount', 400_00],
    ]);
    expect(await commandAnswer(h, KAM_E, '/targets', '')).toContain('實際 ¥400');
  });

  it('refuses shipping more than ordered, inline, and stores nothing', async () => {
    const form = await shipForm();
    const response = await h.driver.submitView(CSR1, form, {
      ship_date: '2026-11-26',
      ship_carrier: '順豐物流',
      [lineA]: '7',
      [lineB]: '5',
    });
    expect(response.json?.response_action).toBe('errors');
    expect(JSON.stringify(response.json)).toContain('最多還可發 6');
    expect(await h.bot.db.shipment.count()).toBe(1);
    // the carrier is a text box: it asks to fill it in, not to choose
    const blank = await h.driver.submitView(CSR1, form, { ship_date: '2026-11-26', ship_carrier: '', [lineA]: '1' });
    expect((blank.json!.errors as Record<string, string>).ship_carrier).toBe('請填寫承運商（最多 40 字）');
    expect(await exposureOf(h.bot.db, 'ED01')).toEqual({ openOrdersCents: 702_50, receivableCents: 400_00 });
  });

  it('refuses a shipment by someone outside the SSG and SLT', async () => {
    expect(await commandAnswer(h, KAM_E, '/order', 'ship SO-900001')).toContain('只有 SSG 與 SLT');
  });

  it('ships the rest: the order is shipped, then invoiced once both deliveries are confirmed', async () => {
    const form = await shipForm();
    await h.driver.submitView(CSR1, form, {
      ship_date: '2026-11-26',
      ship_carrier: '順豐物流',
      [lineA]: '6',
      [lineB]: '5',
    });
    await settle(h);
    expect(await orderState(h.bot.db, 'SO-900001')).toBe('shipped');
    expect(await exposureOf(h.bot.db, 'ED01')).toEqual({ openOrdersCents: 0, receivableCents: 1102_50 });
    const [first, second] = shipmentsInChannel();
    await h.driver.clickButton(CSR1, first, 'ledger_confirm_delivery');
    await settle(h);
    expect(blocksText(h.fake.state.inChannel(SSG_CHANNEL).find((m) => m.ts === first.ts))).toContain('確認送達');
    expect(await orderState(h.bot.db, 'SO-900001')).toBe('shipped');
    const kamCopy = dmsTo(h, KAM_E).find((m) => blocksText(m).includes('SH-000002'))!;
    await h.driver.clickButton(KAM_N, kamCopy, 'ledger_confirm_delivery');
    await settle(h);
    expect(await orderState(h.bot.db, 'SO-900001')).toBe('shipped');
    await h.driver.clickButton(KAM_E, kamCopy, 'ledger_confirm_delivery');
    await settle(h);
    expect(await orderState(h.bot.db, 'SO-900001')).toBe('invoiced');
    expect(blocksText(dmsTo(h, KAM_E).find((m) => m.ts === kamCopy.ts))).toContain('彭麗 於 2026-11-26 確認送達');
    // the channel's copy, clicked after: told who confirmed it, nothing changes
    await h.driver.clickButton(CSR1, second, 'ledger_confirm_delivery');
    await settle(h);
    expect(await h.bot.db.shipment.count({ where: { deliveredById: KAM_E } })).toBe(1);
  });

  it('settles a payment oldest first to the cent, then the named invoice; the order is settled', async () => {
    const paid = await commandAnswer(h, SSG_LEADER, '/order', 'pay ED01 500.25');
    expect(paid).toContain('PAY-000001');
    expect(paid).toContain('INV-000001 沖銷 ¥400，尚欠 ¥0');
    expect(paid).toContain('INV-000002 沖銷 ¥100.25，尚欠 ¥602.25');
    expect(paid).toContain('應收餘額：¥602.25');
    expect(await openOf(h.bot.db, 'INV-000002')).toBe(602_25);
    expect(await commandAnswer(h, SSG_LEADER, '/order', 'pay ED01 12.345')).toContain('金額「12.345」無效');
    expect(await commandAnswer(h, SSG_LEADER, '/order', 'pay ED01 10 INV-000001')).toContain('INV-000001 已結清');
    expect(await commandAnswer(h, SSG_LEADER, '/order', 'pay ED01 10 INV-999999')).toContain('INV-999999 不存在');
    const rest = await commandAnswer(h, SSG_LEADER, '/order', 'pay ed01 650 INV-000002');
    expect(rest).toContain('INV-000002 沖銷 ¥602.25，尚欠 ¥0');
    expect(rest).toContain('未沖銷：¥47.75');
    expect(await orderState(h.bot.db, 'SO-900001')).toBe('settled');
    expect(await exposureOf(h.bot.db, 'ED01')).toEqual({ openOrdersCents: 0, receivableCents: -47_75 });
    const allocations = await h.bot.db.paymentAllocation.findMany();
    expect(allocations.reduce((sum, a) => sum + Number(a.amountCents), 0)).toBe(1102_50);
  });

  it('dates a payment the day it was received (today unless typed); payment behaviour counts that day', async () => {
    const today = formatDate(h.clock.now(), 'Asia/Shanghai');
    expect(await commandAnswer(h, SSG_LEADER, '/order', 'pay ED05 10 2026-02-30')).toContain(
      '收款日期「2026-02-30」無效',
    );
    expect(await commandAnswer(h, SSG_LEADER, '/order', 'pay ED05 10 2999-01-01')).toContain(
      '收款日期 2999-01-01 還沒到',
    );
    const dated = await commandAnswer(h, SSG_LEADER, '/order', 'pay ED05 30 2026/10/20');
    expect(dated).toContain('¥30，2026-10-20 收到');
    expect(await commandAnswer(h, SSG_LEADER, '/order', 'pay ED05 12')).toContain(`¥12，${today} 收到`);
    const ed05 = await h.bot.db.account.findFirstOrThrow({ where: { code: 'ED05' } });
    const payments = await h.bot.db.payment.findMany({ where: { accountId: ed05.id }, orderBy: { id: 'asc' } });
    expect(payments.map((p) => [p.receivedOn, Number(p.amountCents)])).toEqual([
      ['2026-10-20', 30_00],
      [today, 12_00],
    ]);
    const october = await paymentBehaviours(h.bot.db, {
      orgId: ed05.orgId,
      from: '2026-10-01',
      to: '2026-10-31',
      today,
    });
    expect(october.get(ed05.id)?.paidCents).toBe(30_00);
  });

  it('takes a credit note only with a reason, and lowers the balance', async () => {
    expect(await commandAnswer(h, CSR1, '/order', 'credit ED02 500')).toContain('原因必填');
    await insertApprovedOrder(h.bot.db, {
      accountCode: 'ED02',
      number: 'SO-900002',
      now: h.clock.now(),
      lines: [{ sku: 'MB-001', quantity: 3, priceCents: 1000_00 }],
    });
    const form = await openedView(h, () => h.driver.command(CSR1, '/order', 'ship SO-900002'));
    const line = (form.view.blocks as { block_id: string }[]).find((b) => b.block_id.startsWith('ship_line_'))!;
    await h.driver.submitView(CSR1, form, { ship_date: '2026-11-25', ship_carrier: '順豐物流', [line.block_id]: '3' });
    await settle(h);
    const credited = await commandAnswer(h, CSR1, '/order', 'credit ED02 500 年度返利 第四季');
    expect(credited).toContain('返利 CN-000001');
    expect(credited).toContain('原因：年度返利 第四季');
    expect(credited).toContain('應收餘額：¥2,500');
    expect(await openOf(h.bot.db, 'INV-000003')).toBe(2500_00);
    expect(await commandAnswer(h, KAM_E, '/order', 'credit ED02 500 返利')).toContain('只有 SSG 與 SLT');
  });

  it('ships an order placed with /order: its cards show the state, the desk thread shipment and invoice', async () => {
    await setLimit(h, 'ED03', 100_000_00);
    const order = await placeOrderAs(h, CSR1, { account: 'ED03', lines: 'TEA001 10\nTEA002 4' });
    expect(order.state).toBe('approved');
    const form = await openedView(h, () => h.driver.command(CSR1, '/order', `ship ${order.number.toLowerCase()}`));
    const lines = (form.view.blocks as { block_id: string }[]).filter((b) => b.block_id.startsWith('ship_line_'));
    await h.driver.submitView(CSR1, form, {
      ship_date: '2026-11-26',
      ship_carrier: '順豐物流',
      [lines[0].block_id]: '6',
      [lines[1].block_id]: '0',
    });
    await settle(h);
    expect(await orderState(h.bot.db, order.number)).toBe('partly_shipped');
    const desk = h.fake.state
      .inChannel(SSG_CHANNEL)
      .find((m) => !m.threadTs && blocksText(m).includes(order.number) && !blocksText(m).includes('🚚'))!;
    expect(blocksText(desk)).toContain('部分發運');
    const thread = h.fake.state.messages.filter((m) => m.threadTs === desk.ts).map((m) => m.text);
    const note = '羅敏 記錄發運 SH-000004，發票 INV-000004：¥432。訂單狀態：部分發運。';
    expect(thread.join('\n')).toContain(note);
    const detail = await commandAnswer(h, CSR1, '/order', order.number);
    expect(detail).toContain('部分發運');
    expect(await exposureOf(h.bot.db, 'ED03')).toEqual({
      openOrdersCents: 720_00 + 288_00 - 432_00,
      receivableCents: 432_00,
    });
  });
  it('money received before any invoice settles the invoices shipped later, oldest first', async () => {
    expect(await commandAnswer(h, SSG_LEADER, '/order', 'pay ED04 2000')).toContain('未沖銷：¥2,000');
    expect(await commandAnswer(h, CSR1, '/order', 'credit ED04 500 年度返利')).toContain('應收餘額：-¥2,500');
    await insertApprovedOrder(h.bot.db, {
      accountCode: 'ED04',
      number: 'SO-900004',
      now: h.clock.now(),
      lines: [{ sku: 'MB-001', quantity: 5, priceCents: 1135_00 }],
    });
    const ship = async (quantity: string, day: string) => {
      const form = await openedView(h, () => h.driver.command(CSR1, '/order', 'ship SO-900004'));
      const line = (form.view.blocks as { block_id: string }[]).find((b) => b.block_id.startsWith('ship_line_'))!;
      await h.driver.submitView(CSR1, form, { ship_date: day, ship_carrier: '順豐物流', [line.block_id]: quantity });
      await settle(h);
      return (await h.bot.db.invoice.findFirst({ orderBy: { id: 'desc' } }))!.number;
    };
    const first = await ship('2', '2026-11-24');
    expect(await openOf(h.bot.db, first)).toBe(0);
    const second = await ship('3', '2026-11-25');
    expect(await openOf(h.bot.db, second)).toBe(3175_00);
    expect(await exposureOf(h.bot.db, 'ED04')).toEqual({ openOrdersCents: 0, receivableCents: 3175_00 });
    const payment = await h.bot.db.payment.findFirst({ orderBy: { id: 'desc' } });
    expect(Number(payment?.unappliedCents)).toBe(0);
    const notes = await h.bot.db.creditNote.findMany({ where: { reason: '年度返利' } });
    expect(notes.map((n) => Number(n.unappliedCents))).toEqual([0]);
    const allocated = await h.bot.db.paymentAllocation.findMany({ where: { paymentId: payment?.id } });
    expect(allocated.map((a) => Number(a.amountCents))).toEqual([2000_00]);
  });

  it('prints shipped quantities with thousands separators, as orders print them (1,000, not 1000)', async () => {
    await insertApprovedOrder(h.bot.db, {
      accountCode: 'ED01',
      number: 'SO-900005',
      now: h.clock.now(),
      lines: [{ sku: 'MB-001', quantity: 2500, priceCents: 1_00 }],
    });
    const form = await openedView(h, () => h.driver.command(CSR1, '/order', 'ship SO-900005'));
    expect(JSON.stringify(form.view.blocks)).toContain('訂 2,500，已發 0');
    const line = (form.view.blocks as { block_id: string }[]).find((b) => b.block_id.startsWith('ship_line_'))!;
    const values = { ship_date: '2026-11-26', ship_carrier: '順豐物流', ship_waybill: '' };
    const over = await h.driver.submitView(CSR1, form, { ...values, [line.block_id]: '3000' });
    expect(JSON.stringify(over.json)).toContain('最多還可發 2,500');
    const shipped = await h.driver.submitView(CSR1, form, { ...values, [line.block_id]: '1000' });
    expect(shipped.json?.response_action).toBeUndefined();
    await settle(h);
    const message = blocksText(shipmentsInChannel().at(-1));
    expect(message).toContain('SO-900005');
    expect(message).toContain('× 1,000');
    expect(message).not.toContain('× 1000');
  });
});
