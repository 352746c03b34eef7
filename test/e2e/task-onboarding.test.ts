import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  openedView,
  settle,
  waitFor,
} from '../support/visit-flow.ts';

const ONBOARDING = `tasks:
  onboarding_days: 5
  onboarding:
    trainee: [認識項目與戶型, 銷講演練, 來訪登記表填寫]
`;
const NEWCOMER = '  - { slack: U0TRAIN002, name: 林新人, role: trainee, reports_to: [U0TLEAD002] }\n';

describe.each(PROVIDERS)('onboarding training created by /org reload on %s', (provider) => {
  let h: Harness;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'onboarding-')), 'org.yml');
  const base = readFileSync(PROPERTY_ORG, 'utf8');
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday
  beforeAll(async () => {
    writeFileSync(file, `${base}${ONBOARDING}`);
    copyUnitsBeside(file);
    h = await startHarness({ provider, clock, orgFile: file });
  });
  afterAll(async () => h?.stop());

  it('gives a trainee added to the chart the role’s training tasks, followed by lead and PM, on /org', async () => {
    // the trainee in the chart the first time it is read (蔡宗翰) is added to it too: onboarded at start
    const onboardingOf = (id: string) =>
      h.bot.db.task.findMany({
        where: { assignments: { some: { assigneeId: id } } },
        orderBy: { id: 'asc' },
        include: { assignments: true },
      });
    await waitFor(async () => (await onboardingOf('U0TRAIN001')).length === 3, 'the first trainee onboarded');
    writeFileSync(file, `${base}${NEWCOMER}${ONBOARDING}`);
    await h.driver.command('U0PROJMGR1', '/org', 'reload');
    await waitFor(async () => (await h.bot.db.task.count()) === 6, 'three onboarding tasks more');
    await settle(h);
    const tasks = await onboardingOf('U0TRAIN002');
    expect(tasks.map((t) => [t.title, t.kind, t.assignerId, t.dueDate, t.origin])).toEqual([
      ['上崗培訓：認識項目與戶型', 'training', 'U0TLEAD002', '2026-12-03', 'onboarding'],
      ['上崗培訓：銷講演練', 'training', 'U0TLEAD002', '2026-12-03', 'onboarding'],
      ['上崗培訓：來訪登記表填寫', 'training', 'U0TLEAD002', '2026-12-03', 'onboarding'],
    ]);
    expect(tasks.flatMap((t) => t.assignments.map((a) => a.assigneeId))).toEqual(Array(3).fill('U0TRAIN002'));
    expect(dmsTo(h, 'U0PROJMGR1').some((m) => m.text.includes('林新人 加入團隊，已建立 3 項上崗培訓，由 吳佳玲'))).toBe(
      true,
    );
    // the lead follows both trainees' three tasks, each on its own card
    expect(dmsTo(h, 'U0TLEAD002').filter((m) => blocksText(m).includes('task_progress'))).toHaveLength(6);

    const card = dmsTo(h, 'U0TRAIN002').find(
      (m) => blocksText(m).includes('銷講演練') && blocksText(m).includes('task_done'),
    )!;
    await h.driver.clickButton('U0TRAIN002', card, 'task_done');
    await waitFor(async () => (await h.bot.db.taskAssignment.count({ where: { status: 'done' } })) === 1, 'done');
    const record = answerText((await h.driver.command('U0TLEAD002', '/org', '<@U0TRAIN002|林新人>')).json);
    expect(record).toContain('培訓紀錄*（已完成 1/3）');
    expect(record).toContain('🔰 見習中：上崗培訓已完成 1/3');
    expect(record).toContain('✅ 上崗培訓：銷講演練｜2026-11-26 完成');
    expect(record).toContain('⏳ 上崗培訓：認識項目與戶型｜截止 2026-12-03');
    const refused = answerText((await h.driver.command('U0SALES001', '/org', '<@U0TRAIN002|林新人>')).json);
    expect(refused).not.toContain('培訓紀錄');

    // a second reload creates nothing more (its answer awaited: the reload has finished)
    const replies = () => h.fake.calls.filter((c) => c.method === 'response_url' && c.args.user === 'U0PROJMGR1');
    const before = replies().length;
    await h.driver.command('U0PROJMGR1', '/org', 'reload');
    await waitFor(() => replies().length > before, 'the second reload');
    await settle(h);
    expect(await h.bot.db.task.count()).toBe(6);
  });

  it("marks a trainee's registrations until onboarding is done; a session attended counts as done", async () => {
    // 林新人 has 1/3 of onboarding done: the registration's card marks them a trainee, a salesperson's not
    const filed = await fileVisitAs(h, 'U0TRAIN002', { phone: '13800138111' });
    const own = await h.bot.db.visit.findFirstOrThrow({ where: { filerId: 'U0TRAIN002' } });
    expect(filed.response.json?.errors).toBeUndefined();
    expect(blocksText(approvalMessageOf(h, own.number))).toContain('🔰 見習：林新人 的上崗培訓尚未全部完成');
    await fileVisitAs(h, 'U0SALES003', { phone: '13800138222' });
    const other = await h.bot.db.visit.findFirstOrThrow({ where: { filerId: 'U0SALES003' } });
    expect(blocksText(approvalMessageOf(h, other.number))).not.toContain('🔰');

    // the team lead holds a session naming the two open items; 林新人 attends, 蔡宗翰 does not
    const form = await openedView(h, () => h.driver.command('U0TLEAD002', '/task'));
    await h.driver.submitView('U0TLEAD002', form, {
      title: '新人培訓：認識項目與戶型＋來訪登記表填寫',
      kind: 'training',
      assignee: 'U0TLEAD002',
      scope: 'team',
      dueDate: '2026-11-30',
      description: '會議室 A',
      checklist: '',
    });
    await settle(h);
    const session = await h.bot.db.task.findFirstOrThrow({ where: { origin: '', kind: 'training' } });
    const card = [...dmsTo(h, 'U0TLEAD002')].reverse().find((m) => blocksText(m).includes('task_attendance_open'))!;
    const sheet = await openedView(h, () => h.driver.clickButton('U0TLEAD002', card, 'task_attendance_open'));
    const rows = await h.bot.db.taskAssignment.findMany({ where: { taskId: session.id } });
    const of = (id: string) => rows.find((a) => a.assigneeId === id)!.id;
    await h.driver.submitView('U0TLEAD002', sheet, {
      [`att:${of('U0TRAIN002')}`]: 'present',
      [`att:${of('U0TRAIN001')}`]: 'absent',
    });
    const onboardingDone = () =>
      h.bot.db.taskAssignment.count({
        where: { assigneeId: 'U0TRAIN002', status: 'done', task: { origin: 'onboarding' } },
      });
    await waitFor(async () => (await onboardingDone()) === 3, 'the session counted on the onboarding');
    await settle(h);
    const record = answerText((await h.driver.command('U0TLEAD002', '/org', '<@U0TRAIN002|林新人>')).json);
    expect(record).toContain('✅ 上崗培訓：認識項目與戶型｜2026-11-26 完成');
    expect(record).not.toContain('🔰 見習中');
    const threads = h.fake.state.messages.filter((m) => m.threadTs).map((m) => m.text);
    expect(threads).toContainEqual(
      expect.stringContaining('林新人 出席了培訓「新人培訓：認識項目與戶型＋來訪登記表填寫」'),
    );
    // the absent one's record is unchanged: nothing of theirs was counted
    expect(await h.bot.db.taskAssignment.count({ where: { assigneeId: 'U0TRAIN001', status: 'done' } })).toBe(0);

    // onboarding done: their next registration is not marked
    await fileVisitAs(h, 'U0TRAIN002', { phone: '13800138333' });
    const next = await h.bot.db.visit.findFirstOrThrow({ where: { filerId: 'U0TRAIN002' }, orderBy: { id: 'desc' } });
    expect(next.filedAsTrainee).toBe(false);
    expect(blocksText(approvalMessageOf(h, next.number))).not.toContain('🔰');
  });
});
