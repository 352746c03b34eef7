import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { customerCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo, waitFor } from '../support/visit-flow.ts';

// a trial: a click on 核准折扣 by someone who may not use it was answered nowhere (the request is in the PM's DM)
describe.each(PROVIDERS.slice(0, 1))(
  'a refused click on a deal button is answered to the clicker on %s',
  (provider) => {
    let h: Harness;
    let dealId: number;
    let request: StoredMessage;
    const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
    const stage = async () => (await h.bot.db.deal.findUniqueOrThrow({ where: { id: dealId } })).stage;

    /** What reached the clicker privately since `before`: only what Slack delivered. */
    const answersTo = (user: string, before: number) =>
      h.fake.calls
        .slice(before)
        .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === user && c.response.ok === true)
        .map((c) => ({ channel: String(c.args.channel), text: String(c.args.text) }));

    beforeAll(async () => {
      h = await startHarness({ provider, clock });
      const card = await customerCardOf(h, 'U0SALES001', '13900002121', '邱先生');
      const unit = await h.bot.db.unit.findFirstOrThrow({ where: { building: '1棟', number: '0302' } });
      const price = String(Number(unit.listPriceCents) / 100 - 1000);
      dealId = await reserve(h, 'U0SALES001', card, { building: '1棟', number: '0302' }, { price });
      request = structuredClone(
        dmsTo(h, 'U0PROJMGR1')
          .filter((m) => blocksText(m).includes('deal_discount_approve'))
          .at(-1)!,
      );
    }, 60_000);
    afterAll(async () => h?.stop());

    it('tells the owner, in their DM, that only the PM approves; the deal still waits', async () => {
      for (const button of ['deal_discount_approve', 'deal_discount_decline']) {
        const before = h.fake.calls.length;
        await h.driver.clickButton('U0SALES001', request, button);
        await waitFor(() => answersTo('U0SALES001', before).length > 0, `${button} answered`);
        expect(answersTo('U0SALES001', before)).toEqual([
          { channel: 'D0SALES001', text: '只有專案經理可以核准折扣。' },
        ]);
        expect(await stage()).toBe('awaiting_discount');
      }
    });

    it('answers the deputy in English when that is their language', async () => {
      await h.driver.command('U0DEPUTY01', '/org', 'lang en');
      const before = h.fake.calls.length;
      await h.driver.clickButton('U0DEPUTY01', request, 'deal_discount_approve');
      await waitFor(() => answersTo('U0DEPUTY01', before).length > 0, 'the deputy answered');
      expect(answersTo('U0DEPUTY01', before)).toEqual([
        { channel: 'D0DEPUTY01', text: 'Only the project manager approves discounts.' },
      ]);
      expect(await stage()).toBe('awaiting_discount');
    });

    it('answers a forged value plainly: a made-up deal is only the PM’s still, a non-id a stale button', async () => {
      /** The request's own click, its value and its button's id rewritten: what a forger would send. */
      const forged = (value: string, button: string) => {
        const payload = h.driver.clickButtonPayload('U0SALES001', request, 'deal_discount_approve');
        const [action] = payload.actions as { value?: string; action_id: string }[];
        Object.assign(action, { value, action_id: button });
        return payload;
      };
      for (const [value, button, text] of [
        ['99999', 'deal_discount_approve', '只有專案經理可以核准折扣。'],
        ['99999', 'deal_cancel_approve', '只有專案經理可以核准退訂。'],
        ['abc', 'deal_pay', '這個按鈕已不再使用：這則訊息已經變更，請以最新的訊息為準。'],
        ['1e3', 'deal_sign', '這個按鈕已不再使用：這則訊息已經變更，請以最新的訊息為準。'],
      ] as const) {
        const payload = forged(value, button);
        const before = h.fake.calls.length;
        await h.driver.interaction(payload);
        await waitFor(() => answersTo('U0SALES001', before).length > 0, `${button} with ${value} answered`);
        expect(answersTo('U0SALES001', before), `${button} with ${value}`).toEqual([{ channel: 'D0SALES001', text }]);
      }
      expect(await stage()).toBe('awaiting_discount');
    });

    it('answers a click that names no conversation (App Home, a modal) in the clicker’s DM', async () => {
      const payload = h.driver.clickButtonPayload('U0TLEAD001', request, 'deal_discount_approve') as Record<
        string,
        unknown
      >;
      delete payload.channel;
      delete payload.message;
      payload.container = { type: 'view', view_id: 'V0HOME0001' };
      const before = h.fake.calls.length;
      await h.driver.interaction(payload);
      await waitFor(() => answersTo('U0TLEAD001', before).length > 0, 'the lead answered');
      expect(answersTo('U0TLEAD001', before)).toEqual([{ channel: 'D0TLEAD001', text: '只有專案經理可以核准折扣。' }]);
      expect(await stage()).toBe('awaiting_discount');
    });
  },
);
