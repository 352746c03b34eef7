import { describe, expect, it } from 'vitest';
import { orderConfirmModal, type OrderPreview } from '../../src/views/orders/order-modal.ts';

const preview = (limitCents: number | undefined): OrderPreview => ({
  account: { code: 'ED98', name: '新客戶' },
  currency: 'CNY',
  lines: [{ sku: 'TEA001', name: '茶', unit: '箱', quantity: 5, priceCents: 7_200 }],
  totalCents: 36_000,
  requestedOn: '2026-12-01',
  note: '',
  receivableCents: 0,
  openOrdersCents: 0,
  limitCents,
  overdueCents: 0,
  overdueDays: 0,
  directorThresholdCents: 100_000_00,
});
const shown = (p: OrderPreview) => JSON.stringify(orderConfirmModal({ locale: 'zh-Hant', preview: p, metadata: '{}' }));

describe('the order confirmation of an account', () => {
  it('without a rating shows no amount left of a limit it does not have', () => {
    expect(shown(preview(undefined))).toContain('信用額度：未設額度　本單後可用額度：*—*');
    expect(shown(preview(undefined))).not.toContain('-¥360');
  });

  it('with a limit shows what this order leaves of it', () => {
    expect(shown(preview(1_000_00))).toContain('本單後可用額度：*¥640*');
  });
});
