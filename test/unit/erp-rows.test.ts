import { describe, expect, it } from 'vitest';
import { erpMoney, erpQuantity, erpTerms } from '../../src/domain/erp/erp-values.ts';
import { settlePayment, type OpenInvoice } from '../../src/domain/erp/settle-payment.ts';
import { importerFor } from '../../src/services/erp/import-erp-file.ts';

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

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

describe('settling a payment against open invoices', () => {
  it('settles the named invoices first, then the oldest, and keeps the rest unapplied', () => {
    const open: OpenInvoice[] = [
      { id: 1, number: 'A', issuedOn: '2026-09-01', openCents: 1000 },
      { id: 2, number: 'B', issuedOn: '2026-10-01', openCents: 2000 },
      { id: 3, number: 'C', issuedOn: '2026-08-01', openCents: 500 },
    ];
    expect(settlePayment(1200, open)).toEqual({
      allocations: [
        { invoiceId: 3, amountCents: 500 },
        { invoiceId: 1, amountCents: 700 },
      ],
      unappliedCents: 0,
    });
    expect(settlePayment(2500, open, ['B']).allocations[0]).toEqual({ invoiceId: 2, amountCents: 2000 });
    expect(settlePayment(4000, open).unappliedCents).toBe(500);
  });

  it('adds up to the payment to the cent and never pays an invoice more than it owes (1,000 random cases)', () => {
    for (let seed = 1; seed <= 1000; seed += 1) {
      const next = random(seed);
      const open = Array.from({ length: Math.floor(next() * 8) }, (_, i) => ({
        id: i + 1,
        number: `N${i}`,
        issuedOn: `2026-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-01`,
        openCents: 1 + Math.floor(next() * 10_000_000),
      }));
      const amount = 1 + Math.floor(next() * 30_000_000);
      const { allocations, unappliedCents } = settlePayment(amount, open);
      const applied = allocations.reduce((sum, a) => sum + a.amountCents, 0);
      expect(applied + unappliedCents, `seed ${seed}`).toBe(amount);
      for (const a of allocations) {
        expect(a.amountCents).toBeGreaterThan(0);
        expect(a.amountCents).toBeLessThanOrEqual(open.find((i) => i.id === a.invoiceId)!.openCents);
      }
      const owed = open.reduce((sum, i) => sum + i.openCents, 0);
      expect(unappliedCents, `seed ${seed}`).toBe(Math.max(0, amount - owed));
    }
  });
});
