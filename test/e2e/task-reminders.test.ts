import { copyFileSync, appendFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClock } from '../../src/jobs/advance-clock.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { PROPERTY_ORG, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';
import { blocksText, dmsTo, openedView, settle } from '../support/visit-flow.ts';

/** The site's chart with the escalation moved to three working days after the due date. */
function orgFileEscalatingAfter(days: number): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tasks-org-')), 'org.yml');
  copyFileSync(PROPERTY_ORG, file);
  appendFileSync(file, `tasks:\n  escalate_after_days: ${days}\n`);
  return copyUnitsBeside(file);
}

describe.each(PROVIDERS)('task reminders, overdue and escalation with the clock moved, on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 local
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: orgFileEscalatingAfter(3) });
  });
  afterAll(async () => h?.stop());
  const move = async (to: string) => {
    const result = await advanceClock({ scheduler: h.bot.scheduler, clock, to: new Date(to) });
    await h.flushOutbox();
    return result;
  };
  const threadOf = (userId: string, title: string) => {
    const card = dmsTo(h, userId).find(
      (m) => blocksText(m).includes('task_progress') && blocksText(m).includes(title),
    )!;
    return h.fake.state.messages.filter((m) => m.threadTs === card.ts).map((m) => m.text);
  };

  it('reminds the working day before, tells the late one after, the assigner three working days later', async () => {
    const view = await openedView(h, () => h.driver.command('U0PROJMGR1', '/task'));
    await h.driver.submitView('U0PROJMGR1', view, {
      title: '競品價格表',
      kind: 'instruction',
      assignee: 'U0TLEAD001',
      scope: 'team',
      dueDate: '2026-11-30', // Monday
    });
    await settle(h);
    const remind = (user: string) => dmsTo(h, user).filter((m) => m.text.includes('提醒：任務「競品價格表」'));

    await move('2026-11-27T00:59:00Z'); // Friday 08:59: not yet
    expect(remind('U0SALES001')).toHaveLength(0);
    await move('2026-11-27T01:00:00Z'); // Friday 09:00, the working day before Monday
    expect(remind('U0SALES001')).toHaveLength(1);
    expect(remind('U0SALES002')).toHaveLength(1);

    // Monday: the Monday digest reaches the managers above, and one of the two is done
    const monday = await move('2026-11-30T01:00:00Z');
    expect(monday.ran).toContain('tasks.weekly-digest@week-2026-11-30');
    const digest = dmsTo(h, 'U0PROJMGR1').find((m) => m.text.includes('每週任務摘要'))!;
    expect(digest.text).toContain('有 2 項未完成，其中 0 項逾期');
    expect(blocksText(digest)).toContain('周子豪：［指示］競品價格表｜截止 2026-11-30');
    expect(dmsTo(h, 'U0TLEAD001').some((m) => m.text.includes('每週任務摘要'))).toBe(true);
    expect(dmsTo(h, 'U0SALES001').some((m) => m.text.includes('每週任務摘要'))).toBe(false);
    const card = [...dmsTo(h, 'U0SALES002')].reverse().find((m) => blocksText(m).includes('task_done'))!;
    await h.driver.clickButton('U0SALES002', card, 'task_done');
    await settle(h);

    await move('2026-12-01T01:00:00Z'); // Tuesday 09:00: overdue
    const overdue = (user: string) => dmsTo(h, user).filter((m) => m.text.includes('已於 2026-11-30 截止'));
    expect(overdue('U0SALES001')).toHaveLength(1);
    expect(overdue('U0SALES002')).toHaveLength(0);
    const assigner = dmsTo(h, 'U0PROJMGR1').find((m) => blocksText(m).includes('task_progress'))!;
    expect(blocksText(assigner)).toContain('1/2 完成');
    expect(blocksText(assigner)).toContain('逾期*：周子豪');

    await move('2026-12-03T00:59:00Z'); // two working days after: the org file says three
    expect(threadOf('U0PROJMGR1', '競品價格表').some((t) => t.includes('仍未完成'))).toBe(false);
    await move('2026-12-03T01:00:00Z'); // Thursday 09:00, the third working day after Monday
    const notes = threadOf('U0PROJMGR1', '競品價格表').filter((t) => t.includes('仍未完成'));
    expect(notes).toEqual([expect.stringContaining('已逾期 3 個工作日仍未完成：周子豪。請 <@U0PROJMGR1> 跟進')]);
    // nothing is sent twice, however often the clock moves on
    await move('2026-12-10T01:00:00Z');
    expect(overdue('U0SALES001')).toHaveLength(1);
    expect(threadOf('U0PROJMGR1', '競品價格表').filter((t) => t.includes('仍未完成'))).toHaveLength(1);
  }, 90_000);
});
