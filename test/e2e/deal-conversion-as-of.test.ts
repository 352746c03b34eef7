import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, dealAnalyses, reserve, tickAt as tickClockAt } from '../support/deal-flow.ts';
import { blocksText, dmsTo, settle } from '../support/visit-flow.ts';

const yuan = (cents: number) => String(cents / 100);

// Thursday 2026-11-26, 10:00 in Asia/Shanghai. Reservations A and B that week; A signed on Monday the 30th;
// both cancelled on 1 December at 08:30, before the November analysis goes out at 09:00.
describe.each(PROVIDERS)(
  'the analysis’s deal conversion, with reservations signed and cancelled later, on %s',
  (provider) => {
    let h: Harness;
    const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
    let a: number;
    let b: number;
    const analyses = () => dealAnalyses(h);
    const tickAt = (iso: string) => tickClockAt(h, clock, iso);
    const cancel = async (id: number) => {
      await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_cancel', { reason: '客戶改變主意' });
      const request = structuredClone(
        dmsTo(h, 'U0PROJMGR1')
          .filter((m) => blocksText(m).includes('deal_cancel_approve') && blocksText(m).includes(`#${id}*`))
          .at(-1)!,
      );
      await h.driver.replyInThread('U0PROJMGR1', request, '通過');
      await expect.poll(async () => (await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).stage).toBe('cancelled');
      await settle(h);
    };

    beforeAll(async () => {
      h = await startHarness({ provider, clock });
      a = await reserve(h, 'U0SALES001', await customerCardOf(h, 'U0SALES001', '13900004141', '葉先生'), {
        building: '2棟',
        number: '0601',
      });
      b = await reserve(h, 'U0SALES001', await customerCardOf(h, 'U0SALES001', '13900004242', '蔡小姐'), {
        building: '2棟',
        number: '0602',
      });
      await actOnDeal(h, 'U0SECRET01', 'U0SALES001', a, 'deal_pay', { amount: '50,000', receivedOn: '2026-11-26' });
    });
    afterAll(async () => h?.stop());

    it('counts the week’s reservations, and signs none yet', async () => {
      await tickAt('2026-11-30T01:00:00Z');
      const [week] = analyses();
      expect(week).toContain('來訪 2 組 → 認購 2 套（100%）→ 簽約 0 套（0%）');
      expect(week).toContain('簽約只計本期認購中至期末已簽約的，不會多於認購。');
      clock.set('2026-11-30T02:00:00Z');
      const price = Number((await h.bot.db.deal.findUniqueOrThrow({ where: { id: a } })).priceCents);
      const errors = await actOnDeal(h, 'U0SALES001', 'U0SALES001', a, 'deal_sign', {
        contractNo: 'HT-C01',
        total: yuan(price),
        method: 'lump_sum',
        downDate: '2026-12-20',
      });
      expect(errors).toBeUndefined();
    });

    it('reports the closed month as it stood (reservations, contract, rate), though cancelled since', async () => {
      clock.set('2026-12-01T00:30:00Z');
      await cancel(a);
      await cancel(b);
      await tickAt('2026-12-01T01:00:00Z');
      const month = analyses().find((text) => text.includes('2026-11-01'));
      expect(month).toContain('來訪 2 組 → 認購 2 套（100%）→ 簽約 1 套（50%）');
      // the cancellations were approved in December: November shows none, and takes nothing back
      expect(month).not.toContain('退訂');
      // one set of figures in the message: the stage line's 認購 and 簽約 are the deals', not the files'
      // (both files went back to 來訪中 with the cancellations)
      expect(month).toMatch(/階段轉化[^"]*認購 2 → 簽約 1 →/);
      // due by 30 November: the two deposits (¥50,000 each), one paid
      expect(month).toContain('回款率 50%');
    });

    it('never shows more contracts than reservations: one on an earlier reservation is named beside it', async () => {
      await tickAt('2026-12-07T01:00:00Z');
      const week = analyses().find((text) => text.includes('2026-11-30') && !text.includes('2026-11-01'));
      // no visits: a share of none is not 0%
      expect(week).toContain('來訪 0 組 → 認購 0 套（無來訪）→ 簽約 0 套（無來訪）');
      expect(week).toContain('另有 1 套本期簽約來自前期認購，不計入此轉化。');
      // the two cancellations of 1 December are this week's, shown as cancellations
      expect(week).toContain('本期退訂 2 套（不論何時認購，另列，不從認購、簽約扣除）。');
    });
  },
);
