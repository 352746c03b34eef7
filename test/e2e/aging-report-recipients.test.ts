import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { commandAnswer, insertApprovedOrder } from '../support/ledger-flow.ts';
import { blocksText, dmsTo, openedView, settle } from '../support/visit-flow.ts';

const CSR1 = 'U0CSREP001';
const SSG_CHANNEL = 'C0SSGDESK1';
const KAM_PENG = 'U0KEYACC01'; // owns ED01, under UM 唐文傑
const KAM_DONG = 'U0KEYACC02'; // owns ED03, under UM 韓雪
const UM_TANG = 'U0UNITMG01';
const UM_HAN = 'U0UNITMG02';
const MM_E = 'U0MKTMGR01';
const SLT_OWNER_E = 'U0DEPDIR01';
const TITLE = '華東應收帳齡週報';

describe.each(PROVIDERS)(
  'the Monday aging report shows each owner only what their account card shows, on %s',
  (provider) => {
    let h: Harness;
    const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 in Shanghai
    beforeAll(async () => {
      h = await startHarness({ provider, clock, orgFile: BRAND_ACCOUNTS_ORG });
      for (const [code, number] of [
        ['ED01', 'SO-900001'],
        ['ED03', 'SO-900002'],
      ]) {
        await insertApprovedOrder(h.bot.db, {
          accountCode: code,
          number,
          now: clock.now(),
          lines: [{ sku: 'MB-001', quantity: 10, priceCents: 100_00 }],
        });
        const form = await openedView(h, () => h.driver.command(CSR1, '/order', `ship ${number}`));
        const line = (form.view.blocks as { block_id: string }[]).find((b) => b.block_id.startsWith('ship_line_'))!;
        await h.driver.submitView(CSR1, form, { ship_date: '2026-11-26', ship_carrier: '順豐', [line.block_id]: '10' });
        await settle(h);
      }
      clock.set('2026-11-30T01:45:00Z'); // Monday 09:45 in Shanghai
      await h.bot.scheduler.tick();
      await h.flushOutbox();
    });
    afterAll(async () => h?.stop());

    const reportTo = (userId: string) => dmsTo(h, userId).find((m) => blocksText(m).includes(TITLE));

    it('gives the SSG channel, the MM and the SLT owner the whole market', async () => {
      const channel = h.fake.state.inChannel(SSG_CHANNEL).find((m) => blocksText(m).includes(TITLE))!;
      for (const text of [blocksText(channel), blocksText(reportTo(MM_E)), blocksText(reportTo(SLT_OWNER_E))]) {
        expect(text).toContain('滬東分銷（ED01）');
        expect(text).toContain('杭興貿易（ED03）');
        expect(text).not.toContain('只列你可查看的客戶');
      }
    });

    it("lists to a UM and a KAM only their own accounts, never another owner's, as the card does", async () => {
      for (const [who, mine, theirs] of [
        [KAM_PENG, 'ED01', 'ED03'],
        [UM_TANG, 'ED01', 'ED03'],
        [KAM_DONG, 'ED03', 'ED01'],
        [UM_HAN, 'ED03', 'ED01'],
      ]) {
        const text = blocksText(reportTo(who));
        expect(text, who).toContain(`（${mine}）`);
        expect(text, who).not.toContain(`（${theirs}）`);
        expect(text, who).toContain('（只列你可查看的客戶）');
        expect(await commandAnswer(h, who, '/account', theirs)).toContain(`找不到客戶「${theirs}」`);
        expect(await commandAnswer(h, who, '/account', mine)).toContain(`（${mine}）`);
      }
      expect(blocksText(reportTo(KAM_PENG))).toContain('*合計*：¥1,000｜¥0｜¥0｜¥0');
    });

    it("sends nothing to an owner none of whose accounts owes (華北's KAM)", () => {
      expect(reportTo('U0KEYACC03')).toBeUndefined();
    });
  },
);
