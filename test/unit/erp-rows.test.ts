import { describe, expect, it } from 'vitest';
import { erpMoney, erpQuantity, erpTerms } from '../../src/domain/erp/erp-values.ts';
import { importerFor } from '../../src/services/erp/import-erp-file.ts';

describe('ERP exports: what a file is, from its headings', () => {
  it('picks the kind by its own document column, whatever else the file names', () => {
    expect(importerFor(['收款單號', '客戶編碼', '收款日期', '收款金額', '發票號碼'])?.kind).toBe('payments');
    expect(importerFor(['Invoice number', 'Customer code', 'Order number', 'Amount'])?.kind).toBe('invoices');
    expect(importerFor(['出货单号', '订单编号', '商品编码', '数量'])?.kind).toBe('shipments');
    expect(importerFor(['\uFEFF订单编号', '客户编码', '商品编码'])?.kind).toBe('orders');
    expect(importerFor(['商品編碼', '商品名稱', '單位', '牌價'])?.kind).toBe('products');
    expect(importerFor(['SKU', 'Name', 'Unit', 'List price'])?.kind).toBe('products');
    expect(importerFor(['客戶編碼', '客戶名稱', '客戶類型', '市場', '開戶日期'])?.kind).toBe('accounts');
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
