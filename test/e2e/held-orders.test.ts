import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClock } from '../../src/jobs/advance-clock.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { blocksText, dmsTo, settle, waitFor } from '../support/visit-flow.ts';
import { placeOrderAs, SSG_CHANNEL } from '../support/order-flow.ts';

const LEADER = 'U0SSGLEAD1';
const KAM = 'U0KEYACC01'; // 彭麗: ED01, ED02, ED05
const OTHER_KAM = 'U0KEYACC02';
const DIRECTOR = 'U0SALDIR02';

/** The App Home last published for someone, as text. */
const homeOf = (h: Harness, userId: string) =>
  JSON.stringify(
    h.fake
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === userId)
      .at(-1)?.args.view ?? null,
  );

describe.each(PROVIDERS)('held orders wait on their approver’s Home and remind them, on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 in Shanghai
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ACCOUNTS_ORG });
  });
  afterAll(async () => h?.stop());

  const openHome = async (userId: string) => {
    const before = h.fake.callsTo('views.publish').length;
    await h.driver.event({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home' });
    await expect
      .poll(() =>
        h.fake
          .callsTo('views.publish')
          .slice(before)
          .some((c) => c.args.user_id === userId),
      )
      .toBe(true);
    return homeOf(h, userId);
  };
  const move = async (to: string) => {
    const result = await advanceClock({ scheduler: h.bot.scheduler, clock, to: new Date(to), maxStops: 500 });
    await h.flushOutbox();
    expect(result.failed).toEqual([]);
  };
  const reminders = (userId: string) => dmsTo(h, userId).filter((m) => m.text.includes('等你審核額度已超過一天'));
  const deskCard = (number: string) =>
    h.fake.state.messages.find((m) => m.channel === SSG_CHANNEL && !m.threadTs && blocksText(m).includes(number))!;

  it('shows a held order on the SSG leader’s Home, not on anyone else’s', async () => {
    const order = await placeOrderAs(h, KAM, { account: 'ED05', lines: 'GFT007 50' }); // unrated
    expect(order).toMatchObject({ state: 'pending_credit', approvalStep: 'ssg_leader' });
    const home = await openHome(LEADER);
    expect(home).toContain(`訂單 ${order.number}`);
    expect(home).toContain('待額度審核：尚未評級／未設信用額度');
    expect(await openHome(DIRECTOR)).not.toContain(order.number);
    expect(await openHome(KAM)).not.toContain('待額度審核');
  });

  it('reminds the approver once a day once the order has waited over a day', async () => {
    await move('2026-11-27T02:00:00Z'); // the first morning: not a day yet
    expect(reminders(LEADER)).toHaveLength(0);
    await move('2026-11-28T02:00:00Z');
    expect(reminders(LEADER)).toHaveLength(1);
    expect(reminders(LEADER)[0].text).toContain('SO-000001');
    await move('2026-11-29T02:00:00Z');
    expect(reminders(LEADER)).toHaveLength(2);
    expect(reminders(DIRECTOR)).toHaveLength(0);
  });

  it('a 通過 from someone who may not approve is answered privately; the next step moves to the director', async () => {
    const card = deskCard('SO-000001');
    const before = h.fake.calls.length;
    await h.driver.replyInThread(OTHER_KAM, card, '通過');
    const refusalOf = () =>
      h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral' && c.args.user === OTHER_KAM);
    await expect.poll(() => String(refusalOf()?.args.text)).toContain('你不能核准或拒絕');
    await settle(h);
    const since = h.fake.calls.slice(before);
    expect(
      since.filter((c) => c.method === 'chat.postMessage' && String(c.args.text ?? '').includes('你不能核准')),
    ).toEqual([]);
    const shownToAll = h.fake.state.messages.filter((m) => m.threadTs === card.ts && !m.onlyFor).map((m) => m.text);
    expect(shownToAll).not.toContainEqual(expect.stringContaining('你不能核准'));
    await h.driver.replyInThread(LEADER, card, '通過');
    const step = async () => (await h.bot.db.order.findFirstOrThrow({ where: { number: 'SO-000001' } })).approvalStep;
    await waitFor(async () => (await step()) === 'sales_director', 'the approval by reply');
    await h.flushOutbox();
    expect(await openHome(LEADER)).not.toContain('SO-000001');
    expect(await openHome(DIRECTOR)).toContain('訂單 SO-000001');
  });

  it("the director's 通過 under his reminder DM is answered with where to approve, and approves nothing", async () => {
    await move('2026-12-01T02:00:00Z'); // SO-000001 has waited for him over a day
    const [reminder] = reminders(DIRECTOR);
    expect(reminder.text).toContain('SO-000001');
    const before = h.fake.calls.length;
    await h.driver.replyInThread(DIRECTOR, reminder, '通過');
    const answer = () =>
      h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral' && c.args.user === DIRECTOR);
    await expect.poll(() => String(answer()?.args.text)).toContain('這則訊息不是審核卡');
    expect(String(answer()?.args.text)).toContain('請在審核卡上按「核准」');
    expect(answer()?.args.thread_ts).toBe(reminder.ts);
    await settle(h);
    const order = await h.bot.db.order.findFirstOrThrow({ where: { number: 'SO-000001' } });
    expect(order).toMatchObject({ state: 'pending_credit', approvalStep: 'sales_director' });
    // a reply that is no 通過 there stays a conversation: no answer
    const chat = h.fake.calls.length;
    await h.driver.replyInThread(DIRECTOR, reminder, '好的，我下午看');
    await settle(h);
    expect(h.fake.calls.slice(chat).filter((c) => c.method === 'chat.postEphemeral')).toEqual([]);
  });
});
