import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClock } from '../../src/jobs/advance-clock.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { commandAnswer, insertApprovedOrder } from '../support/ledger-flow.ts';
import { imagesIn } from '../../src/fake-slack/file-uploads.ts';
import { AGING_CHART_WIDTH, agingChartHeight } from '../../src/views/charts/aging-chart.ts';
import { untilShared } from '../support/chart-flow.ts';
import { pngSize } from '../support/png.ts';
import { blocksText, dmsTo, openedView, settle } from '../support/visit-flow.ts';

const CSR1 = 'U0CSREP001';
const SSG_LEADER = 'U0SSGLEAD1'; // settles the East market (華東)
const KAM_E = 'U0KEYACC01';
const UM_E = 'U0UNITMG01';
const MM_E = 'U0MKTMGR01';
const DIRECTOR = 'U0SALDIR02';
const SSG_CHANNEL = 'C0SSGDESK1';

describe.each(PROVIDERS)(
  'aging reminders and the Monday report with the clock moved across 90 days, on %s',
  {
    timeout: 180_000,
  },
  (provider) => {
    let h: Harness;
    const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 in Shanghai
    beforeAll(async () => {
      h = await startHarness({ provider, clock, orgFile: BRAND_ACCOUNTS_ORG });
      await insertApprovedOrder(h.bot.db, {
        accountCode: 'ED01',
        number: 'SO-900001',
        now: clock.now(),
        lines: [{ sku: 'MB-001', quantity: 10, priceCents: 100_00 }],
      });
      const form = await openedView(h, () => h.driver.command(CSR1, '/order', 'ship SO-900001'));
      const line = (form.view.blocks as { block_id: string }[]).find((b) => b.block_id.startsWith('ship_line_'))!;
      await h.driver.submitView(CSR1, form, { ship_date: '2026-11-26', ship_carrier: '順豐', [line.block_id]: '10' });
      await settle(h);
    });
    afterAll(async () => h?.stop());

    const move = async (to: string) => {
      const result = await advanceClock({ scheduler: h.bot.scheduler, clock, to: new Date(to), maxStops: 5000 });
      await h.flushOutbox();
      expect(result.failed).toEqual([]);
      return result;
    };
    const reminders = (userId: string) => dmsTo(h, userId).filter((m) => blocksText(m).includes('應收款提醒'));

    it('reminds the KAM and the settling CSR three days before the due date, once', async () => {
      await move('2026-12-22T02:00:00Z');
      expect(reminders(KAM_E)).toHaveLength(0);
      await move('2026-12-24T02:00:00Z');
      expect(reminders(KAM_E)).toHaveLength(1);
      expect(blocksText(reminders(KAM_E)[0])).toContain('INV-000001｜滬東分銷（ED01）¥1,000 將於 2026-12-26 到期');
      expect(reminders(SSG_LEADER)).toHaveLength(1);
      expect(reminders(UM_E)).toHaveLength(0);
    });

    it('reminds each of them at most once a week, the UM and MM from day 61 and the director from day 91', async () => {
      // the clock moved a day at a time, to 92 days past the due date of 26 December
      const days = new Map<string, number[]>();
      const seen = new Map([KAM_E, SSG_LEADER, UM_E, MM_E, DIRECTOR].map((who) => [who, reminders(who).length]));
      for (let day = 1; day <= 92; day += 1) {
        await move(new Date(Date.parse('2026-12-26T02:00:00Z') + day * 86_400_000).toISOString());
        for (const who of [KAM_E, SSG_LEADER, UM_E, MM_E, DIRECTOR]) {
          const count = reminders(who).length;
          if (count > (seen.get(who) ?? 0)) days.set(who, [...(days.get(who) ?? []), day]);
          expect(count - (seen.get(who) ?? 0)).toBeLessThanOrEqual(1);
          seen.set(who, count);
        }
      }
      expect(blocksText(reminders(KAM_E)[1])).toContain('已逾期 1 天');
      const weekly = [1, 8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78, 85, 92];
      expect(days.get(KAM_E)).toEqual(weekly);
      expect(days.get(SSG_LEADER)).toEqual(weekly);
      expect(days.get(UM_E)).toEqual([61, 68, 75, 82, 89]);
      expect(days.get(MM_E)).toEqual([61, 68, 75, 82, 89]);
      expect(days.get(DIRECTOR)).toEqual([91]);
      expect(blocksText(reminders(UM_E)[0])).toContain('已逾期 61 天');
      expect(blocksText(reminders(DIRECTOR)[0])).toContain('已逾期 91 天');
      const rows = await h.bot.db.invoiceReminder.findMany();
      expect(new Set(rows.map((r) => r.stage)).size).toBe(rows.length);
    });

    it('sends each market its aging report on Monday, to its owners and the SSG channel', async () => {
      await move('2027-03-29T02:00:00Z'); // Monday 10:00
      const reports = h.fake.state.inChannel(SSG_CHANNEL).filter((m) => blocksText(m).includes('華東應收帳齡週報'));
      expect(blocksText(reports.at(-1))).toContain('（2027-03-29）');
      expect(blocksText(reports.at(-1))).toContain('滬東分銷（ED01）：¥0｜¥0｜¥0｜¥1,000');
      for (const owner of [MM_E, UM_E, KAM_E, 'U0DEPDIR01'])
        expect(
          dmsTo(h, owner).some((m) => blocksText(m).includes('華東應收帳齡週報')),
          owner,
        ).toBe(true);
      // 董浩 works 華東 but may not see ED01's card, so nothing of it reaches him; 袁芳 works 華北
      for (const other of ['U0KEYACC02', 'U0KEYACC03'])
        expect(dmsTo(h, other).some((m) => blocksText(m).includes('華東應收帳齡週報'))).toBe(false);
      // one report a Monday: 18 Mondays from 2026-11-30 to 2027-03-29
      expect(reports).toHaveLength(18);
      const card = await commandAnswer(h, KAM_E, '/account', 'ED01');
      expect(card).toContain('*應收餘額* ¥1,000');
      expect(card).toContain('90 天以上 ¥1,000');
    });

    it("follows each Monday's report with its chart: each account's open amount stacked by age", async () => {
      // the SSG channel and each owner: the picture comes after the report it illustrates
      for (const where of [SSG_CHANNEL, MM_E, KAM_E]) {
        await untilShared(h, where, 18);
        const messages = h.fake.state.inChannel(where);
        const report = messages.findLastIndex((m) => /華東應收帳齡週報.*（2027-03-29）/.test(blocksText(m)));
        const chart = messages.findLastIndex((m) => m.files?.some((f) => f.title === '華東應收帳齡 2027-03-29'));
        expect(chart, where).toBeGreaterThan(report);
        expect(report, where).toBeGreaterThanOrEqual(0);
        // the text beside it says what it shows, in the org's currency
        expect(messages[chart].text).toBe(
          '*華東應收帳齡 2027-03-29*\n滬東分銷（ED01）：0–30 天 ¥0，31–60 天 ¥0，61–90 天 ¥0，90 天以上 ¥1,000',
        );
      }
      const image = imagesIn(h.fake.state, SSG_CHANNEL).at(-1)!;
      expect(image.altText).toContain('未收金額依帳齡分段堆疊');
      expect(pngSize(image.data)).toEqual({ width: AGING_CHART_WIDTH, height: agingChartHeight(1) });
      expect(h.fake.state.inChannel('U0KEYACC03').filter((m) => m.files?.length)).toHaveLength(0);
    });

    it('stops reminding once the invoice is settled', async () => {
      await commandAnswer(h, SSG_LEADER, '/order', 'pay ED01 1,000');
      const before = reminders(KAM_E).length;
      await move('2027-04-20T02:00:00Z');
      expect(reminders(KAM_E)).toHaveLength(before);
      const card = await commandAnswer(h, KAM_E, '/account', 'ED01');
      expect(card).toContain('*應收餘額* ¥0');
    });
  },
);
