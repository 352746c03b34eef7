import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, dmsTo, openedView, settle, waitFor } from '../support/visit-flow.ts';

const taskValues = (overrides: Record<string, string> = {}) => ({
  title: '本週帶看話術演練',
  kind: 'instruction',
  assignee: 'U0SALES001',
  scope: 'person',
  dueDate: '2026-11-30',
  description: '每人錄一段三分鐘的帶看話術',
  checklist: '- 錄音\n- 交給組長',
  ...overrides,
});

async function assignTaskAs(h: Harness, userId: string, overrides: Record<string, string> = {}) {
  const view = await openedView(h, () => h.driver.command(userId, '/task'));
  const response = await h.driver.submitView(userId, view, taskValues(overrides));
  await settle(h);
  return { view, response };
}

/** The newest card of a task in someone's DM: the one with its buttons (assignee) or its progress (assigner). */
const taskCardIn = (h: Harness, userId: string, title: string): StoredMessage =>
  [...dmsTo(h, userId)].reverse().find((m) => !m.threadTs && blocksText(m).includes(title))!;

describe.each(PROVIDERS)('tasks handed down the chain on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 local
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it('offers as assignees only the assigner and those below them, never their superiors', async () => {
    const view = await openedView(h, () => h.driver.command('U0TLEAD001', '/task'));
    const block = (view.view.blocks as { block_id?: string; element?: { options?: { value: string }[] } }[]).find(
      (b) => b.block_id === 'assignee',
    );
    const offered = (block?.element?.options ?? []).map((o) => o.value);
    expect(offered.slice(0, 2)).toEqual(['U0TLEAD001', 'U0SALES001']);
    for (const outside of ['U0PROJMGR1', 'U0SALES003']) expect(offered).not.toContain(outside);
  });

  it('refuses a task outside the chain clearly, storing nothing, and /task to one with no reports', async () => {
    const { response } = await assignTaskAs(h, 'U0TLEAD001', { assignee: 'U0SALES003' });
    expect((response.json!.errors as Record<string, string>).assignee).toContain('許家銘 不在你的下屬之中');
    const self = await assignTaskAs(h, 'U0TLEAD001', { assignee: 'U0TLEAD001' });
    expect((self.response.json!.errors as Record<string, string>).assignee).toContain('不能選你自己');
    const past = await assignTaskAs(h, 'U0TLEAD001', { dueDate: '2026-11-20', title: '' });
    expect(past.response.json?.errors).toMatchObject({ dueDate: expect.stringContaining('不能早於今天') });
    expect(await h.bot.db.task.count()).toBe(0);
    const refused = await h.driver.command('U0SALES001', '/task');
    expect(answerText(refused.json)).toContain('沒有直屬下屬');
  });

  it('sends a task to one person with Done, Comment and Can\'t-do; the assigner sees "1/1 完成" in place', async () => {
    const { response, view } = await assignTaskAs(h, 'U0PROJMGR1');
    expect(response.json?.errors).toBeUndefined();
    // the same submission again (a retry) assigns nothing more
    await h.driver.submitView('U0PROJMGR1', view, taskValues());
    await settle(h);
    expect(await h.bot.db.task.count()).toBe(1);
    const card = taskCardIn(h, 'U0SALES001', '本週帶看話術演練');
    const asShown = structuredClone(card); // a client still showing the buttons after Done
    expect(blocksText(card)).toContain('task_done');
    expect(blocksText(card)).toContain('☐ 錄音');
    const assigner = () => taskCardIn(h, 'U0PROJMGR1', '本週帶看話術演練');
    expect(blocksText(assigner())).toContain('0/1 完成');

    const commentView = await openedView(h, () => h.driver.clickButton('U0SALES001', card, 'task_comment_open'));
    await h.driver.submitView('U0SALES001', commentView, { comment: '週六前交' });
    // someone else's click is refused privately and changes nothing
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES002', structuredClone(card), 'task_done');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有被交辦的人');
    await h.driver.clickButton('U0SALES001', card, 'task_done');
    await waitFor(
      async () => (await h.bot.db.taskAssignment.findFirst({ where: { status: 'done' } })) !== null,
      'done',
    );
    await settle(h);
    expect(blocksText(assigner())).toContain('1/1 完成');
    expect(blocksText(taskCardIn(h, 'U0SALES001', '本週帶看話術演練'))).not.toContain('task_done');
    // Done ticks the checklist on both cards
    expect(blocksText(taskCardIn(h, 'U0SALES001', '本週帶看話術演練'))).toContain('☑ 錄音');
    expect(blocksText(assigner())).toContain('☑ 交給組長');
    expect(blocksText(assigner())).not.toContain('☐');
    const thread = h.fake.state.messages.filter((m) => m.threadTs === assigner().ts).map((m) => m.text);
    expect(thread).toEqual([
      expect.stringContaining('已交辦「本週帶看話術演練」給 1 人'),
      expect.stringContaining('周子豪：週六前交'),
      expect.stringContaining('周子豪 已完成'),
    ]);
    // a second click on the old card acts once
    await h.driver.clickButton('U0SALES001', asShown, 'task_done');
    await settle(h);
    expect(await h.bot.db.auditEntry.count({ where: { action: 'task.done' } })).toBe(1);
  });

  it("tracks each person of a team separately: one done, one can't do with a reason", async () => {
    await assignTaskAs(h, 'U0PROJMGR1', { title: '週末派單', assignee: 'U0TLEAD001', scope: 'team' });
    const assignments = await h.bot.db.taskAssignment.findMany({ where: { task: { title: '週末派單' } } });
    expect(assignments.map((a) => a.assigneeId).sort()).toEqual(['U0SALES001', 'U0SALES002']);
    const assigner = () => taskCardIn(h, 'U0PROJMGR1', '週末派單');
    expect(blocksText(assigner())).toContain('0/2 完成');
    expect(blocksText(assigner())).toContain('劉大偉（此人的團隊（直屬下屬））');
    await h.driver.clickButton('U0SALES002', taskCardIn(h, 'U0SALES002', '週末派單'), 'task_done');
    const reasonView = await openedView(h, () =>
      h.driver.clickButton('U0SALES001', taskCardIn(h, 'U0SALES001', '週末派單'), 'task_cannot_open'),
    );
    const empty = await h.driver.submitView('U0SALES001', reasonView, { reason: '' });
    expect((empty.json!.errors as Record<string, string>).reason).toContain('請填寫');
    await h.driver.submitView('U0SALES001', reasonView, { reason: '週末請假' });
    await waitFor(
      async () =>
        (await h.bot.db.taskAssignment.count({ where: { status: { not: 'open' }, task: { title: '週末派單' } } })) ===
        2,
      'both answers',
    );
    await settle(h);
    expect(blocksText(assigner())).toContain('1/2 完成，1 人無法完成');
    expect(blocksText(assigner())).toContain('無法完成*：周子豪');
    const thread = h.fake.state.messages.filter((m) => m.threadTs === assigner().ts).map((m) => m.text);
    expect(thread.at(-1)).toContain('周子豪 無法完成：週末請假');
    const list = answerText((await h.driver.command('U0PROJMGR1', '/task', 'list')).json);
    expect(list).toContain('週末派單｜截止 2026-11-30｜1/2 完成');
    const mine = answerText((await h.driver.command('U0SALES002', '/task', 'list')).json);
    expect(mine).toContain('週末派單｜截止 2026-11-30｜已完成');
    await h.driver.event({ type: 'app_home_opened', user: 'U0PROJMGR1', channel: 'D0PROJMGR1', tab: 'home' });
    const home = () =>
      h.fake
        .callsTo('views.publish')
        .filter((c) => c.args.user_id === 'U0PROJMGR1')
        .map((c) => JSON.stringify(c.args.view))
        .at(-1) ?? '';
    await expect.poll(home).toContain('我交辦的');
    expect(home()).toContain('週末派單｜截止 2026-11-30｜1/2 完成');
  });

  it('starts the form on the next working day: a Saturday or Sunday is never the default due date', async () => {
    const dueOf = (view: { view: unknown }) => JSON.stringify(view.view).match(/"initial_date":"([\d-]+)"/)?.[1];
    const thursday = await openedView(h, () => h.driver.command('U0PROJMGR1', '/task'));
    expect(dueOf(thursday)).toBe('2026-11-27');
    clock.set('2026-11-27T02:00:00Z'); // Friday: the next working day is Monday
    const friday = await openedView(h, () => h.driver.command('U0PROJMGR1', '/task'));
    expect(dueOf(friday)).toBe('2026-11-30');
    clock.set('2026-11-28T02:00:00Z'); // Saturday
    const saturday = await openedView(h, () => h.driver.command('U0PROJMGR1', '/task'));
    expect(dueOf(saturday)).toBe('2026-11-30');
    clock.set('2026-11-26T02:00:00Z');
  });

  it("records a training session's attendance and marks (the assigner), shown on /org @someone", async () => {
    await assignTaskAs(h, 'U0TLEAD001', {
      title: '銷講培訓第一場',
      kind: 'training',
      assignee: 'U0TLEAD001',
      scope: 'team',
      checklist: '',
    });
    const card = taskCardIn(h, 'U0TLEAD001', '銷講培訓第一場');
    expect(blocksText(card)).toContain('task_attendance_open');
    // an assignee may not record it
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES001', structuredClone(card), 'task_attendance_open');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有交辦這場培訓的人');
    const sheet = await openedView(h, () => h.driver.clickButton('U0TLEAD001', card, 'task_attendance_open'));
    const task = await h.bot.db.task.findFirstOrThrow({ where: { title: '銷講培訓第一場' } });
    const rows = await h.bot.db.taskAssignment.findMany({ where: { taskId: task.id }, orderBy: { assigneeId: 'asc' } });
    const [first, second] = rows.map((a) => a.id);
    const none = await h.driver.submitView('U0TLEAD001', sheet, {});
    expect(JSON.stringify(none.json?.errors)).toContain('請至少為一人選擇出席或缺席');
    await h.driver.submitView('U0TLEAD001', sheet, {
      [`att:${first}`]: 'present',
      [`mark:${first}`]: '88 分，話術熟練',
      [`att:${second}`]: 'absent',
    });
    await waitFor(
      async () =>
        (await h.bot.db.taskAssignment.count({ where: { taskId: task.id, attendance: { not: null } } })) === 2,
      'the attendance',
    );
    await settle(h);
    expect(blocksText(taskCardIn(h, 'U0TLEAD001', '銷講培訓第一場'))).toContain('出席 1/2');
    const record = answerText((await h.driver.command('U0TLEAD001', '/org', '<@U0SALES001|周子豪>')).json);
    expect(record).toContain('銷講培訓第一場｜截止 2026-11-30｜出席｜成績：88 分，話術熟練');
    const absent = answerText((await h.driver.command('U0PROJMGR1', '/org', '<@U0SALES002|鄭欣怡>')).json);
    expect(absent).toContain('銷講培訓第一場｜截止 2026-11-30｜缺席');
  });

  it('keeps mentions typed into a task from pinging anyone on the cards', async () => {
    await assignTaskAs(h, 'U0TLEAD001', {
      title: '<!channel> 緊急演練',
      description: '請 <@U0SALES002> 協助 <!here>',
      checklist: '- <!everyone> 集合',
    });
    await settle(h);
    const card = blocksText(taskCardIn(h, 'U0SALES001', '緊急演練'));
    expect(taskCardIn(h, 'U0SALES001', '緊急演練').text).toContain('&lt;!channel&gt;'); // the notification text
    expect(card).toContain('&lt;@U0SALES002&gt;');
    const mrkdwn = JSON.stringify(
      JSON.parse(card.slice(0, card.lastIndexOf(']') + 1)).filter((b: any) => b.type !== 'header'),
    );
    expect(mrkdwn).not.toMatch(/<!(channel|here|everyone)>|<@U0SALES002>/);
    expect(taskCardIn(h, 'U0SALES001', '緊急演練').text).not.toMatch(/<!channel>/);
  });
});
