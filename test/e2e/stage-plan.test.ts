import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, dmsTo, openedView, settle, waitFor } from '../support/visit-flow.ts';

const PM = 'U0PROJMGR1';
const DIRECTOR = 'U0SALDIR01';

const plan = (overrides: Record<string, string> = {}) => ({
  fromMonth: '2026-12',
  toMonth: '2027-01',
  goals: '兩個月簽約 60 套，回款 9,000 萬',
  market: '區域內三個競品同期開盤，價格戰明顯',
  pricing: '首付分期，老帶新送一年物業費',
  channels: '自然來訪為主，加大渠道分銷',
  schedule: '12 月加推 3 棟，1 月清尾盤',
  budget: '推廣費 120 萬',
  targets: '簽約套數 30',
  focusMain: '3 棟加推蓄客，認籌 200 組',
  focusSecondary1: '老帶新活動',
  focusSecondary2: '清理逾期尾款',
  ...overrides,
});

const status = async (h: Harness) => (await h.bot.db.salesPlan.findFirstOrThrow()).status;

describe.each(PROVIDERS)('a stage plan (階段銷售計劃) as a document on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 local
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  const card = (): StoredMessage =>
    h.fake.state.messages.find((m) => !m.threadTs && blocksText(m).includes('plan_actions'))!;

  it("is approved in a thread after a return and a new version, published, prefilling next month's focus", async () => {
    // only the PM writes one
    expect(answerText((await h.driver.command('U0SALES001', '/task', 'plan')).json)).toContain('只有案場的專案經理');
    const form = await openedView(h, () => h.driver.command(PM, '/task', 'plan'));
    expect(JSON.stringify(form.view)).toContain('"initial_value":"2026-12"');
    const bad = await h.driver.submitView(PM, form, plan({ goals: '', fromMonth: '2026-10', toMonth: '12月' }));
    expect(bad.json?.errors).toMatchObject({
      goals: expect.stringContaining('請填寫「銷售目標」'),
      toMonth: expect.stringContaining('請用 YYYY-MM'),
    });
    const past = await h.driver.submitView(PM, form, plan({ fromMonth: '2026-10' }));
    expect(past.json?.errors).toMatchObject({ fromMonth: expect.stringContaining('不能早於本月') });
    expect(await h.bot.db.salesPlan.count()).toBe(0);

    await h.driver.submitView(PM, form, plan());
    await h.driver.submitView(PM, form, plan()); // a retry submits nothing more
    await settle(h);
    expect(await h.bot.db.salesPlanVersion.count()).toBe(1);
    const first = card();
    const asFirstShown = structuredClone(first); // a client still showing the buttons
    expect(h.fake.state.groupMembers.get(first.channel)).toEqual([DIRECTOR, PM].sort());
    expect(blocksText(first)).toContain('2026-12～2027-01 階段銷售計劃（第 1 版・待審核）');
    expect(blocksText(first)).toContain('區域內三個競品同期開盤');

    // a salesperson may not decide; the sales director returns it with a reason
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES001', structuredClone(first), 'plan_approve');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有');
    const reason = await openedView(h, () => h.driver.clickButton(DIRECTOR, structuredClone(first), 'plan_return'));
    await h.driver.submitView(DIRECTOR, reason, { reason: '推廣費要拆到月' });
    await waitFor(async () => (await status(h)) === 'returned', 'the return');
    await settle(h);
    expect(dmsTo(h, PM).map((m) => m.text)).toContainEqual(expect.stringContaining('被 黃國強 退回：推廣費要拆到月'));

    // the author revises: a new version, on the same card, noted in its thread
    const revise = await openedView(h, () => h.driver.clickButton(PM, structuredClone(card()), 'plan_revise'));
    expect(JSON.stringify(revise.view)).toContain('兩個月簽約 60 套');
    await h.driver.submitView(PM, revise, plan({ budget: '推廣費 12 月 70 萬、1 月 50 萬' }));
    await waitFor(async () => (await h.bot.db.salesPlanVersion.count()) === 2, 'version 2');
    await settle(h);
    expect(blocksText(card())).toContain('第 2 版・待審核');
    expect(blocksText(card())).toContain('12 月 70 萬');

    // the author cannot approve their own; the director's 通過 in the thread approves and publishes
    await h.driver.replyInThread(PM, card(), '通過');
    await h.driver.replyInThread(DIRECTOR, card(), '通過');
    await waitFor(async () => (await status(h)) === 'approved', 'the approval');
    await settle(h);
    expect((await h.bot.db.salesPlan.findFirstOrThrow()).decidedBy).toBe(DIRECTOR);
    expect(blocksText(card())).toContain('第 2 版・已核准');
    expect(blocksText(card())).not.toContain('plan_approve');
    const thread = h.fake.state.messages.filter((m) => m.threadTs === card().ts).map((m) => m.text);
    expect(thread).toEqual(
      expect.arrayContaining([
        expect.stringContaining('退回第 1 版'),
        expect.stringContaining('提交了第 2 版'),
        expect.stringContaining('黃國強 已核准第 2 版'),
      ]),
    );
    for (const channel of ['C0PLANNING1', 'C0SITEOPS1']) {
      const posted = h.fake.state.inChannel(channel).map(blocksText);
      expect(posted.filter((t) => t.includes('2026-12～2027-01 階段銷售計劃（第 2 版）'))).toHaveLength(1);
    }
    expect(dmsTo(h, PM).map((m) => m.text)).toContainEqual(expect.stringContaining('已由 黃國強 核准並發布'));
    // a second approval acts once
    await h.driver.clickButton(DIRECTOR, asFirstShown, 'plan_approve');
    await settle(h);
    expect(await h.bot.db.auditEntry.count({ where: { action: 'plan.approve' } })).toBe(1);

    // next month's /focus opens with the plan's focus items
    const focus = await openedView(h, () => h.driver.command(PM, '/focus'));
    const shown = JSON.stringify(focus.view);
    expect(shown).toContain('2026-12');
    expect(shown).toContain('"initial_value":"3 棟加推蓄客，認籌 200 組"');
    expect(shown).toContain('"initial_value":"老帶新活動"');
    expect(shown).toContain('已由核准的 2026-12～2027-01 階段銷售計劃（第 2 版）預先填入');
    const january = await openedView(h, () => h.driver.command(PM, '/focus', '2027-02'));
    expect(JSON.stringify(january.view)).not.toContain('3 棟加推蓄客');
  });
});
