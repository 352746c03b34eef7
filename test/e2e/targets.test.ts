import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import type { StoredView } from '../../src/fake-slack/workspace-state.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { openedView } from '../support/visit-flow.ts';

const rowsOf = (view: StoredView) => (view.view.blocks as any[]).filter((b) => String(b.block_id).startsWith('row:'));

describe.each(PROVIDERS)('targets on a brand on %s', (provider) => {
  let h: Harness;
  // 26 November 2026, 10:00 in Shanghai: 84.7% of the month gone
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  const split = async (user: string, values: Record<string, string | string[]>, args = 'set 2026-11') => {
    const view = await openedView(h, () => h.driver.command(user, '/targets', args));
    return { view, response: await h.driver.submitView(user, view, values) };
  };

  it('labels the forms plainly: a parent with no target, one gap confirmation, a market for share only', async () => {
    const view = await openedView(h, () => h.driver.command('U0MKTMGR01', '/targets', 'set 2026-11'));
    const blocks = view.view.blocks as any[];
    const sumText = () =>
      (h.fake.state.views.get(view.id)!.view.blocks as any[]).find((b) => b.block_id === 'running_sum').text.text;
    expect(sumText()).toBe('*已拆分合計*：¥0（上級目標尚未設定）');
    // the sum stays honest as rows change, with the parent still unset
    const payload = h.driver.viewSubmissionPayload('U0MKTMGR01', view, {
      'row:person:U0UNITMG01': '1000000',
      'row:person:U0UNITMG02': '',
    });
    const before = h.fake.callsTo('views.update').length;
    await h.driver.interaction({
      ...payload,
      type: 'block_actions',
      actions: [
        {
          type: 'plain_text_input',
          action_id: 'target_row_changed',
          block_id: 'row:person:U0UNITMG01',
          value: '1000000',
        },
      ],
      container: { type: 'view', view_id: view.id },
    });
    await expect.poll(() => h.fake.callsTo('views.update').length).toBe(before + 1);
    expect(sumText()).toBe('*已拆分合計*：¥1,000,000（上級目標尚未設定）');
    const gap = blocks.find((b) => b.block_id === 'confirm_gap');
    expect(gap.label.text).not.toBe(gap.element.options[0].text.text);
    expect(gap.element.options[0].text.text).toContain('我確認拆分合計低於上級目標');

    const sales = await openedView(h, () => h.driver.command('U0SSGLEAD1', '/sales'));
    const market = (sales.view.blocks as any[]).find((b) => b.block_id === 'market');
    expect(market.optional).toBe(true);
    expect(market.label.text).toBe('市場');
    expect(market.hint.text).toContain('只有登記市場占有率時需要選擇市場');
    const person = (sales.view.blocks as any[]).find((b) => b.block_id === 'person');
    expect(person.hint.text).toBe('登記市場占有率時不計入此人：占有率計入所選市場。');
  });

  it('lets the SLT set the company target and split it across markets, confirming a gap explicitly', async () => {
    const view = await openedView(h, () => h.driver.command('U0DEPDIR01', '/targets', 'set 2026-11'));
    expect(rowsOf(view).map((b) => b.label.text)).toEqual([
      '東北',
      '華北',
      '西北',
      '華中',
      '山東',
      '華東',
      '華南',
      '西南',
    ]);
    const values: Record<string, string | string[]> = { parent: '8000000' };
    for (const row of rowsOf(view)) values[row.block_id] = row.block_id === 'row:market:E' ? '3000000' : '625000';
    const short = await h.driver.submitView('U0DEPDIR01', view, values);
    expect((short.json?.errors as Record<string, string> | undefined)?.confirm_gap).toContain(
      '拆分合計 ¥7,375,000 比上級目標 ¥8,000,000 少 ¥625,000',
    );
    expect(await h.bot.db.target.count()).toBe(0);
    const confirmed = await h.driver.submitView('U0DEPDIR01', view, { ...values, confirm_gap: ['confirm'] });
    expect(confirmed.text).toBe('');
    const org = await h.bot.db.target.findFirstOrThrow({ where: { scopeKind: 'org', period: '2026-11' } });
    // stored exactly, in cents
    expect(org).toMatchObject({ value: 800_000_000n, gapConfirmedBy: 'U0DEPDIR01' });
    expect(await h.bot.db.target.count({ where: { scopeKind: 'market' } })).toBe(8);
    expect(await h.bot.db.auditEntry.count({ where: { action: 'targets.split' } })).toBe(1);
  });

  it('refreshes the running sum as rows change', async () => {
    const view = await openedView(h, () => h.driver.command('U0MKTMGR01', '/targets', 'set 2026-11'));
    const payload = h.driver.viewSubmissionPayload('U0MKTMGR01', view, {
      'row:person:U0UNITMG01': '1000000',
      'row:person:U0UNITMG02': '500000',
    });
    const before = h.fake.callsTo('views.update').length;
    await h.driver.interaction({
      ...payload,
      type: 'block_actions',
      actions: [
        {
          type: 'plain_text_input',
          action_id: 'target_row_changed',
          block_id: 'row:person:U0UNITMG01',
          value: '1000000',
        },
      ],
      container: { type: 'view', view_id: view.id },
    });
    await expect.poll(() => h.fake.callsTo('views.update').length).toBe(before + 1);
    const sum = (h.fake.state.views.get(view.id)!.view.blocks as any[]).find((b) => b.block_id === 'running_sum');
    expect(sum.text.text).toContain('已拆分合計*：¥1,500,000／上級 ¥3,000,000（尚差 ¥1,500,000）');
  });

  it('has the MM split the market across UMs and a UM split further, then versions a change', async () => {
    const mm = await split('U0MKTMGR01', { 'row:person:U0UNITMG01': '1800000', 'row:person:U0UNITMG02': '1200000' });
    expect(mm.response.text).toBe('');
    const parentLine = (mm.view.view.blocks as any[]).find((b) => b.block_id === 'parent');
    expect(parentLine.text.text).toContain('華東');
    expect(parentLine.text.text).toContain('3,000,000');
    const um = await split('U0UNITMG01', { 'row:person:U0KEYACC01': '1800000' });
    expect(um.response.text).toBe('');
    const kam = await split('U0KEYACC01', { 'row:person:U0SALREP01': '900000', 'row:person:U0SALREP02': '900000' });
    expect(kam.response.text).toBe('');
    // a target (unlike an expense budget) may be split above the parent: a stretch, published as is
    const stretch = await split('U0KEYACC01', {
      'row:person:U0SALREP01': '1000000',
      'row:person:U0SALREP02': '900000',
    });
    expect(stretch.response.text).toBe('');
    await split('U0KEYACC01', { 'row:person:U0SALREP01': '1000000', 'row:person:U0SALREP02': '800000' });
    const rep = await h.bot.db.target.findFirstOrThrow({
      where: { scopeKind: 'person', scopeId: 'U0SALREP01', period: '2026-11' },
    });
    expect(rep).toMatchObject({ value: 100_000_000n, version: 2 });
    const history = await h.bot.db.targetChange.findMany({ where: { scopeId: 'U0SALREP01' }, orderBy: { id: 'asc' } });
    expect(history.map((c) => [c.oldValue, c.newValue, c.by])).toEqual([
      [null, 90_000_000n, 'U0KEYACC01'],
      [90_000_000n, 100_000_000n, 'U0KEYACC01'],
    ]);
  });

  it('refuses bad sales input inline and stores nothing, and a rep recording for someone else', async () => {
    const view = await openedView(h, () => h.driver.command('U0SALREP01', '/sales'));
    const people = (view.view.blocks as any[])
      .find((b) => b.block_id === 'person')
      .element.options.map((o: any) => o.value);
    expect(people).toEqual(['U0SALREP01']);
    const bad = await h.driver.submitView('U0SALREP01', view, {
      person: 'U0SALREP03',
      account: '',
      month: '2026-11',
      metric: 'amount',
      value: '-5',
    });
    const errors = bad.json?.errors as Record<string, string>;
    expect(errors.person).toContain('你只能為自己或下屬登記');
    expect(errors.account).toContain('請填寫');
    expect(errors.value).toContain('請輸入 0 以上、1,000,000,000,000 以下的數字');
    expect(await h.bot.db.actual.count()).toBe(0);
  });

  it('shows consistent attainment and pace to the rep, UM, MM and director after a rep records sales', async () => {
    const view = await openedView(h, () => h.driver.command('U0SALREP01', '/sales'));
    const ok = await h.driver.submitView('U0SALREP01', view, {
      person: 'U0SALREP01',
      account: '滬東分銷',
      month: '2026-11',
      metric: 'amount',
      value: '450000',
    });
    expect(ok.text).toBe('');
    await h.driver.submitView('U0SALREP01', view, {
      person: 'U0SALREP01',
      account: '滬東分銷',
      month: '2026-11',
      metric: 'amount',
      value: '450000',
    });
    expect(await h.bot.db.actual.count()).toBe(1);

    const rep = answerText((await h.driver.command('U0SALREP01', '/targets')).json);
    expect(rep).toContain('*銷售額*：目標 ¥1,000,000｜實際 ¥450,000｜達成 45%');
    expect(rep).toContain('▓▓▓▓▓░░░░░');
    expect(rep).toContain('已過 85%，完成 45%：落後 40 個百分點');

    const um = answerText((await h.driver.command('U0UNITMG01', '/targets')).json);
    expect(um).toContain('目標 ¥1,800,000｜實際 ¥450,000｜達成 25%');

    const team = answerText((await h.driver.command('U0MKTMGR01', '/targets', 'team')).json);
    expect(team).toContain('*合計*');
    expect(team).toContain('1. 唐文傑：¥450,000 / ¥1,800,000（25%）');
    expect(team).toContain('2. 韓雪：¥0 / ¥1,200,000（0%）');

    const market = answerText((await h.driver.command('U0MKTMGR01', '/targets', '華東')).json);
    expect(market).toContain('目標 ¥3,000,000｜實際 ¥450,000｜達成 15%');
    const director = answerText((await h.driver.command('U0DEPDIR01', '/targets', 'market E 本月')).json);
    expect(director).toContain('目標 ¥3,000,000｜實際 ¥450,000｜達成 15%');
    const company = answerText((await h.driver.command('U0GENMGR01', '/targets', '全公司 2026-11')).json);
    expect(company).toContain('目標 ¥8,000,000｜實際 ¥450,000｜達成 6%');
    const person = answerText((await h.driver.command('U0DEPDIR01', '/targets', '<@U0SALREP01> 2026-Q4')).json);
    expect(person).toContain('實際 ¥450,000');
    // each director's own target is their markets' and their reports', each market once: so is their actual
    const deputy = answerText((await h.driver.command('U0DEPDIR01', '/targets', '2026-11')).json);
    expect(deputy).toContain('目標 ¥4,875,000｜實際 ¥450,000｜達成 9%');
    const salesDirector = answerText((await h.driver.command('U0SALDIR02', '/targets', '2026-11')).json);
    expect(salesDirector).toContain('目標 ¥7,375,000｜實際 ¥450,000｜達成 6%');
  });

  it("refuses a stranger asking for another team's or market's figures", async () => {
    const other = answerText((await h.driver.command('U0SALREP03', '/targets', '<@U0SALREP01>')).json);
    expect(other).toContain('你不能查看這些數字');
    expect(other).not.toContain('450,000');
    const market = answerText((await h.driver.command('U0MKTMGR02', '/targets', 'market E')).json);
    expect(market).toContain('你不能查看');
    const company = answerText((await h.driver.command('U0MKTMGR01', '/targets', '全公司')).json);
    expect(company).toContain('你不能查看');
    const setOther = await h.driver.command('U0SALREP01', '/targets', 'set');
    expect(answerText(setOther.json)).toContain('沒有可以拆分目標');
  });

  it('answers unclear arguments with help, in English too', async () => {
    expect(answerText((await h.driver.command('U0SALREP01', '/targets', 'banana')).json)).toContain('/targets team');
    await h.driver.command('U0SALREP02', '/org', 'lang en');
    const english = answerText((await h.driver.command('U0SALREP02', '/targets', 'this-month')).json);
    expect(english).toContain('Sales amount');
    expect(english).toContain('target ¥800,000');
  });

  it('opens /targets set on a metric by its shown name, in either language, and names a missed word', async () => {
    const contextOf = (view: StoredView) =>
      JSON.stringify((view.view.blocks as any[]).find((b) => b.type === 'context').elements);
    const amount = await openedView(h, () => h.driver.command('U0MKTMGR01', '/targets', 'set 2026-11 銷售額'));
    expect(contextOf(amount)).toContain('2026-11・銷售額');
    const volume = await openedView(h, () => h.driver.command('U0MKTMGR01', '/targets', 'set 2026-11 Volume'));
    expect(contextOf(volume)).toContain('2026-11・銷量');
    const coverage = await openedView(h, () => h.driver.command('U0MKTMGR01', '/targets', 'set 2026-11 市場覆蓋率'));
    expect(contextOf(coverage)).toContain('市場覆蓋率');
    const unknown = answerText((await h.driver.command('U0MKTMGR01', '/targets', 'set 2026-11 業績')).json);
    expect(unknown).toContain('看不懂「業績」');
    expect(unknown).toContain('銷售額（`amount`）、銷量（`volume`）');
    expect(unknown).not.toContain('用法');
    await h.driver.command('U0MKTMGR02', '/org', 'lang en');
    const english = answerText((await h.driver.command('U0MKTMGR02', '/targets', 'set 2026-11 revenue')).json);
    expect(english).toContain('Did not understand "revenue"');
    expect(english).toContain('Sales amount (`amount`)');
  });

  it("words the company's row of an expense budget's split (the same modal) as a budget, not a target", async () => {
    const view = await openedView(h, () => h.driver.command('U0DEPDIR01', '/expense', 'budget set 2026-11 差旅'));
    const parent = (view.view.blocks as any[]).find((b) => b.type === 'input');
    expect(parent.label.text).toBe('全公司 預算');
    const target = await openedView(h, () => h.driver.command('U0DEPDIR01', '/targets', 'set 2026-11'));
    expect((target.view.blocks as any[]).find((b) => b.type === 'input').label.text).toBe('全公司 目標');
  });

  it('lets the SSG correct an actual, keeping the history, and nobody else', async () => {
    const actual = await h.bot.db.actual.findFirstOrThrow();
    const refused = await h.driver.command('U0SALREP01', '/sales', `correct ${actual.id}`);
    expect(answerText(refused.json)).toContain('只有銷售秘書組');
    const view = await openedView(h, () => h.driver.command('U0SSGLEAD1', '/sales', `correct ${actual.id}`));
    const tooLarge = await h.driver.submitView('U0SSGLEAD1', view, { value: '99999999999999', reason: '退貨沖銷' });
    expect((tooLarge.json?.errors as Record<string, string> | undefined)?.value).toBe(
      '請輸入 0 以上、1,000,000,000,000 以下的數字；金額最多兩位小數，可寫千分位，例如 2,000 或 2,000.50。',
    );
    expect(await h.bot.db.actualCorrection.count()).toBe(0);
    await h.driver.submitView('U0SSGLEAD1', view, { value: '400000', reason: '退貨沖銷' });
    await expect
      .poll(async () => (await h.bot.db.actual.findUniqueOrThrow({ where: { id: actual.id } })).value)
      .toBe(40_000_000n);
    expect(await h.bot.db.actualCorrection.findFirst({ where: { actualId: actual.id } })).toMatchObject({
      oldValue: 45_000_000n,
      newValue: 40_000_000n,
      by: 'U0SSGLEAD1',
      reason: '退貨沖銷',
    });
    expect(answerText((await h.driver.command('U0SALREP01', '/targets')).json)).toContain('實際 ¥400,000');
  });
});

describe.each(PROVIDERS)('targets on a property site on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it('tells the PM no targets are set yet, rather than a total of 0 over empty rows', async () => {
    const team = answerText((await h.driver.command('U0PROJMGR1', '/targets', 'team')).json);
    expect(team).toContain('2026-11（本月） 還沒有設定目標，也沒有實績。用 `/targets set` 設定目標。');
    expect(team).not.toContain('目標 0');
    expect(team).not.toContain('—');
  });

  it('has the PM split across team leads, counting approved visits and signed contracts with amounts', async () => {
    const view = await openedView(h, () => h.driver.command('U0PROJMGR1', '/targets', 'set 2026-11 contracts'));
    expect(rowsOf(view).map((b) => b.block_id)).toEqual(['row:person:U0TLEAD001', 'row:person:U0TLEAD002']);
    await h.driver.submitView('U0PROJMGR1', view, {
      parent: '10',
      'row:person:U0TLEAD001': '6',
      'row:person:U0TLEAD002': '4',
    });
    const lead = await openedView(h, () => h.driver.command('U0TLEAD001', '/targets', 'set 2026-11 contracts'));
    await h.driver.submitView('U0TLEAD001', lead, { 'row:person:U0SALES001': '3', 'row:person:U0SALES002': '3' });

    const { fileVisitAs, approvalMessageOf, untilStatus, dmsTo, blocksText } = await import('../support/visit-flow.ts');
    await fileVisitAs(h, 'U0SALES001', { phone: '13900009999', customerName: '簽約客戶' });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
    const card = () =>
      dmsTo(h, 'U0SALES001')
        .filter((m) => blocksText(m).includes('customer_next'))
        .at(-1)!;
    await h.driver.clickButton('U0SALES001', card(), 'customer_next'); // → 認購
    await expect
      .poll(async () => (await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613900009999' } })).stage)
      .toBe('reserved');
    await h.flushOutbox();
    // → 簽約 asks the amount
    const amountView = await openedView(h, () => h.driver.clickButton('U0SALES001', card(), 'customer_next'));
    await h.driver.submitView('U0SALES001', amountView, { value: '3200000' });
    await expect
      .poll(async () => (await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613900009999' } })).stage)
      .toBe('contracted');

    const mine = answerText((await h.driver.command('U0SALES001', '/targets')).json);
    expect(mine).toContain('*簽約套數*：目標 3｜實際 1｜達成 33%');
    expect(mine).toContain('*銷售額*：實際 ¥3,200,000（未設目標）');
    expect(mine).toContain('*來訪組數*：實際 1');
    const team = answerText((await h.driver.command('U0PROJMGR1', '/targets', 'team contracts')).json);
    expect(team).toContain('1. 劉大偉：1 / 6（17%）');
  });

  it("shows the PM's team every metric /targets shows: 簽約套數, 來訪組數 and the amount", async () => {
    const team = answerText((await h.driver.command('U0PROJMGR1', '/targets', 'team')).json);
    expect(team).toContain('*簽約套數*\n*合計*：目標 10｜實際 1｜達成 10%');
    expect(team).toContain('*來訪組數*\n*合計*：尚未設定目標｜實際 1');
    expect(team).toContain('1. 劉大偉：1 / —');
    expect(team).toContain('*銷售額*\n*合計*：尚未設定目標｜實際 ¥3,200,000');
  });

  it('splits a quarter into its months the same way', async () => {
    const view = await openedView(h, () => h.driver.command('U0TLEAD002', '/targets', 'set 2026-Q4 contracts months'));
    expect(rowsOf(view).map((b) => b.block_id)).toEqual([
      'row:month:2026-10',
      'row:month:2026-11',
      'row:month:2026-12',
    ]);
    const res = await h.driver.submitView('U0TLEAD002', view, {
      'row:month:2026-10': '1',
      'row:month:2026-11': '2',
      'row:month:2026-12': '3',
    });
    expect(res.text).toBe('');
    const months = await h.bot.db.target.findMany({
      where: { scopeId: 'U0TLEAD002', metric: 'contracts' },
      orderBy: { period: 'asc' },
    });
    expect(months.map((m) => [m.period, m.value])).toEqual([
      ['2026-10', 1n],
      ['2026-11', 2n],
      ['2026-12', 3n],
    ]);
  });
});
