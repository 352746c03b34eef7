import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { blocksText, dmsTo } from '../support/visit-flow.ts';
import { FIXTURES, answerText, startHarness, type Harness } from '../support/harness.ts';
import { commandAnswer } from '../support/ledger-flow.ts';
import { BRAND_ACCOUNTS_ORG, csvOf, uploadInDm, xlsxOf } from '../support/account-flow.ts';

const SSG_LEADER = 'U0SSGLEAD1';
const CSR1 = 'U0CSREP001';
const sample = (name: string) => readFileSync(path.join(FIXTURES, name));

describe.each(PROVIDERS)('imports from the ERP on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG, clock });
  });
  afterAll(async () => {
    await h?.stop();
  });
  const exposureOf = async (code: string) => {
    const account = await h.bot.db.account.findFirstOrThrow({ where: { code } });
    const row = await h.bot.db.accountExposure.findUnique({ where: { accountId: account.id } });
    return { orders: Number(row?.openOrdersCents ?? 0), receivable: Number(row?.receivableCents ?? 0) };
  };
  const stateOf = async (number: string) => (await h.bot.db.order.findFirstOrThrow({ where: { number } })).state;

  it('imports the ERP’s product export over the org file’s catalogue, by SKU, and again changes nothing', async () => {
    expect(await h.bot.db.product.count()).toBe(60); // the org file's products-brand.csv
    const answer = await uploadInDm(h, SSG_LEADER, 'erp-products.csv', sample('erp-products.csv'));
    expect(answer.text).toBe('商品目錄 erp-products.csv 已匯入：共 12 項，新增 4 項，更新 8 項。');
    expect(answer.edited).toBe(true);
    const again = await uploadInDm(h, SSG_LEADER, 'erp-products.csv', sample('erp-products.csv'));
    expect(again.text).toContain('新增 0 項，更新 12 項');
    expect(await h.bot.db.product.count()).toBe(64);
    const tea = await h.bot.db.product.findFirstOrThrow({ where: { sku: 'TEA011' } });
    expect(tea).toMatchObject({ unit: '箱', packSize: 24, active: true });
    expect(Number(tea.listPriceCents)).toBe(8600);
    expect((await h.bot.db.product.findFirstOrThrow({ where: { sku: 'GFT011' } })).active).toBe(false);
  });

  it('refuses a bad orders XLSX line by line and applies nothing', async () => {
    const heading = ['訂單編號', '客戶編碼', '訂單日期', '商品編碼', '數量', '單價'];
    const bad = await xlsxOf([
      heading,
      ['SO-BAD-1', 'ZZ999', new Date(Date.UTC(2026, 10, 3)), 'WAT001', '5', '48'],
      ['SO-BAD-2', 'ED01', '2026-11-03', 'NOPE', '5', '48'],
      ['SO-BAD-2', 'ED01', '2026-11-03', 'WAT001', '0', '48'],
      ['SO-BAD-2', 'ED02', '2026-11-03', 'WAT002', '5', '48'],
      ['SO-OK-3', 'ED01', '2026-11-03', 'WAT001', '5', '48.001'],
    ]);
    const answer = await uploadInDm(h, SSG_LEADER, 'orders-bad.xlsx', bad);
    expect(answer.text).toContain('訂單 orders-bad.xlsx 未匯入，沒有任何變更');
    expect(answer.text).toContain('第 2 行：客戶編碼「ZZ999」不在客戶檔案中');
    expect(answer.text).toContain('第 3 行：商品編碼「NOPE」不在商品目錄中');
    expect(answer.text).toContain('第 4 行：數量「0」無效');
    expect(answer.text).toContain('第 5 行：同一單號在第 3 行的客戶、日期或備註不同');
    expect(answer.text).toContain('第 6 行：價格「48.001」無效');
    expect(await h.bot.db.order.count()).toBe(0);
    expect(await h.bot.db.accountExposure.count()).toBe(0);
  });

  it('imports orders (simplified headings) as approved with no credit hold, counted in open orders', async () => {
    const answer = await uploadInDm(h, SSG_LEADER, 'erp-orders.csv', sample('erp-orders.csv'));
    expect(answer.text).toBe('訂單 erp-orders.csv 已匯入：共 4 張，新增 4 張，之前已匯入 0 張（不變）。');
    const order = await h.bot.db.order.findFirstOrThrow({ where: { number: 'SO-E-2611-001' } });
    expect(order).toMatchObject({ state: 'approved', source: 'erp', ownerId: 'U0KEYACC01', market: 'E' });
    expect(Number(order.totalCents)).toBe(742_500);
    expect(await h.bot.db.orderLine.count({ where: { orderId: order.id } })).toBe(2);
    // a line without a price takes the list price
    const listPriced = await h.bot.db.order.findFirstOrThrow({ where: { number: 'SO-E-2611-002' } });
    expect(Number(listPriced.totalCents)).toBe(40 * 8800);
    expect(await exposureOf('ED01')).toEqual({ orders: 742_500, receivable: 0 });
    const again = await uploadInDm(h, SSG_LEADER, 'erp-orders.csv', sample('erp-orders.csv'));
    expect(again.text).toContain('新增 0 張，之前已匯入 4 張（不變）');
    expect(await h.bot.db.order.count()).toBe(4);
    expect(await exposureOf('ED01')).toEqual({ orders: 742_500, receivable: 0 });
    // the ERP's numbers are order numbers everywhere: shown, and taken by cancel (not its usage)
    const shown = await commandAnswer(h, SSG_LEADER, '/order', 'so-e-2611-002');
    expect(shown).toContain('SO-E-2611-002');
    // the history names where the order came from in words, not the source's raw key
    expect(shown).toMatch(/→ 已核准：從 ERP 匯入/);
    expect(shown).not.toContain('：erp');
    expect(shown).not.toContain('/order list');
    const cancel = await commandAnswer(h, 'U0KEYACC02', '/order', 'cancel SO-N-2611-003 客戶改單');
    expect(cancel).not.toContain('用法');
    expect(await commandAnswer(h, SSG_LEADER, '/order', 'cancel SO-X-2611-9 改單')).toContain('找不到訂單 SO-X-2611-9');
    expect((await h.bot.db.order.findFirstOrThrow({ where: { number: 'SO-N-2611-003' } })).state).toBe('approved');
  });

  it('refuses shipping more than ordered or a SKU not on its order, then imports shipments, partial too', async () => {
    const heading = ['出貨單號', '訂單編號', '出貨日期', '商品編碼', '數量'];
    const bad = csvOf([
      heading,
      ['DN-X1', 'SO-N-2611-003', '2026-11-08', 'WAT001', '150'],
      ['DN-X2', 'SO-N-2611-003', '2026-11-09', 'WAT001', '60'],
      ['DN-X3', 'SO-E-2611-002', '2026-11-09', 'WAT001', '1'],
      ['DN-X4', 'SO-NOPE', '2026-11-09', 'WAT001', '1'],
    ]);
    const refused = await uploadInDm(h, SSG_LEADER, 'ship-bad.csv', bad);
    expect(refused.text).toContain('發運單 ship-bad.csv 未匯入');
    expect(refused.text).not.toContain('第 2 行');
    expect(refused.text).toContain('第 3 行：商品「WAT001」出貨數量超過訂單尚未出貨的數量');
    expect(refused.text).toContain('第 4 行：商品「WAT001」不在這張訂單上');
    expect(refused.text).toContain('第 5 行：訂單「SO-NOPE」不在系統中');
    expect(await h.bot.db.shipment.count()).toBe(0);

    const answer = await uploadInDm(h, CSR1, 'erp-shipments.csv', sample('erp-shipments.csv'));
    expect(answer.text).toBe('發運單 erp-shipments.csv 已匯入：共 3 張，新增 3 張，之前已匯入 0 張（不變）。');
    expect(await stateOf('SO-E-2611-001')).toBe('shipped');
    expect(await stateOf('SO-N-2611-003')).toBe('partly_shipped');
    const again = await uploadInDm(h, CSR1, 'erp-shipments.csv', sample('erp-shipments.csv'));
    expect(again.text).toContain('新增 0 張，之前已匯入 3 張');
    const lines = await h.bot.db.orderLine.findMany({ where: { sku: 'WAT001' }, orderBy: { id: 'asc' } });
    expect(lines.map((l) => l.shippedQuantity)).toEqual([100, 120]);
  });

  it('refuses bad invoices, then imports the English export: receivables, terms, and 銷售額 for /targets', async () => {
    const heading = ['Invoice number', 'Customer code', 'Order number', 'Invoice date', 'Due date', 'Amount'];
    const bad = csvOf([
      heading,
      ['INV-B1', 'ED01', 'SO-N-2611-003', '2026-11-04', '2026-12-04', '100'],
      ['INV-B2', 'ED01', '', '2026-11-04', '2026-11-01', '100'],
      ['INV-B3', 'NED01', '', '2026-11-04', '', '100'],
      ['INV-B4', 'ED01', '', '2026-11-04', '2026-12-04', '-5'],
    ]);
    const refused = await uploadInDm(h, SSG_LEADER, 'inv-bad.csv', bad);
    expect(refused.text).toContain('發票 inv-bad.csv 未匯入');
    expect(refused.text).toContain('第 2 行：「SO-N-2611-003」屬於另一個客戶');
    expect(refused.text).toContain('第 3 行：到期日「2026-11-01」早於開票日期');
    expect(refused.text).toContain('第 4 行：沒有到期日或付款條件，客戶 NED01 在信用等級表中也沒有賬期');
    expect(refused.text).toContain('第 5 行：金額「-5」無效');
    expect(await h.bot.db.invoice.count()).toBe(0);

    const answer = await uploadInDm(h, SSG_LEADER, 'erp-invoices.csv', sample('erp-invoices.csv'));
    expect(answer.text).toBe('發票 erp-invoices.csv 已匯入：共 4 張，新增 4 張，之前已匯入 0 張（不變）。');
    const byNumber = async (number: string) => h.bot.db.invoice.findFirstOrThrow({ where: { number } });
    expect((await byNumber('INV-2610-090')).dueOn).toBe('2026-11-04');
    expect((await byNumber('INV-2611-002')).dueOn).toBe('2027-01-07');
    expect((await byNumber('INV-2611-003')).dueOn).toBe('2026-12-22');
    expect(await exposureOf('ED01')).toEqual({ orders: 0, receivable: 1_942_500 });
    // invoiced through its partial shipment: 5,700 of the order's 9,500 leaves open orders
    expect(await exposureOf('ND01')).toEqual({ orders: 380_000, receivable: 570_000 });
    expect(await stateOf('SO-E-2611-001')).toBe('invoiced');
    expect(await stateOf('SO-N-2611-003')).toBe('partly_shipped');

    const actuals = await h.bot.db.actual.findMany({ where: { source: 'invoice' }, orderBy: { id: 'asc' } });
    expect(actuals.map((a) => [a.personId, a.month, Number(a.value)])).toEqual([
      ['U0KEYACC01', '2026-10', 1_200_000],
      ['U0KEYACC01', '2026-11', 742_500],
      ['U0KEYACC03', '2026-11', 570_000],
      ['U0KEYACC02', '2026-11', 352_000],
    ]);
    const targets = answerText((await h.driver.command('U0KEYACC01', '/targets')).json);
    expect(targets).toContain('實際 ¥7,425');

    const again = await uploadInDm(h, SSG_LEADER, 'erp-invoices.csv', sample('erp-invoices.csv'));
    expect(again.text).toContain('新增 0 張，之前已匯入 4 張');
    expect(await h.bot.db.actual.count({ where: { source: 'invoice' } })).toBe(4);
    expect(await exposureOf('ED01')).toEqual({ orders: 0, receivable: 1_942_500 });
  });

  it('settles imported payments oldest first or against the invoices named, to the cent, idempotently', async () => {
    const bad = csvOf([
      ['收款單號', '客戶編碼', '收款日期', '收款金額', '發票號碼'],
      ['RC-B1', 'ED01', '2026-11-20', '100', 'INV-2611-002'],
      ['RC-B2', 'ED01', '2026-11-20', '100', 'INV-NOPE'],
      ['RC-B2', 'ED01', '2026-11-20', '100', ''],
    ]);
    const refused = await uploadInDm(h, SSG_LEADER, 'pay-bad.csv', bad);
    expect(refused.text).toContain('收款 pay-bad.csv 未匯入');
    expect(refused.text).toContain('第 2 行：「INV-2611-002」屬於另一個客戶');
    expect(refused.text).toContain('第 3 行：發票「INV-NOPE」不在系統中');
    expect(refused.text).toContain('第 4 行：與第 3 行重複');
    expect(await h.bot.db.payment.count()).toBe(0);

    const answer = await uploadInDm(h, SSG_LEADER, 'erp-payments.csv', sample('erp-payments.csv'));
    expect(answer.text).toBe('收款 erp-payments.csv 已匯入：共 3 張，新增 3 張，之前已匯入 0 張（不變）。');
    const open = async (number: string) =>
      Number((await h.bot.db.invoice.findFirstOrThrow({ where: { number } })).openCents);
    expect(await open('INV-2610-090')).toBe(0);
    expect(await open('INV-2611-001')).toBe(442_500);
    expect(await open('INV-2611-002')).toBe(0);
    expect(await exposureOf('ED01')).toEqual({ orders: 0, receivable: 442_500 });
    expect(await exposureOf('ND01')).toEqual({ orders: 380_000, receivable: 0 });
    expect(await stateOf('SO-E-2611-002')).toBe('settled');
    const allocated = await h.bot.db.paymentAllocation.aggregate({ _sum: { amountCents: true } });
    expect(Number(allocated._sum.amountCents)).toBe(1_500_000 + 570_000 + 352_000);

    const again = await uploadInDm(h, SSG_LEADER, 'erp-payments.csv', sample('erp-payments.csv'));
    expect(again.text).toContain('新增 0 張，之前已匯入 3 張');
    expect(await exposureOf('ED01')).toEqual({ orders: 0, receivable: 442_500 });
    expect(await h.bot.db.paymentAllocation.count()).toBe(4);
  });

  it('refuses a document imported again with other figures, line by line, and applies nothing', async () => {
    const payments = await h.bot.db.payment.count();
    const changed = csvOf([
      ['收款單號', '客戶編碼', '收款日期', '收款金額', '發票號碼'],
      ['RC-2611-001', 'ED01', '2026-11-20', '15,000.00', ''], // as imported: fine
      ['RC-2611-002', 'ND01', '2026-11-21', '5,800.00', 'INV-2611-002'],
      ['RC-2611-003', 'ED01', '2026-11-22', '3,520.00', ''],
      ['RC-2611-009', 'ED01', '2026-11-23', '100', ''], // new, but the file is refused as a whole
    ]);
    const refused = await uploadInDm(h, SSG_LEADER, 'pay-changed.csv', changed);
    expect(refused.text).toContain('收款 pay-changed.csv 未匯入');
    expect(refused.text).toContain('第 3 行：單號 RC-2611-002 已匯入，金額或客戶不同');
    expect(refused.text).toContain('第 4 行：單號 RC-2611-003 已匯入，金額或客戶不同');
    expect(refused.text).not.toContain('第 2 行');
    expect(await h.bot.db.payment.count()).toBe(payments);
    expect(await exposureOf('ED01')).toEqual({ orders: 0, receivable: 442_500 });

    const invoice = csvOf([
      ['發票號碼', '客戶編碼', '開票日期', '到期日', '發票金額'],
      ['INV-2610-090', 'ED01', '2026-10-05', '2026-11-04', '12,000.01'],
    ]);
    const again = await uploadInDm(h, SSG_LEADER, 'inv-changed.csv', invoice);
    expect(again.text).toContain('第 2 行：單號 INV-2610-090 已匯入，金額或客戶不同');
    const stored = await h.bot.db.invoice.findFirstOrThrow({ where: { number: 'INV-2610-090' } });
    expect(Number(stored.amountCents)).toBe(1_200_000);
  });

  it('imports an invoices XLSX with dates as cells', async () => {
    const book = await xlsxOf([
      ['發票號碼', '客戶編碼', '開票日期', '到期日', '發票金額'],
      ['INV-XL-1', 'ED02', new Date(Date.UTC(2026, 10, 20)), new Date(Date.UTC(2026, 11, 20)), '1,000.50'],
    ]);
    const answer = await uploadInDm(h, SSG_LEADER, 'invoices.xlsx', book);
    expect(answer.text).toContain('新增 1 張');
    const invoice = await h.bot.db.invoice.findFirstOrThrow({ where: { number: 'INV-XL-1' } });
    expect(invoice).toMatchObject({ issuedOn: '2026-11-20', dueOn: '2026-12-20', source: 'erp' });
    expect(Number(invoice.amountCents)).toBe(100_050);
  });

  it('settles an imported invoice with the money the account paid and was credited before it', async () => {
    await commandAnswer(h, SSG_LEADER, '/order', 'pay ED05 2000');
    await commandAnswer(h, SSG_LEADER, '/order', 'credit ED05 500 年度返利');
    const book = await xlsxOf([
      ['發票號碼', '客戶編碼', '開票日期', '到期日', '發票金額'],
      ['INV-XL-2', 'ED05', new Date(Date.UTC(2026, 9, 20)), new Date(Date.UTC(2026, 10, 19)), '5,675'],
    ]);
    expect((await uploadInDm(h, SSG_LEADER, 'invoices-ed05.xlsx', book)).text).toContain('新增 1 張');
    const invoice = await h.bot.db.invoice.findFirstOrThrow({ where: { number: 'INV-XL-2' } });
    expect(Number(invoice.openCents)).toBe(3175_00);
    expect(await exposureOf('ED05')).toEqual({ orders: 0, receivable: 3175_00 });
    const allocated = await h.bot.db.paymentAllocation.findMany({ where: { invoiceId: invoice.id } });
    expect(allocated.map((a) => Number(a.amountCents))).toEqual([2000_00]);
  });

  it('imports rebates and credit notes with a reason, refuses bad rows; importing again changes nothing', async () => {
    const heading = ['貸項單號', '客戶編碼', '金額', '原因'];
    const bad = csvOf([
      heading,
      ['CN-E-1', 'ED05', '175', ''],
      ['CN-E-2', 'ZZ99', '10', '折讓'],
      ['CN-E-3', 'ED05', '0', 'x'],
    ]);
    const refused = await uploadInDm(h, SSG_LEADER, 'credits-bad.csv', bad);
    expect(refused.text).toContain('返利與折讓 credits-bad.csv 未匯入');
    expect(refused.text).toContain('第 2 行：返利或折讓須寫明原因');
    expect(refused.text).toContain('第 3 行：客戶編碼「ZZ99」不在客戶檔案中');
    expect(refused.text).toContain('第 4 行：金額「0」無效');
    expect(await h.bot.db.creditNote.count({ where: { number: { startsWith: 'CN-E-' } } })).toBe(0);

    const good = csvOf([heading, ['CN-E-1', 'ED05', '175', '年度返利'], ['CN-E-2', 'ED05', '1,000', '破損折讓']]);
    const answer = await uploadInDm(h, SSG_LEADER, 'credits.csv', good);
    expect(answer.text).toBe('返利與折讓 credits.csv 已匯入：共 2 張，新增 2 張，之前已匯入 0 張（不變）。');
    const notes = await h.bot.db.creditNote.findMany({
      where: { number: { startsWith: 'CN-E-' } },
      orderBy: { id: 'asc' },
    });
    expect(notes.map((n) => [n.kind, n.reason, Number(n.amountCents)])).toEqual([
      ['rebate', '年度返利', 175_00],
      ['credit_note', '破損折讓', 1_000_00],
    ]);
    const open = await h.bot.db.invoice.findFirstOrThrow({ where: { number: 'INV-XL-2' } });
    expect(Number(open.openCents)).toBe(2000_00);
    expect(await exposureOf('ED05')).toEqual({ orders: 0, receivable: 2000_00 });

    expect((await uploadInDm(h, SSG_LEADER, 'credits.csv', good)).text).toContain('新增 0 張，之前已匯入 2 張');
    const changed = csvOf([heading, ['CN-E-1', 'ED05', '180', '年度返利']]);
    expect((await uploadInDm(h, SSG_LEADER, 'credits-2.csv', changed)).text).toContain(
      '第 2 行：單號 CN-E-1 已匯入，金額或客戶不同',
    );
    expect(await exposureOf('ED05')).toEqual({ orders: 0, receivable: 2000_00 });
  });

  it('names a file that is no export it knows', async () => {
    const answer = await uploadInDm(
      h,
      SSG_LEADER,
      'what.csv',
      csvOf([
        ['甲', '乙'],
        ['1', '2'],
      ]),
    );
    expect(answer.text).toContain('檔案 what.csv 未匯入');
    expect(answer.text).toContain('看不出是哪一種匯出');
    // a file that is neither CSV nor XLSX is answered too, with the files that are taken
    const photo = await uploadInDm(h, SSG_LEADER, 'receipt.pdf', Buffer.from('%PDF-1.4'));
    expect(photo.text).toBe(
      '「receipt.pdf」未匯入：只接受 ERP 匯出的 CSV 或 XLSX 檔（客戶、商品、訂單、發運、發票、收款、返利與折讓）。',
    );
  });

  it('refuses the ledger to anyone outside the SSG, clearly and with nothing written', async () => {
    const before = await h.bot.db.invoice.count();
    const kam = await uploadInDm(h, 'U0KEYACC01', 'erp-invoices.csv', sample('erp-invoices.csv'));
    expect(kam.text).toBe('只有 SSG 可以匯入 ERP 匯出的檔案（客戶、商品、訂單、發運、發票、收款、返利與折讓）。');
    // the general manager may import the register, not the ledger
    const gm = await uploadInDm(h, 'U0GENMGR01', 'erp-invoices.csv', sample('erp-invoices.csv'));
    expect(gm.text).toBe('只有 SSG 可以匯入 ERP 匯出的檔案（客戶、商品、訂單、發運、發票、收款、返利與折讓）。');
    expect(await h.bot.db.invoice.count()).toBe(before);
  });

  it('puts last month’s sales, receivables over 60 days and held orders by market on the SLT agenda', async () => {
    const ed02 = await h.bot.db.account.findFirstOrThrow({ where: { code: 'ED02' } });
    const held = { orgId: ed02.orgId, accountId: ed02.id, market: ed02.market, enteredById: CSR1 };
    await h.bot.db.order.create({
      data: {
        ...held,
        number: 'SO-HELD-1',
        requestedOn: '2026-12-10',
        totalCents: 1234_50n,
        state: 'pending_credit',
        approvalStep: 'ssg_leader',
        createdAt: clock.now(),
        updatedAt: clock.now(),
      },
    });
    clock.set('2026-12-07T01:00:00Z'); // the SLT meets on Monday 7 December at 10:00 local: an hour before
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const reminder = dmsTo(h, 'U0GENMGR01').find((m) => blocksText(m).includes('上月開票額、逾期 60 天以上應收'))!;
    // November's invoices: ED01 7,425, ED03 3,520 and the XLSX's ED02 1,000.50 in 華東; ND01 5,700 in 華北
    expect(blocksText(reminder)).toContain('華東：開票額 ¥11,945.50｜逾期 60 天以上 ¥0｜待審批 1 張 ¥1,234.50');
    expect(blocksText(reminder)).toContain('華北：開票額 ¥5,700｜逾期 60 天以上 ¥0｜待審批 0 張 ¥0');
    // two sources, each named: the attainment's actuals (typed or fed) and the ledger's invoices
    expect(blocksText(reminder)).toContain('依市場，取自 ERP 帳本');
    expect(blocksText(reminder)).toContain('*上月各市場達成*（實績：目標進度的銷售額，含 `/sales` 登記）');
    expect(blocksText(reminder)).not.toContain('銷售額 ¥');
  });

  it('shows each distributor’s actual payment behaviour in the SSG leader’s monthly credit review', async () => {
    clock.set('2026-12-08T00:30:00Z'); // the SSG meeting's day, 08:30 local
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const review = dmsTo(h, SSG_LEADER).find((m) => blocksText(m).includes('credit_propose'))!;
    expect(blocksText(review)).toContain('2026-09-01 至 2026-11-30 的實際回款表現');
    // 12,000 paid 16 days late and 3,000 early: 13 days on average; 4,425 of INV-2611-001 due on 4 December
    expect(blocksText(review)).toContain('近三月開票 ¥19,425｜回款 ¥15,000｜平均逾期 13 天｜目前逾期 ¥4,425');
  });
});
