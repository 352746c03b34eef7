import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { dmsTo, openedView, settle } from '../support/visit-flow.ts';

const CSR = 'U0CSREP002'; // 高婉清: NE, N, NW, C
const KAM = 'U0KEYACC03'; // 袁芳, who owns ND01 京北分銷 (華北)

const shown = (m: { blocks?: unknown[] } | undefined) =>
  ((m?.blocks ?? []) as { text?: { text: string } }[]).map((b) => b.text?.text ?? '').join('\n');

// A stock-out recorded with /order need puts its account on the CSR's next phone list (補貨 → 電話拜訪).
describe.each(PROVIDERS)('a replenishment need on the phone list on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-29T02:00:00Z')); // Sunday 10:00 local
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG, clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("refuses another market's account as a need, not as an order", async () => {
    const refused = await h.driver.command('U0KEYACC01', '/order', 'need ND01 TEA001');
    expect(answerText(refused.json!)).toBe('找不到客戶「ND01」，或你無權為此客戶登記補貨需求');
  });

  it('lists the account with its need on Monday', async () => {
    await h.driver.command(KAM, '/order', 'need ND01 TEA001 急 店內斷貨');
    await h.flushOutbox();
    expect(await h.bot.db.replenishmentNeed.count({ where: { state: 'open' } })).toBe(1);
    clock.set('2026-11-30T01:30:00Z'); // Monday 09:30
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const list = dmsTo(h, CSR).find((m) => m.text.startsWith('本週電話拜訪清單'));
    expect(shown(list)).toMatch(/\*ND01 京北分銷\*（經銷商・華北）\n[^\n]*有補貨需求/);
    const account = await h.bot.db.account.findFirstOrThrow({ where: { code: 'ND01' } });
    const call = await h.bot.db.phoneCall.findFirstOrThrow({ where: { accountId: account.id } });
    expect(call.reasons.split(',')).toContain('replenishment');
  });

  it('records a need noted on a call when it starts with a SKU, for the SSG to act on', async () => {
    const list = dmsTo(h, CSR).find((m) => m.text.startsWith('本週電話拜訪清單'))!;
    const block = (list.blocks as { block_id?: string; text?: { text: string } }[]).find((b) =>
      b.text?.text.startsWith('*ND01 '),
    );
    const callId = Number(block?.block_id?.replace('phone_call_', ''));
    const click = { value: String(callId), blockId: `phone_call_${callId}` };
    const view = await openedView(h, () =>
      h.driver.interaction(h.driver.clickButtonPayload(CSR, list, 'phone_call_log', click)),
    );
    await h.driver.submitView(CSR, view, { outcome: 'reached', replenishment: 'JUC001 橙汁缺貨' });
    await settle(h);
    expect(dmsTo(h, CSR).at(-1)?.text).toBe(
      '已記錄 ND01 京北分銷 的電話拜訪：接通。補貨需求已記錄，送 SSG 處理（/order needs）。',
    );
    const needs = await h.bot.db.replenishmentNeed.findMany({ where: { state: 'open', sku: 'JUC001' } });
    expect(needs).toHaveLength(1);
    expect(needs[0]).toMatchObject({ reportedById: CSR, note: '橙汁缺貨' });
  });
});
