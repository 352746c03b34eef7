import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, openedView, settle } from '../support/visit-flow.ts';

const DEPUTY = 'U0DEPDIR01';
const DIRECTOR = 'U0SALDIR02';

// The month's work focus drafted by the deputy waits for the GM or the sales director in the leadership's
// group DM: a reply 通過 under its card approves it as the button does (threadApprovals), and says so.
describe(`the work focus approved by a reply 通過 under its draft card (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  const ephemeralsTo = (userId: string, since: number) =>
    h.fake.calls
      .slice(since)
      .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === userId)
      .map((c) => String(c.args.text));

  it("takes the director's 通過, refuses the drafter's, and tells a second 通過 it is done", async () => {
    const view = await openedView(h, () => h.driver.command(DEPUTY, '/focus'));
    await h.driver.submitView(DEPUTY, view, { main: '華東新品鋪貨', secondary1: '回款', secondary2: '培訓' });
    await h.flushOutbox();
    const draft = h.fake.state.messages.find((m) => blocksText(m).includes('focus_approve'))!;
    expect(h.fake.state.groupMembers.get(draft.channel)).toContain(DIRECTOR);
    let before = h.fake.calls.length;
    await h.driver.replyInThread(DEPUTY, draft, '通過');
    await expect.poll(() => ephemeralsTo(DEPUTY, before)[0]).toContain('只有總經理或銷售總監');
    expect((await h.bot.db.focusPlan.findFirstOrThrow()).status).toBe('draft');
    await h.driver.replyInThread(DIRECTOR, draft, '通過');
    await expect.poll(async () => (await h.bot.db.focusPlan.findFirstOrThrow()).status).toBe('approved');
    expect((await h.bot.db.focusPlan.findFirstOrThrow()).approvedBy).toBe(DIRECTOR);
    await h.flushOutbox();
    expect(blocksText(h.fake.state.find(draft.channel, draft.ts))).toContain('將於 2026-12-07 09:00 發佈');
    before = h.fake.calls.length;
    await h.driver.replyInThread(DIRECTOR, draft, '通過');
    await settle(h);
    await expect.poll(() => ephemeralsTo(DIRECTOR, before)[0]).toMatch(/^你已於 \S+ \S+ 處理過這件事/);
  });
});
