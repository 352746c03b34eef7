import { describe, expect, it } from 'vitest';
import { erpMoney, erpQuantity, erpTerms } from '../../src/domain/erp/erp-values.ts';
import { importerFor } from '../../src/services/erp/import-erp-file.ts';
import { checkOrderRows } from '../../src/domain/erp/order-rows.ts';
import { checkShipmentRows, type OrderRef } from '../../src/domain/erp/shipment-rows.ts';
import type { KnownDoc } from '../../src/domain/erp/ledger-lookups.ts';

const ED01 = { id: 7, code: 'ED01', market: 'E', ownerId: 'U1', termsDays: 30 };

describe('ERP exports: what a file is, from its headings', () => {
  it('picks the kind by its own document column, whatever else the file names', () => {
    expect(importerFor(['收款單號', '客戶編碼', '收款日期', '收款金額', '發票號碼'])?.kind).toBe('payments');
    expect(importerFor(['Invoice number', 'Customer code', 'Order number', 'Amount'])?.kind).toBe('invoices');
    expect(importerFor(['出货单号', '订单编号', '商品编码', '数量'])?.kind).toBe('shipments');
    expect(importerFor(['\uFEFF订单编号', '客户编码', '商品编码'])?.kind).toBe('orders');
    expect(importerFor(['商品編碼', '商品名稱', '單位', '牌價'])?.kind).toBe('products');
    expect(importerFor(['SKU', 'Name', 'Unit', 'List price'])?.kind).toBe('products');
    expect(importerFor(['客戶編碼', '客戶名稱', '客戶類型', '市場', '開戶日期'])?.kind).toBe('accounts');
    expect(importerFor(['貸項單號', '客戶編碼', '金額', '原因'])?.kind).toBe('credit_notes');
    expect(importerFor(['甲', '乙'])).toBeUndefined();
  });

  it('reads amounts, quantities and terms as an ERP writes them, exactly', () => {
    expect(erpMoney('1,234.5', 'amount')).toEqual({ ok: true, value: 123_450 });
    expect(erpMoney('0.1', 'amount')).toEqual({ ok: true, value: 10 });
    expect(erpMoney('1.005', 'amount').ok).toBe(false);
    expect(erpQuantity('12.00', 'quantity')).toEqual({ ok: true, value: 12 });
    expect(erpQuantity('1.5', 'quantity').ok).toBe(false);
    expect(erpTerms('月結60天')).toEqual({ ok: true, value: 60 });
    expect(erpTerms('Net 30')).toEqual({ ok: true, value: 30 });
    expect(erpTerms('貨到付款').ok).toBe(false);
  });
});

describe('ERP exports read again: the same document is a no-op, other figures are refused', () => {
  const orders = [
    ['訂單編號', '客戶編碼', '訂單日期', '商品編碼', '數量', '單價'],
    ['SO-1', 'ED01', '2026-11-02', 'TEA001', '10', '72'],
    ['SO-1', 'ED01', '2026-11-02', 'JUC001', '5', '96'],
  ];
  const accounts = new Map([['ED01', ED01]]);
  const prices = new Map([
    ['TEA001', 7200],
    ['JUC001', 9600],
  ]);
  const known = (figure: number, accountId: number | null = 7) =>
    new Map<string, KnownDoc>([['SO-1', { accountId, figure }]]);

  it('an order with the stored total and account is left out; another total or account is refused at its line', () => {
    expect(checkOrderRows(orders, { accounts, prices, known: known(120_000) })).toEqual({ ok: true, docs: [] });
    expect(checkOrderRows(orders, { accounts, prices, known: known(119_999) })).toEqual({
      ok: false,
      problems: [{ line: 2, reason: 'doc_changed', value: 'SO-1' }],
    });
    expect(checkOrderRows(orders, { accounts, prices, known: known(120_000, 8) })).toMatchObject({ ok: false });
  });

  it('a shipment with the stored units is left out; other units are refused', () => {
    const order: OrderRef = {
      id: 1,
      number: 'SO-1',
      state: 'shipped',
      accountCode: 'ED01',
      market: 'E',
      ownerId: 'U1',
      lines: [{ id: 11, sku: 'TEA001', quantity: 10, shipped: 10, priceCents: 7200 }],
    };
    const rows = [
      ['出貨單號', '訂單編號', '出貨日期', '商品編碼', '數量'],
      ['DN-1', 'SO-1', '2026-11-03', 'TEA001', '10'],
    ];
    const stored = (units: number) => new Map<string, KnownDoc>([['DN-1', { accountId: null, figure: units }]]);
    const orders = new Map([['SO-1', order]]);
    expect(checkShipmentRows(rows, { orders, known: stored(10) })).toEqual({ ok: true, docs: [] });
    expect(checkShipmentRows(rows, { orders, known: stored(8) })).toEqual({
      ok: false,
      problems: [{ line: 2, reason: 'doc_changed_units', value: 'DN-1' }],
    });
  });
});
