import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText } from '../support/visit-flow.ts';

// Thursday 2026-11-26, 10:00 in Asia/Shanghai; Monday 2026-11-30 09:00 there is 01:00Z.
describe.each(PROVIDERS)('the Monday arrears and collections summary, the clock moved on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const weekly = (channel: string) =>
    h.fake.state.inChannel(channel).filter((m) => (m.text ?? '').includes('每週回款與欠款'));

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    // 周子豪 (劉大偉's team) pays part of his deposit; 許家銘 (吳佳玲's team) pays nothing by Friday's date
    const first = await customerCardOf(h, 'U0SALES001', '13900007777', '馮先生');
    const paid = await reserve(h, 'U0SALES001', first, { building: '1棟', number: '0301' });
    const errors = await actOnDeal(h, 'U0SECRET01', 'U0SALES001', paid, 'deal_pay', {
      amount: '20,000',
      receivedOn: '2026-11-26',
    });
    expect(errors).toBeUndefined();
    const second = await customerCardOf(h, 'U0SALES003', '13900008888', '秦小姐');
    await reserve(h, 'U0SALES003', second, { building: '2棟', number: '0301' }, { depositDate: '2026-11-27' });
  });
  afterAll(async () => h?.stop());

  it('sends nothing before Monday 09:00, then the site’s week to the PM, deputy, secretary and planning', async () => {
    clock.set('2026-11-30T00:30:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(weekly('U0PROJMGR1')).toHaveLength(0);
    clock.set('2026-11-30T01:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    for (const who of ['U0PROJMGR1', 'U0DEPUTY01', 'U0SECRET01', 'C0PLANNING1']) {
      const [message, ...more] = weekly(who);
      expect(more, who).toHaveLength(0);
      const text = blocksText(message);
      expect(text, who).toContain('每週回款與欠款・全案場（2026-11-23 至 2026-11-29）');
      expect(text).toContain('本週回款 ¥20,000（1 筆，其中銀行放款 ¥0）；退款 ¥0');
      expect(text).toContain('目前逾期 ¥80,000（2 項）');
      expect(text).toContain('回款率 20%（至週末到期應收 ¥100,000，已收 ¥20,000）');
      expect(text).toContain('• 許家銘：回款 ¥0，逾期 ¥50,000（1 項）');
      expect(text).toContain('• 周子豪：回款 ¥20,000，逾期 ¥30,000（1 項）');
      expect(text).not.toContain('139');
    }
  });

  it('adds visits → 認購 → 簽約 from the deals, and the collection rate, to the weekly analysis', async () => {
    const analysis = h.fake.state
      .inChannel('C0PLANNING1')
      .map((m) => blocksText(m))
      .find((text) => text.includes('成交轉化'));
    expect(analysis).toContain('來訪 2 組 → 認購 2 套（100%）→ 簽約 0 套（0%）');
    expect(analysis).toContain('回款率 20%');
  });

  it('gives each team lead their own team only', async () => {
    const first = blocksText(weekly('U0TLEAD001')[0]);
    expect(first).toContain('劉大偉 組');
    expect(first).toContain('回款率 40%');
    expect(first).toContain('周子豪');
    expect(first).not.toContain('許家銘');
    const second = blocksText(weekly('U0TLEAD002')[0]);
    expect(second).toContain('目前逾期 ¥50,000（1 項）');
    expect(second).not.toContain('周子豪');
    expect(weekly('U0SALES001')).toHaveLength(0);
  });

  it('goes once a week, however often the scheduler runs, and again the next Monday', async () => {
    clock.set('2026-11-30T03:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(weekly('U0PROJMGR1')).toHaveLength(1);
    clock.set('2026-12-07T01:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const next = weekly('U0PROJMGR1');
    expect(next).toHaveLength(2);
    expect(blocksText(next[1])).toContain('（2026-11-30 至 2026-12-06）');
    expect(blocksText(next[1])).toContain('本週回款 ¥0（0 筆，其中銀行放款 ¥0）');
  });
});
