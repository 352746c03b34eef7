import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, dealCardOf, declineDiscount, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo, settle } from '../support/visit-flow.ts';

// a trial: a deal whose discount was declined still showed 定金 and 簽約期限, dues it will never have
describe.each(PROVIDERS.slice(0, 1))('an ended deal’s card and /deal on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const stage = async (id: number) => (await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).stage;
  const lookup = async (user: string, id: number) => answerText((await h.driver.command(user, '/deal', `#${id}`)).json);
  /** The summary of the card and of /deal: the lines before the money standing and the history. */
  const dues = /定金|簽約期限|Deposit|sign by/;

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  }, 60_000);
  afterAll(async () => h?.stop());

  it('says a declined deal ended because the PM declined its discount, with no deposit or sign-by', async () => {
    const card = await customerCardOf(h, 'U0SALES001', '13900002323', '白先生');
    const unit = await h.bot.db.unit.findFirstOrThrow({ where: { building: '1棟', number: '0302' } });
    const price = String(Number(unit.listPriceCents) / 100 - 1000);
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0302' }, { price });
    expect(blocksText(dealCardOf(h, 'U0SALES001', id))).toMatch(dues);
    const request = dmsTo(h, 'U0PROJMGR1')
      .filter((m) => blocksText(m).includes('deal_discount_decline'))
      .at(-1)!;
    expect(await declineDiscount(h, 'U0PROJMGR1', request, '本月折扣額度已用完')).toBeUndefined();
    await expect.poll(() => stage(id)).toBe('declined');
    await settle(h);
    const ended = '已結束：折扣 ¥1,000 未獲專案經理核准，認購取消';
    for (const shown of [blocksText(dealCardOf(h, 'U0SALES001', id)), await lookup('U0SALES001', id)]) {
      expect(shown).toContain(ended);
      expect(shown).not.toMatch(dues);
    }
    await h.driver.command('U0SALES001', '/org', 'lang en');
    const english = await lookup('U0SALES001', id);
    await h.driver.command('U0SALES001', '/org', 'lang zh-Hant');
    expect(english).toContain('Ended: the PM declined the discount of ¥1,000; the reservation is off');
    expect(english).not.toMatch(dues);
  });

  it('says a cancelled deal ended by 退訂 and why, with no sign-by', async () => {
    const card = await customerCardOf(h, 'U0SALES001', '13900002424', '石小姐');
    const id = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0303' });
    await actOnDeal(h, 'U0SALES001', 'U0SALES001', id, 'deal_cancel', { reason: '客戶改買別案' });
    const request = dmsTo(h, 'U0PROJMGR1')
      .filter((m) => blocksText(m).includes('deal_cancel_approve'))
      .at(-1)!;
    await h.driver.clickButton('U0PROJMGR1', request, 'deal_cancel_approve');
    await expect.poll(() => stage(id)).toBe('cancelled');
    await settle(h);
    for (const shown of [blocksText(dealCardOf(h, 'U0SALES001', id)), await lookup('U0TLEAD001', id)]) {
      expect(shown).toContain('已結束：已退訂，原因：客戶改買別案');
      expect(shown).not.toMatch(dues);
    }
  });

  it('/deal list puts the deals still worked before the ended ones', async () => {
    const card = await customerCardOf(h, 'U0SALES001', '13900002525', '范先生');
    const live = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0304' });
    await settle(h);
    const list = answerText((await h.driver.command('U0SALES001', '/deal', 'list')).json);
    const at = (id: number) => list.indexOf(`#${id}`);
    const ended = await h.bot.db.deal.findMany({ where: { stage: { in: ['declined', 'cancelled'] } } });
    expect(ended.length).toBeGreaterThan(0);
    expect(at(live)).toBeGreaterThan(-1);
    for (const deal of ended) expect(at(deal.id)).toBeGreaterThan(at(live));
  });
});
