import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, startHarness, type Harness } from '../support/harness.ts';
import { approvalMessageOf, blocksText, dmsTo, fileVisitAs, untilStatus } from '../support/visit-flow.ts';

// Thursday 2026-11-26, 10:00 in Asia/Shanghai
const THURSDAY_MORNING = new Date('2026-11-26T02:00:00Z');

describe.each(PROVIDERS)('summaries, analysis, export and reminders on %s (fixed clock)', (provider) => {
  let h: Harness;
  const clock = new FixedClock(THURSDAY_MORNING);
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const file = async (user: string, lead: string, phone: string, overrides: Record<string, string> = {}) => {
      await fileVisitAs(h, user, { phone, customerName: `客戶${phone.slice(-4)}`, ...overrides });
      const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
      await h.driver.clickButton(lead, approvalMessageOf(h, visit.id), 'visit_approve');
      await untilStatus(h, visit.id, 'approved');
    };
    await file('U0SALES001', 'U0TLEAD001', '13800000001', { source: 'walk_in', grade: 'A' });
    await file('U0SALES002', 'U0TLEAD001', '13800000002', { source: 'referral', grade: 'B' });
    await file('U0SALES003', 'U0TLEAD002', '13800000003', { source: 'walk_in', grade: 'A' });
    // one still waiting: not in any summary
    await fileVisitAs(h, 'U0TRAIN001', { phone: '13800000004' });
  });
  afterAll(async () => h?.stop());

  it("sends each team lead's approved registrations of the day to the site secretary at 20:00, once", async () => {
    clock.set('2026-11-26T11:59:00Z');
    expect((await h.bot.scheduler.tick()).ran).not.toContain('visits.evening-summary@2026-11-26');
    clock.set('2026-11-26T12:00:00Z');
    const tick = await h.bot.scheduler.tick();
    expect(tick.ran).toContain('visits.evening-summary@2026-11-26');
    expect((await h.bot.scheduler.tick()).ran).toEqual([]);
    await h.flushOutbox();
    const summaries = dmsTo(h, 'U0SECRET01').filter((m) => m.text.includes('來訪匯總'));
    expect(summaries.map((m) => m.text).sort()).toEqual([
      '劉大偉 組 2026-11-26 來訪匯總（2 組）',
      '吳佳玲 組 2026-11-26 來訪匯總（1 組）',
    ]);
    const lead1 = blocksText(summaries.find((m) => m.text.startsWith('劉大偉')));
    expect(lead1).toContain('138****0001');
    expect(lead1).toContain('周子豪');
    expect(lead1).not.toContain('13800000001');
  });

  it('posts the weekly analysis on Monday to the planning channel, the PM and the deputy', async () => {
    clock.set('2026-11-30T01:00:00Z'); // Monday 09:00 local
    const tick = await h.bot.scheduler.tick();
    expect(tick.ran).toContain('visits.weekly-analysis@week-2026-11-30');
    await h.flushOutbox();
    // the analysis, not the chart that follows it (see charts.test.ts) nor the Monday collections summary
    const planning = h.fake.state
      .inChannel('C0PLANNING1')
      .filter((m) => !m.files && m.text.includes('來訪分析'))
      .at(-1)!;
    const text = blocksText(planning);
    expect(planning.text).toContain('來訪分析 2026-11-23～2026-11-29');
    expect(text).toContain('共 3 組來訪：首訪 3、複訪 0');
    expect(text).toContain('自然到訪 2');
    expect(text).toContain('老帶新／轉介紹 1');
    expect(text).toContain('劉大偉 2');
    expect(text).toContain('吳佳玲 1');
    expect(text).toContain('來訪中 3');
    expect(dmsTo(h, 'U0PROJMGR1').some((m) => m.text.includes('來訪分析'))).toBe(true);
    expect(dmsTo(h, 'U0DEPUTY01').some((m) => m.text.includes('來訪分析'))).toBe(true);
  });

  it('posts the monthly analysis on the 1st for the month before', async () => {
    clock.set('2026-12-01T01:00:00Z');
    const tick = await h.bot.scheduler.tick();
    expect(tick.ran).toContain('visits.monthly-analysis@month-2026-12');
    await h.flushOutbox();
    expect(h.fake.state.inChannel('C0PLANNING1').at(-1)?.text).toContain('2026-11-01～2026-11-30');
  });

  it("leaves every run to the test's own ticks: no instance ticks on the wall clock's minute", async () => {
    // A timed tick on either instance between clock.set() and tick() took the run (the flaky skip below)
    expect(h.bots.map((bot) => bot.scheduler.timed)).toEqual(h.bots.map(() => false));
  });

  it('skips a run missed longer ago than the catch-up window, and records it', async () => {
    clock.set('2026-12-14T02:00:00Z'); // two weeks on: last Monday's run is 25h old, inside 36h
    const tick = await h.bot.scheduler.tick();
    expect(tick.ran).toContain('visits.weekly-analysis@week-2026-12-14');
    clock.set('2026-12-24T02:00:00Z'); // the 21st's run is three days old
    const late = await h.bot.scheduler.tick();
    expect(late.skipped).toContain('visits.weekly-analysis@week-2026-12-21');
    expect(
      await h.bot.db.jobRun.findFirst({ where: { jobId: 'visits.weekly-analysis', periodKey: 'week-2026-12-21' } }),
    ).toMatchObject({ status: 'skipped' });
  });

  it('reminds the owner of a stuck deal, then the deputy, once each', async () => {
    // Files approved on 11-26 sit at "visiting" (limit 14 days). The 09:30 runs already made on
    // 12-14 (day 18: the owners) and 12-24 (day 28: the deputy) are checked here.
    await h.flushOutbox();
    expect(dmsTo(h, 'U0SALES001').filter((m) => m.text.includes('停留在「來訪中」已 18 天'))).toHaveLength(1);
    expect(dmsTo(h, 'U0SALES003').filter((m) => m.text.includes('停留在「來訪中」已 18 天'))).toHaveLength(1);
    const toDeputy = () => dmsTo(h, 'U0DEPUTY01').filter((m) => m.text.includes('停留'));
    expect(
      toDeputy()
        .map((m) => m.text)
        .sort(),
    ).toEqual([
      '⏰ 周子豪 的客戶 客戶0001 停留在「來訪中」已 28 天仍未推進，請協助跟進。',
      '⏰ 許家銘 的客戶 客戶0003 停留在「來訪中」已 28 天仍未推進，請協助跟進。',
      '⏰ 鄭欣怡 的客戶 客戶0002 停留在「來訪中」已 28 天仍未推進，請協助跟進。',
    ]);
    clock.set('2026-12-25T02:00:00Z');
    expect((await h.bot.scheduler.tick()).ran).toContain('visits.stuck-deals@2026-12-25');
    await h.flushOutbox();
    expect(toDeputy()).toHaveLength(3);
    expect(dmsTo(h, 'U0SALES001').filter((m) => m.text.includes('停留'))).toHaveLength(1);
    expect((await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613800000001' } })).reminderLevel).toBe(2);
  });

  it('exports the period as UTF-8 CSV with a BOM to the PM, and refuses a salesperson', async () => {
    const before = h.fake.calls.length;
    await h.driver.command('U0PROJMGR1', '/visit', 'export 2026-11-01 2026-11-30');
    await expect.poll(() => h.fake.calls.slice(before).find((c) => c.method === 'file_upload')).toBeTruthy();
    const upload = h.fake.calls.slice(before).find((c) => c.method === 'file_upload')!;
    const content = String(upload.args.content);
    expect(content.charCodeAt(0)).toBe(0xfeff);
    expect(content).toContain('客戶姓名');
    expect(content).not.toContain('拜訪目的'); // a brand's columns have no place on a site
    expect(content).toContain('13800000001');
    expect(content.split('\r\n').filter(Boolean)).toHaveLength(1 + 4);
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'files.completeUploadExternal'))
      .toBeTruthy();
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'response_url')?.args.text)
      .toContain('已匯出 2026-11-01 至 2026-11-30 的來訪登記，共 4 筆');
    const refused = h.fake.calls.length;
    await h.driver.command('U0SALES001', '/visit', 'export 2026-11-01 2026-11-30');
    await expect
      .poll(() => h.fake.calls.slice(refused).find((c) => c.method === 'response_url')?.args.text)
      .toContain('沒有權限');
    expect(h.fake.calls.slice(refused).some((c) => c.method === 'file_upload')).toBe(false);
    const usage = h.fake.calls.length;
    await h.driver.command('U0PROJMGR1', '/visit', 'export yesterday');
    await expect
      .poll(() => h.fake.calls.slice(usage).find((c) => c.method === 'response_url')?.args.text)
      .toContain('/visit export 2026-11-01 2026-11-30');
  });
});

describe.each(PROVIDERS)('the brand template on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  it(
    'files a distributor visit with account, purpose, outcome and next step, approved by the KAM, summarised to the ' +
      'MM',
    async () => {
      const { response } = await fileVisitAs(h, 'U0SALREP01', {
        account: '滬東分銷',
        purpose: 'order',
        outcome: '下季訂貨量增加兩成',
        nextStep: '下週送合同',
      });
      expect(response.text).toBe('');
      const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
      expect(visit).toMatchObject({ kind: 'brand', approverId: 'U0KEYACC01', account: '滬東分銷', purpose: 'order' });
      const approval = approvalMessageOf(h, visit.id);
      expect(blocksText(approval)).toContain('拜訪登記');
      await h.driver.clickButton('U0UNITMG02', approval, 'visit_approve');
      await h.driver.clickButton('U0KEYACC01', approval, 'visit_approve');
      await untilStatus(h, visit.id, 'approved');
      expect(visit.customerId).toBeNull();
      (h.clock as FixedClock).set('2026-11-26T12:00:00Z');
      await h.bot.scheduler.tick();
      await h.flushOutbox();
      expect(dmsTo(h, 'U0MKTMGR01').some((m) => m.text.includes('彭麗 組'))).toBe(true);
      expect(dmsTo(h, 'U0MKTMGR02').some((m) => m.text.includes('彭麗 組'))).toBe(false);
    },
  );

  it("exports a brand's visits with the brand's columns only, for this month when no period is given", async () => {
    const before = h.fake.calls.length;
    await h.driver.command('U0MKTMGR01', '/visit', 'export');
    await expect.poll(() => h.fake.calls.slice(before).find((c) => c.method === 'file_upload')).toBeTruthy();
    const [head, ...rows] = String(h.fake.calls.slice(before).find((c) => c.method === 'file_upload')!.args.content)
      .replace('\uFEFF', '')
      .split('\r\n');
    expect(head.split(',')).toEqual([
      '#',
      '拜訪時間',
      '客戶（經銷商／門店）',
      '拜訪目的',
      '拜訪結果',
      '下一步',
      '登記人',
      '審核人',
      '狀態',
    ]);
    expect(rows.find((r) => r.includes('滬東分銷'))).toContain('下季訂貨量增加兩成');
  });

  it('refuses a brand visit without its required fields', async () => {
    const { response } = await fileVisitAs(h, 'U0SALREP03', { account: '', outcome: '', purpose: '' });
    const errors = response.json?.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual(['account', 'outcome', 'purpose']);
  });
});
