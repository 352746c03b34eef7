import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { advanceClock } from '../../src/jobs/advance-clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, dmsTo, openedView, settle, waitFor } from '../support/visit-flow.ts';

const result = (overrides: Record<string, string> = {}) => ({
  competitor: '萬科 翡翠公園',
  location: '濱江路 88 號',
  priceRange: '每平方米 3.2–3.6 萬',
  promotions: '首付分期，送車位',
  salesSpeed: '每週約 12 套',
  customerProfile: '改善型家庭',
  notes: '樣板間人多',
  ...overrides,
});

describe.each(PROVIDERS)('market research (市調) tasks on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it('takes several results per task, sends them to the assigner and planning, finds them by competitor', async () => {
    const view = await openedView(h, () => h.driver.command('U0PROJMGR1', '/task'));
    await h.driver.submitView('U0PROJMGR1', view, {
      title: '十二月前期市調',
      kind: 'research',
      assignee: 'U0TLEAD001',
      scope: 'team',
      dueDate: '2026-12-04',
    });
    await settle(h);
    const card = [...dmsTo(h, 'U0SALES001')].reverse().find((m) => blocksText(m).includes('task_research_open'))!;
    const form = await openedView(h, () => h.driver.clickButton('U0SALES001', card, 'task_research_open'));
    const missing = await h.driver.submitView('U0SALES001', form, result({ competitor: '', priceRange: '' }));
    expect(missing.json?.errors).toMatchObject({
      competitor: expect.stringContaining('請填寫「競品項目／產品」'),
      priceRange: expect.stringContaining('請填寫「價格區間」'),
    });
    expect(await h.bot.db.researchResult.count()).toBe(0);
    await h.driver.submitView('U0SALES001', form, result());
    await h.driver.submitView('U0SALES001', form, result()); // a retry files nothing more
    const second = await openedView(h, () => h.driver.clickButton('U0SALES001', card, 'task_research_open'));
    await h.driver.submitView(
      'U0SALES001',
      second,
      result({ competitor: '保利天悅', notes: '=HYPERLINK("http://x")' }),
    );
    await waitFor(async () => (await h.bot.db.researchResult.count()) === 2, 'two results');
    await settle(h);
    // someone else cannot file on this person's task
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES002', structuredClone(card), 'task_research_open');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有被交辦的人');

    const assignerCard = dmsTo(h, 'U0PROJMGR1').find((m) => blocksText(m).includes('task_progress'))!;
    const thread = h.fake.state.messages.filter((m) => m.threadTs === assignerCard.ts).map(blocksText);
    expect(thread.filter((t) => t.includes('市調結果（十二月前期市調）由 周子豪 提交'))).toHaveLength(2);
    expect(thread.some((t) => t.includes('每平方米 3.2–3.6 萬') && t.includes('送車位'))).toBe(true);
    const planning = h.fake.state.inChannel('C0PLANNING1').map(blocksText);
    expect(planning.filter((t) => t.includes('市調結果'))).toHaveLength(2);

    const found = answerText((await h.driver.command('U0PROJMGR1', '/task', 'research ＦＣ翡翠')).json);
    expect(found).toContain('找不到');
    const byName = answerText((await h.driver.command('U0PROJMGR1', '/task', 'research 翡翠公園')).json);
    expect(byName).toContain('*萬科 翡翠公園*｜濱江路 88 號｜每平方米 3.2–3.6 萬｜周子豪 2026-11-26');
    expect(byName).not.toContain('保利天悅');
    // another team's salesperson may not see 周子豪's records
    const other = answerText((await h.driver.command('U0SALES003', '/task', 'research 翡翠')).json);
    expect(other).toContain('找不到「翡翠」的市調結果');
    const usage = answerText((await h.driver.command('U0PROJMGR1', '/task', 'research')).json);
    expect(usage).toContain('/task research 競品名稱');

    const exported = h.fake.calls.length;
    await h.driver.command('U0PROJMGR1', '/task', 'export');
    const file = () => [...h.fake.state.files.values()].find((f) => f.name === 'research.xlsx');
    await expect.poll(file).toBeTruthy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file()!.data as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(3); // the heading and the two results
    expect(sheet.getRow(1).values).toContain('競品項目／產品');
    // a result typed as a formula is a text cell, never a formula Excel would run
    const cells = [2, 3].flatMap((n) => (sheet.getRow(n).values as unknown[]).filter((v) => v !== undefined));
    expect(cells.some((v) => typeof v === 'string' && v.startsWith('=HYPERLINK'))).toBe(true);
    expect(cells.every((v) => typeof v === 'string' || typeof v === 'number')).toBe(true);
    await expect
      .poll(() => h.fake.calls.slice(exported).find((c) => c.method === 'response_url')?.args.text)
      .toContain('已匯出 2 筆市調結果');
  });

  it("lists the month's competitor price changes to planning on Monday, beside the weekly analysis", async () => {
    // a later result on 萬科 翡翠公園 (spelled otherwise) with a new price; 保利天悅 has one result only
    const card = [...dmsTo(h, 'U0SALES002')].reverse().find((m) => blocksText(m).includes('task_research_open'))!;
    const form = await openedView(h, () => h.driver.clickButton('U0SALES002', card, 'task_research_open'));
    clock.set('2026-11-27T03:00:00Z');
    await h.driver.submitView(
      'U0SALES002',
      form,
      result({ competitor: '萬科翡翠公園', priceRange: '每平方米 3.0–3.4 萬' }),
    );
    await waitFor(async () => (await h.bot.db.researchResult.count()) === 3, 'the third result');
    const monday = await advanceClock({ scheduler: h.bot.scheduler, clock, to: new Date('2026-11-30T01:00:00Z') });
    expect(monday.ran).toContain('tasks.research-prices@week-2026-11-30');
    await h.flushOutbox();
    const posted = h.fake.state.inChannel('C0PLANNING1').map(blocksText);
    const changes = posted.filter((t) => t.includes('2026-11 競品價格變動'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toContain('（1 個競品');
    expect(changes[0]).toContain(
      '*萬科翡翠公園*：每平方米 3.2–3.6 萬（2026-11-26）→ 每平方米 3.0–3.4 萬（2026-11-27），本月 2 筆市調',
    );
    expect(changes[0]).not.toContain('保利天悅');
  });
});
