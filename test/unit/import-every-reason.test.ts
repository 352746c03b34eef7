import { describe, expect, it } from 'vitest';
import { checkCreditNoteRows } from '../../src/domain/erp/credit-note-rows.ts';
import { checkInvoiceRows } from '../../src/domain/erp/invoice-rows.ts';
import { checkOrderRows } from '../../src/domain/erp/order-rows.ts';
import { checkPaymentRows } from '../../src/domain/erp/payment-rows.ts';
import { checkShipmentRows } from '../../src/domain/erp/shipment-rows.ts';
import { checkProducts } from '../../src/domain/orders/check-products.ts';
import { erpImportResultText } from '../../src/views/erp/erp-import-messages.ts';
import { productImportText } from '../../src/views/orders/product-messages.ts';

const ED01 = { id: 7, code: 'ED01', market: 'E', ownerId: 'U1', termsDays: 30 };
const accounts = new Map([['ED01', ED01]]);
const known = new Map();
const reasons = (result: { ok: boolean; problems?: { line: number; reason: string }[] }) =>
  (result.problems ?? []).map((p) => `${p.line}:${p.reason}`);

// An import names every reason of a bad row, not only its first, and applies nothing.
describe('imports report every reason of a bad row', () => {
  it('payments: number, date, amount and account of one row', () => {
    const rows = [
      ['收款單號', '客戶編碼', '收款日期', '收款金額'],
      ['', 'NOPE', '2026-13-40', '-5'],
    ];
    const checked = checkPaymentRows(rows, { accounts, invoiceAccounts: new Map(), known });
    expect(reasons(checked)).toEqual(['2:payment_number', '2:date', '2:amount', '2:unknown_account']);
  });

  it('invoices, credit notes, orders and shipments: each bad field of a row', () => {
    const invoices = [
      ['發票號碼', '客戶編碼', '開票日期', '金額'],
      ['INV-1', 'NOPE', 'yesterday', 'x'],
    ];
    const invoice = checkInvoiceRows(invoices, { accounts, orders: new Map(), shipments: new Map(), known });
    expect(reasons(invoice)).toEqual(['2:date', '2:amount', '2:unknown_account']);
    const notes = [
      ['貸項單號', '客戶編碼', '金額', '原因'],
      ['CN-1', 'NOPE', '0', ''],
    ];
    expect(reasons(checkCreditNoteRows(notes, { accounts, known }))).toEqual([
      '2:amount',
      '2:unknown_account',
      '2:no_reason',
    ]);
    const orders = [
      ['訂單編號', '客戶編碼', '訂單日期', '商品編碼', '數量', '單價'],
      ['SO-1', 'NOPE', '2026-02-30', 'NOSKU', '1.5', '1.001'],
    ];
    const order = checkOrderRows(orders, { accounts, prices: new Map(), known });
    expect(reasons(order)).toEqual(['2:date', '2:unknown_account', '2:unknown_sku', '2:quantity', '2:price']);
    const shipments = [
      ['出貨單號', '訂單編號', '出貨日期', '商品編碼', '數量'],
      ['', 'SO-9', 'someday', 'TEA001', '1'],
    ];
    expect(reasons(checkShipmentRows(shipments, { orders: new Map(), known }))).toEqual([
      '2:shipment_number',
      '2:date',
      '2:unknown_order',
    ]);
  });

  it('products: every bad cell of a row', () => {
    const checked = checkProducts([
      ['SKU', 'name', 'unit', 'pack size', 'list price', 'active'],
      ['A1', 'x', 'box', '1', '1', ''],
      ['!', '', 'box', '0', '1.234', 'maybe'],
    ]);
    expect(reasons(checked)).toEqual(['3:sku', '3:name', '3:pack', '3:price', '3:active']);
    const text = productImportText({ ...checked, file: 'p.csv' } as Parameters<typeof productImportText>[0], 'en');
    expect(text.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(1);
  });

  it('the report names the line once with each of its reasons, in both languages', () => {
    const problems = [
      { line: 2, reason: 'date', value: 'x' },
      { line: 2, reason: 'unknown_account', value: 'NOPE' },
      { line: 4, reason: 'amount', value: '0' },
    ];
    const zh = erpImportResultText({ ok: false, kind: 'payments', problems }, 'pay.csv', 'zh-Hant');
    expect(zh).toContain(
      '• 第 2 行：日期「x」無效，應為 2026-11-05 這樣的日期；客戶編碼「NOPE」不在客戶檔案中\n• 第 4 行：',
    );
    const en = erpImportResultText({ ok: false, kind: 'payments', problems }, 'pay.csv', 'en');
    expect(en.split('\n').filter((l) => l.startsWith('• line 2: '))).toHaveLength(1);
    expect(en).toContain('; ');
  });
});
