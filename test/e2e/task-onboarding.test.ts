import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';
import { blocksText, dmsTo, settle, waitFor } from '../support/visit-flow.ts';

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
    // the trainees already in the chart at start get nothing: only a person added later is onboarded
    expect(await h.bot.db.task.count()).toBe(0);
    writeFileSync(file, `${base}${NEWCOMER}${ONBOARDING}`);
    await h.driver.command('U0PROJMGR1', '/org', 'reload');
    await waitFor(async () => (await h.bot.db.task.count()) === 3, 'three onboarding tasks');
    await settle(h);
    const tasks = await h.bot.db.task.findMany({ orderBy: { id: 'asc' }, include: { assignments: true } });
    expect(tasks.map((t) => [t.title, t.kind, t.assignerId, t.dueDate, t.origin])).toEqual([
      ['上崗培訓：認識項目與戶型', 'training', 'U0TLEAD002', '2026-12-03', 'onboarding'],
      ['上崗培訓：銷講演練', 'training', 'U0TLEAD002', '2026-12-03', 'onboarding'],
      ['上崗培訓：來訪登記表填寫', 'training', 'U0TLEAD002', '2026-12-03', 'onboarding'],
    ]);
    expect(tasks.flatMap((t) => t.assignments.map((a) => a.assigneeId))).toEqual(Array(3).fill('U0TRAIN002'));
    expect(dmsTo(h, 'U0PROJMGR1').some((m) => m.text.includes('林新人 加入團隊，已建立 3 項上崗培訓，由 吳佳玲'))).toBe(
      true,
    );
    expect(dmsTo(h, 'U0TLEAD002').filter((m) => blocksText(m).includes('task_progress'))).toHaveLength(3);

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
    expect(await h.bot.db.task.count()).toBe(3);
  });
});
