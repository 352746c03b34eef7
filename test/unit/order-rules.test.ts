import { describe, expect, it } from 'vitest';
import { checkProducts } from '../../src/domain/orders/check-products.ts';
import { floorPriceCents, orderSettingsOf } from '../../src/domain/orders/order-settings.ts';

describe('order rules', () => {
  it('reads the catalogue under Chinese or English headings, and refuses a file with any bad row', () => {
    const good = checkProducts([
      ['\uFEFF商品编码', '商品名称', '单位', '包装规格', '牌价', '状态'],
      ['tea001', '烏龍茶', '箱', '24', '72.50', '启用'],
      ['JUC001', '橙汁', '箱', '', '1,096', '停用'],
    ]);
    expect(good).toEqual({
      ok: true,
      products: [
        { sku: 'TEA001', name: '烏龍茶', unit: '箱', packSize: 24, listPriceCents: 7250, active: true },
        { sku: 'JUC001', name: '橙汁', unit: '箱', packSize: 1, listPriceCents: 109_600, active: false },
      ],
    });
    const bad = checkProducts([
      ['SKU', 'name', 'unit', 'pack size', 'list price', 'active'],
      ['A1', 'x', 'box', '0', '1', ''],
      ['A2', 'y', 'box', '1', '1.234', 'yes'],
      ['A1', 'z', 'box', '1', '1', 'maybe'],
    ]);
    expect(bad).toEqual({
      ok: false,
      problems: [
        { line: 2, reason: 'pack', value: '0' },
        { line: 3, reason: 'price', value: '1.234' },
        { line: 4, reason: 'active', value: 'maybe' },
      ],
    });
    expect(checkProducts([['SKU', 'name']])).toMatchObject({ ok: false, problems: [{ line: 1 }] });
  });

  it('takes the price floor per role from the org file, rounded up to the cent', () => {
    const settings = orderSettingsOf(JSON.stringify({ price_floor: { key_account_manager: 90, rep: 95 } }));
    expect(floorPriceCents(settings, 'key_account_manager', 7250)).toBe(6525);
    expect(floorPriceCents(settings, 'sales_rep', 7250)).toBe(6888);
    expect(floorPriceCents(settings, 'customer_service_rep', 7250)).toBe(6163);
    expect(orderSettingsOf('not json').director_threshold).toBe(50_000);
  });
});
