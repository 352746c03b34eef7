import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { customerCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo, openedView, settle } from '../support/visit-flow.ts';

/**
 * A trial: the PM declined a discount with one click and no reason, the salesperson learnt only that it
 * was declined, and the PM's request shrank to one line. A decline asks why; the reason reaches the
 * salesperson, the deal's history and the PM's card, which keeps what was asked.
 */
describe.each(PROVIDERS)('the PM declines a discount with a reason, on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const PM = 'U0PROJMGR1';
  const SELLER = 'U0SALES001';
  const asked = (percent: string) => `*周子豪* 申請折扣 ¥1,000（標價的 ${percent}%），超出權限。`;
  const ids: Record<string, number> = {};
  const stage = async (id: number) => (await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).stage;
  /** The PM's request for the deal, as posted (with its buttons). */
  const requestOf = (id: number): StoredMessage =>
    structuredClone(
      dmsTo(h, PM).find((m) => blocksText(m).includes('deal_discount_approve') && m.text.includes(`成交 #${id}*`))!,
    );
  /** The same message as it stands now, once the PM decided. */
  const liveCard = (request: StoredMessage) =>
    h.fake.state.messages.find((m) => m.channel === request.channel && m.ts === request.ts)!;
  const toSeller = (unit: string) => dmsTo(h, SELLER).filter((m) => m.text.includes(`房源 1棟 ${unit} 的折扣`));
  const privatelyTo = (user: string, since: number) =>
    h.fake.calls
      .slice(since)
      .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === user && c.response.ok === true)
      .map((c) => String(c.args.text));

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    for (const [i, unit] of ['0601', '0602', '0603', '0604'].entries()) {
      const card = await customerCardOf(h, SELLER, `1390000661${i}`, `客戶${unit}`);
      const row = await h.bot.db.unit.findFirstOrThrow({ where: { building: '1棟', number: unit } });
      const price = String(Number(row.listPriceCents) / 100 - 1000);
      ids[unit] = await reserve(h, SELLER, card, { building: '1棟', number: unit }, { price });
      expect(await stage(ids[unit])).toBe('awaiting_discount');
    }
  }, 90_000);
  afterAll(async () => h?.stop());

  it('不核准 asks why; the reason reaches the salesperson, the history and the PM’s card', async () => {
    const id = ids['0601'];
    const request = requestOf(id);
    const view = await openedView(h, () => h.driver.clickButton(PM, structuredClone(request), 'deal_discount_decline'));
    expect(await stage(id)).toBe('awaiting_discount');
    const empty = await h.driver.submitView(PM, view, { reason: '  ' });
    expect(empty.json?.errors).toEqual({ reason: '請寫明不核准的原因，業務員會收到。' });
    expect(await stage(id)).toBe('awaiting_discount');
    const answer = await h.driver.submitView(PM, view, { reason: '客戶預算不足，折扣超過本月額度' });
    expect(answer.json?.errors).toBeUndefined();
    await settle(h);
    expect(await stage(id)).toBe('declined');
    expect((await h.bot.db.unit.findFirstOrThrow({ where: { building: '1棟', number: '0601' } })).state).toBe(
      'available',
    );
    expect(toSeller('0601').map((m) => m.text)).toEqual([
      '房源 1棟 0601 的折扣 ¥1,000 未獲 王建國 核准，原因：客戶預算不足，折扣超過本月額度。認購取消，房源恢復可售。',
    ]);
    const history = answerText((await h.driver.command(SELLER, '/deal', `#${id}`)).json);
    expect(history).toContain('王建國: 待專案經理核准折扣 → 折扣未獲核准 (客戶預算不足，折扣超過本月額度)');
    // the PM's card: what was asked, then who declined it, when and why; no buttons left
    const card = liveCard(request).text;
    for (const part of [asked('0.04'), `*成交 #${id}* · 1棟 0601`, '標價 ¥2,630,000 · 折扣 ¥1,000 · 成交價 ¥2,629,000'])
      expect(card).toContain(part);
    expect(card).toContain('❌ 已由 王建國 於 2026-11-26 10:00 不核准折扣，原因：客戶預算不足，折扣超過本月額度');
    expect(blocksText(liveCard(request))).not.toMatch(/deal_discount_(approve|decline)/);
  });

  it('a double click opens two modals: declined once, the second told who did it; only the PM’s acts', async () => {
    const id = ids['0602'];
    const request = requestOf(id);
    const click = () => h.driver.clickButton(PM, structuredClone(request), 'deal_discount_decline');
    const [first, second] = [await openedView(h, click), await openedView(h, click)];
    // the modal submitted by anyone else (a forged submission) is refused as the button is
    const forged = await h.driver.submitView('U0DEPUTY01', first, { reason: '不行' });
    expect(forged.json?.errors).toEqual({ reason: '只有專案經理可以核准折扣。' });
    expect(await stage(id)).toBe('awaiting_discount');
    expect((await h.driver.submitView(PM, first, { reason: '價格已是底價' })).json?.errors).toBeUndefined();
    const again = await h.driver.submitView(PM, second, { reason: '價格已是底價' });
    expect(again.json?.errors).toEqual({ reason: '你已於 2026-11-26 10:00 處理過這件事，不需要再操作。' });
    await settle(h);
    expect(await h.bot.db.dealChange.count({ where: { dealId: id, toStage: 'declined' } })).toBe(1);
    expect(toSeller('0602')).toHaveLength(1);
  });

  it('a reply 不核准 alone is answered asking why; with a reason it declines; nobody else’s acts', async () => {
    const id = ids['0603'];
    const request = requestOf(id);
    let since = h.fake.calls.length;
    await h.driver.replyInThread(PM, request, '不核准');
    await expect
      .poll(() => privatelyTo(PM, since))
      .toEqual(['不核准請寫明原因：在此串回覆「不核准：原因」，或按「不核准」按鈕。']);
    since = h.fake.calls.length;
    await h.driver.replyInThread('U0DEPUTY01', request, '不核准：太多了');
    await expect.poll(() => privatelyTo('U0DEPUTY01', since)).toEqual(['只有專案經理可以核准折扣。']);
    expect(await stage(id)).toBe('awaiting_discount');
    await h.driver.replyInThread(PM, request, '不核准：客戶要求再降，無法再讓');
    await expect.poll(() => stage(id)).toBe('declined');
    await settle(h);
    expect(toSeller('0603').map((m) => m.text)).toEqual([
      '房源 1棟 0603 的折扣 ¥1,000 未獲 王建國 核准，原因：客戶要求再降，無法再讓。認購取消，房源恢復可售。',
    ]);
    const card = liveCard(request).text;
    expect(card).toContain(asked('0.03'));
    expect(card).toContain('❌ 已由 王建國 於 2026-11-26 10:00 不核准折扣，原因：客戶要求再降，無法再讓');
  });

  it('approved, the PM’s card keeps what was asked and says who approved it and when', async () => {
    const id = ids['0604'];
    const request = requestOf(id);
    await h.driver.clickButton(PM, structuredClone(request), 'deal_discount_approve');
    await expect.poll(() => stage(id)).toBe('reserved');
    await settle(h);
    const card = liveCard(request).text;
    for (const part of [asked('0.04'), `*成交 #${id}* · 1棟 0604`, '標價 ¥2,797,000 · 折扣 ¥1,000 · 成交價 ¥2,796,000'])
      expect(card).toContain(part);
    expect(card).toContain('✅ 已由 王建國 於 2026-11-26 10:00 核准折扣');
    expect(blocksText(liveCard(request))).not.toMatch(/deal_discount_(approve|decline)/);
  });
});
