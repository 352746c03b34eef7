import { describe, expect, it } from 'vitest';
import { reserveModal } from '../../src/views/deals/reserve-modal.ts';

// a new user saw "1801 · A三房" three times in the 認購 form: the chosen unit is shown without its group
describe('the 認購 form’s unit options', () => {
  it('name the building in each option, grouped by building', () => {
    const unit = (id: number, building: string) => ({
      id,
      building,
      number: '1801',
      layout: 'A三房',
      listPriceCents: 282_300_000,
    });
    const view = reserveModal({
      locale: 'zh-Hant',
      currency: 'CNY',
      customers: [{ id: 1, name: '林小姐' }],
      units: [unit(1, '1棟'), unit(2, '2棟')],
      today: '2026-11-28',
      signBy: '2026-12-05',
    });
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('"1棟 1801 · A三房 · ¥2,823,000"');
    expect(json).toContain('"2棟 1801 · A三房 · ¥2,823,000"');
    expect(json).not.toContain('"1801 · A三房');
  });
});
