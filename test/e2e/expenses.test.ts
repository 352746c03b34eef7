import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { ONE_PROVIDER, PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, dmsTo, openedView, waitFor } from '../support/visit-flow.ts';

const KAM = 'U0KEYACC01'; // 彭麗, under UM 唐文傑 (U0UNITMG01), MM 梁志遠 (U0MKTMGR01), market 華東
const UM = 'U0UNITMG01';
const MM = 'U0MKTMGR01';
const SLT = 'U0DEPDIR01';
const SSG = 'U0SSGLEAD1';
const DIRECTOR = 'U0SALDIR02'; // 孫立群, the sales director at the top of the KAM's chain

describe.each(PROVIDERS)('the expense budget and claims on %s', (provider) => {
  let h: Harness;
  // 20 November 2026, 10:00 in Shanghai: about 63% of the month gone
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  const budgetSplit = async (user: string, values: Record<string, string | string[]>) => {
    const view = await openedView(h, () => h.driver.command(user, '/expense', 'budget set 2026-11 差旅'));
    return { view, response: await h.driver.submitView(user, view, values) };
  };

  /** Files a claim through the modal; returns the stored claim. */
  const fileClaim = async (user: string, values: Record<string, string>) => {
    const view = await openedView(h, () => h.driver.command(user, '/expense'));
    const response = await h.driver.submitView(user, view, { spentOn: '2026-11-18', ...values });
    expect(response.text).toBe('');
    await h.flushOutbox();
    return h.bot.db.expenseClaim.findFirstOrThrow({ where: { sourceViewId: view.id } });
  };

  /** The newest card of a claim (a card per approver), as delivered. */
  const cardOf = (number: number): StoredMessage => {
    const cards = h.fake.state.messages.filter(
      (m) => !m.threadTs && blocksText(m).includes('expense_details') && blocksText(m).includes(`報銷 #${number}：`),
    );
    if (cards.length === 0) throw new Error(`no card for #${number}`);
    return cards.at(-1)!;
  };
  const statusOf = async (id: number) => (await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id } })).status;

  it('sets a budget at the top, split down the chain with the targets’ running sum, gap and versions', async () => {
    const top = await budgetSplit(SLT, {
      parent: '100000',
      'row:market:E': '20000',
      'row:market:N': '10000',
      'row:market:NE': '一萬',
    });
    // only the row with bad text is refused; the markets left empty are no budget (0), not six errors
    expect(top.response.json?.errors).toEqual({
      'row:market:NE':
        '請輸入 0 以上、1,000,000,000,000 以下的數字；金額最多兩位小數，可寫千分位，例如 2,000 或 2,000.50。',
    });
    const blanks = await h.driver.submitView(SLT, top.view, { parent: '100000', 'row:market:E': '20000' });
    expect(blanks.json?.errors).toEqual({ confirm_gap: expect.stringContaining('少 ¥80,000') });
    expect(JSON.stringify(top.view.view.blocks)).toContain('"block_id":"row:market:NE","optional":true');
    const rows = Object.fromEntries(
      ['NE', 'N', 'NW', 'C', 'SD', 'E', 'S', 'SW'].map((code) => [
        `row:market:${code}`,
        code === 'E' ? '20000' : '10000',
      ]),
    );
    const short = await h.driver.submitView(SLT, top.view, { parent: '100000', ...rows });
    expect((short.json!.errors as Record<string, string>).confirm_gap).toContain('少 ¥10,000');
    await h.driver.submitView(SLT, top.view, { parent: '100000', ...rows, confirm_gap: ['confirm'] });
    const org = await h.bot.db.target.findFirstOrThrow({ where: { scopeKind: 'org', metric: 'expense:差旅' } });
    expect(org).toMatchObject({ value: 10_000_000n, gapConfirmedBy: SLT });

    const mm = await budgetSplit(MM, { 'row:person:U0UNITMG01': '12000', 'row:person:U0UNITMG02': '8000' });
    expect(mm.response.text).toBe('');
    expect(JSON.stringify(mm.view.view.blocks)).toContain('費用預算・差旅');
    expect(JSON.stringify(mm.view.view.blocks)).toContain('20,000');
    // a budget, not a target: the modal's title and the confirmation to the one who set it
    expect(JSON.stringify(mm.view.view.title)).toContain('設定預算');
    await h.flushOutbox();
    expect(dmsTo(h, MM).map((m) => m.text)).toContainEqual(
      expect.stringMatching(/^✅ 已發佈 2026-11 的費用預算・差旅：/),
    );
    expect(dmsTo(h, MM).some((m) => m.text.includes('差旅目標'))).toBe(false);
    const refused = answerText((await h.driver.command(KAM, '/expense', `budget <@${UM}>`)).json);
    expect(refused).toContain('你不能查看這些預算');
    // scenario: the UM tries to split more than the 12,000 they hold: refused on the modal, nothing stored
    const over = await budgetSplit(UM, { [`row:person:${KAM}`]: '15000', confirm_gap: ['confirm'] });
    const errors = over.response.json?.errors as Record<string, string> | undefined;
    expect(errors?.[`row:person:${KAM}`]).toContain('拆分合計 ¥15,000 比上級預算 ¥12,000 多 ¥3,000');
    expect(await h.bot.db.target.count({ where: { scopeId: KAM, metric: 'expense:差旅' } })).toBe(0);
    // a budget's modal speaks of the parent budget, not the parent target
    const umModal = JSON.stringify(over.view.view.blocks);
    expect(umModal).toContain('*上級預算*');
    expect(umModal).toContain('我確認拆分合計低於上級預算');
    expect(umModal).not.toContain('上級目標');
    // the box takes an amount as people write it, the message says how; a refused one stores nothing
    const row = `row:person:${KAM}`;
    for (const typed of ['abc', '-5', '1,000.555']) {
      const bad = await budgetSplit(UM, { [row]: typed, confirm_gap: ['confirm'] });
      expect((bad.response.json!.errors as Record<string, string>)[row]).toBe(
        '請輸入 0 以上、1,000,000,000,000 以下的數字；金額最多兩位小數，可寫千分位，例如 2,000 或 2,000.50。',
      );
    }
    expect(await h.bot.db.target.count({ where: { scopeId: KAM, metric: 'expense:差旅' } })).toBe(0);
    const budgetOfKam = async () =>
      (await h.bot.db.target.findFirstOrThrow({ where: { scopeId: KAM, metric: 'expense:差旅' } })).value;
    for (const [typed, cents] of [
      ['2,000', 200_000n],
      ['2,000.50', 200_050n],
      ['2000', 200_000n],
    ] as const) {
      const taken = await budgetSplit(UM, { [row]: typed, confirm_gap: ['confirm'] });
      expect(taken.response.text).toBe('');
      expect(await budgetOfKam()).toBe(cents);
    }
    const um = await budgetSplit(UM, { [`row:person:${KAM}`]: '3000', confirm_gap: ['confirm'] });
    expect(um.response.text).toBe('');
    await budgetSplit(UM, { [`row:person:${KAM}`]: '3000.50', confirm_gap: ['confirm'] });
    const kam = await h.bot.db.target.findFirstOrThrow({ where: { scopeId: KAM, metric: 'expense:差旅' } });
    expect(kam).toMatchObject({ value: 300_050n, version: 5, period: '2026-11' });
    await h.flushOutbox();
    expect(dmsTo(h, KAM).map((m) => m.text)).toContainEqual(
      expect.stringContaining('設定了 2026-11 的費用預算・差旅：¥3,000.50（原為 ¥3,000）。用 `/expense budget` 查看'),
    );
  });

  it('routes a claim under 2,000 to the UM, who approves it by a reply of 通過 in its thread', async () => {
    const claim = await fileClaim(KAM, {
      amount: '1,500',
      category: '差旅',
      account: '杭興貿易',
      description: '杭州拜訪經銷商',
      receipt: 'R-001',
    });
    expect(claim).toMatchObject({ amountCents: 150_000n, approvers: JSON.stringify([UM]), overBudget: false });
    const card = cardOf(claim.number);
    expect(h.fake.state.groupMembers.get(card.channel)).toEqual([KAM, UM].sort());
    expect(blocksText(card)).toContain('已用 ¥0／¥3,000.50，這筆之後 50%');
    expect(blocksText(card)).toContain('*客戶*：杭興貿易');
    // someone else's reply changes nothing; the MM is not this claim's approver
    await h.driver.replyInThread(MM, card, '通過');
    await h.driver.replyInThread(UM, card, '通過');
    await waitFor(async () => (await statusOf(claim.id)) === 'approved', 'the approval');
    expect((await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } })).decidedBy).toBe(UM);
    await h.flushOutbox();
    expect(blocksText(h.fake.state.find(card.channel, card.ts))).toContain('已由 唐文傑');
    expect(dmsTo(h, KAM).map((m) => m.text)).toContainEqual(
      expect.stringContaining(`報銷 #${claim.number}（¥1,500）已通過`),
    );
  });

  it('says so on the card when a claim takes its budget line over 100%, and needs the MM as well', async () => {
    const claim = await fileClaim(KAM, { amount: '1800.25', category: '差旅', description: '上海展會住宿' });
    expect(claim).toMatchObject({ overBudget: true, approvers: JSON.stringify([UM, MM]) });
    const first = cardOf(claim.number);
    expect(blocksText(first)).toContain('超出預算');
    expect(blocksText(first)).toContain('用到 110%');
    expect(blocksText(first)).toContain('梁志遠');
    await h.driver.clickButton(UM, first, 'expense_approve');
    await waitFor(
      async () => (await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } })).step === 1,
      'step 2',
    );
    expect(await statusOf(claim.id)).toBe('pending');
    await h.flushOutbox();
    const second = cardOf(claim.number);
    expect(second.channel).not.toBe(first.channel);
    expect(h.fake.state.groupMembers.get(second.channel)).toEqual([KAM, MM].sort());
    await h.driver.replyInThread(MM, second, '同意');
    await waitFor(async () => (await statusOf(claim.id)) === 'approved', 'the second approval');
  });

  it('routes a claim above 2,000 to the MM; returned with a reason, edited, resubmitted; paid by the SSG', async () => {
    const claim = await fileClaim(KAM, {
      amount: '5000',
      category: '招待',
      description: '=HYPERLINK("http://x") 客戶晚宴',
    });
    expect(claim.approvers).toBe(JSON.stringify([MM]));
    const card = cardOf(claim.number);
    expect(blocksText(card)).toContain('招待未設預算');
    expect(blocksText(card)).not.toContain('客戶*：'); // no account given: no line, not 客戶：—
    // the UM is below this amount's level
    await h.driver.replyInThread(UM, card, '通過');
    const reasonView = await openedView(h, () => h.driver.clickButton(MM, card, 'expense_return'));
    await h.driver.submitView(MM, reasonView, { reason: '請附上發票' });
    await waitFor(async () => (await statusOf(claim.id)) === 'returned', 'the return');
    await h.flushOutbox();
    const notice = dmsTo(h, KAM).find((m) => m.text.includes('請附上發票'))!;
    expect(notice.text).toContain(`報銷 #${claim.number} 被 梁志遠 退回`);
    expect(notice.text).toContain('請按「修改後重新送出」'); // the words a returned visit uses
    expect(blocksText(notice)).toContain('修改後重新送出');
    const edit = await openedView(h, () => h.driver.clickButton(KAM, notice, 'expense_edit'));
    const amountBlock = (edit.view.blocks as any[]).find((b) => b.block_id === 'amount');
    expect(amountBlock.element.initial_value).toBe('5000');
    await h.driver.submitView(KAM, edit, {
      amount: '4800',
      category: '招待',
      spentOn: '2026-11-18',
      description: '=HYPERLINK("http://x") 客戶晚宴',
      receipt: 'INV-889',
    });
    await waitFor(async () => (await statusOf(claim.id)) === 'pending', 'the resubmission');
    await h.flushOutbox();
    const again = cardOf(claim.number);
    expect(again.text).toContain(`報銷 #${claim.number}：彭麗 ¥4,800（第 2 版，修改後重新送出）`);
    await h.driver.replyInThread(MM, again, 'ok');
    await waitFor(async () => (await statusOf(claim.id)) === 'approved', 'the approval');
    expect((await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } })).version).toBe(2);

    const refused = await h.driver.command(KAM, '/expense', `paid ${claim.number}`);
    expect(answerText(refused.json)).toContain('只有銷售秘書組或財務');
    const paid = await h.driver.command(SSG, '/expense', `paid ${claim.number}`);
    expect(answerText(paid.json)).toContain(`已標記報銷 #${claim.number} 付款`);
    expect(await statusOf(claim.id)).toBe('paid');
    // the returned version's card follows too: it reads paid, not returned
    await h.flushOutbox();
    const firstCopy = h.fake.state.messages.find((m) => m.channel === card.channel && m.ts === card.ts)!;
    expect(blocksText(firstCopy)).toMatch(/已由 何麗君 於 .+ 標記付款/);
    const twice = await h.driver.command(SSG, '/expense', `paid ${claim.number}`); // twice acts once
    expect(answerText(twice.json)).toMatch(new RegExp(`^你已於 2026-\\S+ \\S+ 標記報銷 #${claim.number} 付款`));
    // a bad claim number is named, not answered with the whole help
    const bad = answerText((await h.driver.command(SSG, '/expense', 'paid abc')).json);
    expect(bad).toBe('「abc」不是報銷編號：請寫數字，例如 `/expense paid 12`。');
    expect(answerText((await h.driver.command(SSG, '/expense', 'paid')).json)).toContain('請寫要標記付款的報銷編號');
    const missing = await h.driver.command(SSG, '/expense', 'paid 99');
    expect(answerText(missing.json)).toContain('找不到報銷 #99');
    expect(await h.bot.db.auditEntry.count({ where: { action: 'expense.paid' } })).toBe(1);
  });

  it('routes a claim above 10,000 past the UM and MM to the sales director, who approves it by reply', async () => {
    // spent in October, so November's figures below are untouched
    const claim = await fileClaim(KAM, {
      amount: '12,000',
      category: '促銷',
      spentOn: '2026-10-28',
      description: '雙十一堆頭',
    });
    expect(claim).toMatchObject({ amountCents: 1_200_000n, approvers: JSON.stringify([DIRECTOR]), month: '2026-10' });
    const card = cardOf(claim.number);
    expect(h.fake.state.groupMembers.get(card.channel)).toEqual([KAM, DIRECTOR].sort());
    // the MM is below this amount's level: a reply of theirs changes nothing
    await h.driver.replyInThread(MM, card, '通過');
    // it waits for the director: on his App Home, not on the MM's
    // this user's own home: another's, published meanwhile, is not theirs
    const homeOf = async (userId: string) => {
      const published = () => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === userId);
      const before = published().length;
      await h.driver.event({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home' });
      await expect.poll(() => published().length).toBeGreaterThan(before);
      return JSON.stringify(published().at(-1)!.args.view);
    };
    expect(await homeOf(DIRECTOR)).toMatch(new RegExp(`費用報銷 #${claim.number} ¥[0-9,.]+ 待審核`));
    expect(await homeOf(MM)).not.toContain(`費用報銷 #${claim.number}`);
    await h.driver.replyInThread(DIRECTOR, card, '通過');
    await waitFor(async () => (await statusOf(claim.id)) === 'approved', 'the approval');
    expect((await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } })).decidedBy).toBe(DIRECTOR);
  });

  it('approves once when a click, a second click and a reply arrive together', async () => {
    const claim = await fileClaim(KAM, { amount: '300', category: '其他', description: '快遞費' });
    const card = cardOf(claim.number);
    await Promise.all([
      h.driver.clickButton(UM, card, 'expense_approve'),
      h.driver.clickButton(UM, card, 'expense_approve'),
      h.driver.replyInThread(UM, card, '通過'),
    ]);
    await waitFor(async () => (await statusOf(claim.id)) === 'approved', 'the approval');
    await h.flushOutbox();
    const subject = `expense:${claim.id}`;
    expect(await h.bot.db.auditEntry.count({ where: { action: 'expense.approved', subject } })).toBe(1);
    const replies = h.fake.state.messages.filter((m) => m.threadTs === card.ts && m.text.includes('已由 唐文傑 通過'));
    expect(replies).toHaveLength(1);
    // the emoji itself, as other cards show it, not the :shortcode: as text
    expect(blocksText(h.fake.state.find(card.channel, card.ts))).toContain('✅ 已由 唐文傑');
  });

  it('refuses a bad amount with a clear message and stores nothing', async () => {
    const before = await h.bot.db.expenseClaim.count();
    const view = await openedView(h, () => h.driver.command(KAM, '/expense'));
    const bad = await h.driver.submitView(KAM, view, {
      amount: '12.345',
      category: '差旅',
      spentOn: '2026-12-01',
      description: '',
    });
    const errors = bad.json?.errors as Record<string, string>;
    expect(errors.amount).toContain('最多兩位小數');
    expect(errors.spentOn).toBe('日期不能晚於今天。');
    expect(errors.description).toContain('說明');
    const huge = await h.driver.submitView(KAM, view, {
      amount: '2000000',
      category: '差旅',
      spentOn: '2026-11-18',
      description: 'x',
    });
    expect((huge.json!.errors as Record<string, string>).amount).toBe('金額不能超過 ¥1,000,000。');
    expect(await h.bot.db.expenseClaim.count()).toBe(before);
  });

  it('shows budget against spend with pace and the expense ratio, scoped to the chain', async () => {
    await h.bot.db.actualTotal.create({
      data: { orgId: 1, personId: KAM, month: '2026-11', metric: 'amount', value: 10_000_000 },
    });
    const mine = answerText((await h.driver.command(KAM, '/expense', 'budget 2026-11')).json);
    expect(mine).toContain('*差旅*：預算 ¥3,000.50｜實際 ¥3,300.25｜110% ⚠️ 已超出預算');
    expect(mine).toContain('*招待*：實際 ¥4,800（未設預算）');
    // all spend against the budget, the part with no budget named: 8,400.25 ÷ 3,000.50
    expect(mine).toContain('*合計*：預算 ¥3,000.50｜實際 ¥8,400.25（含未設預算類別的費用 ¥5,100，也計入使用率）｜280%');
    // (1,500 + 1,800.25 + 4,800 + 300) ÷ 100,000 = 8.4%
    expect(mine).toContain('*費用率*（費用÷銷售額）：8.4%（銷售額 ¥100,000）');
    const team = answerText((await h.driver.command(UM, '/expense', 'budget 2026-11')).json);
    expect(team).toContain('*差旅*：預算 ¥12,000｜實際 ¥3,300.25');
    expect(team).toContain('8.4%');
    const market = answerText((await h.driver.command(MM, '/expense', 'budget 2026-11 華東')).json);
    expect(market).toContain('*差旅*：預算 ¥20,000');
    const refused = answerText((await h.driver.command(KAM, '/expense', 'budget 2026-11 華東')).json);
    expect(refused).not.toContain('預算 ¥20,000');
    const peer = answerText((await h.driver.command('U0SALREP03', '/expense', `budget 2026-11 <@${KAM}|彭麗>`)).json);
    expect(peer).not.toContain('3,300.25');
  });

  it('says a month that does not exist is not a valid period, in either language, instead of the help', async () => {
    const bad = answerText((await h.driver.command(KAM, '/expense', 'budget 2026-13')).json);
    expect(bad).toBe('「2026-13」不是有效的期間。請用月份（2026-11）、季度（2026-Q4）或年份（2026）。');
    const set = answerText((await h.driver.command(MM, '/expense', 'budget set 2026-Q5 差旅')).json);
    expect(set).toContain('「2026-Q5」不是有效的期間');
    expect(answerText((await h.driver.command(SSG, '/expense', 'export 2026-00')).json)).toContain('不是有效的期間');
    await h.driver.command('U0SALREP03', '/org', 'lang en');
    const english = answerText((await h.driver.command('U0SALREP03', '/expense', 'budget 2026-13 team')).json);
    expect(english).toBe(
      '"2026-13" is not a valid period. Use a month (2026-11), a quarter (2026-Q4) or a year (2026).',
    );
  });

  it('exports the claims as an Excel workbook: amounts as numbers, days as dates, text as text; SSG only', async () => {
    const before = h.fake.calls.length;
    await h.driver.command(SSG, '/expense', 'export 2026-11');
    const file = () => [...h.fake.state.files.values()].find((f) => f.name === 'expenses-2026-11.xlsx');
    await expect.poll(file).toBeTruthy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file()!.data as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('報銷單');
    expect(sheet.rowCount).toBe(1 + 4); // the heading and the month's four claims
    const heading = sheet.getRow(1).values as unknown[];
    expect(heading).toContain('報銷人');
    const rows = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    const byDescription = (text: string) => rows.find((r) => String(r.getCell(7).value).includes(text))!;
    // an amount is a number with two decimals, the exact cents
    const hotel = byDescription('上海展會住宿');
    expect(hotel.getCell(5).value).toBe(1800.25);
    expect(hotel.getCell(5).numFmt).toBe('#,##0.00');
    // the day spent is a date; the time paid a date in Shanghai's wall-clock time (10:00)
    const dinner = byDescription('客戶晚宴');
    expect(dinner.getCell(3).value).toEqual(new Date('2026-11-18T00:00:00Z'));
    expect(dinner.getCell(5).value).toBe(4800);
    expect(dinner.getCell(11).value).toEqual(new Date('2026-11-20T10:00:00Z'));
    // a description typed as a formula is a text cell, never a formula Excel would run
    expect(dinner.getCell(7).value).toBe('=HYPERLINK("http://x") 客戶晚宴');
    expect(dinner.getCell(7).type).toBe(ExcelJS.ValueType.String);
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'response_url')?.args.text)
      .toContain('已匯出 2026-11 的報銷 4 筆');
    const refused = await h.driver.command(KAM, '/expense', 'export 2026-11');
    expect(answerText(refused.json)).toContain('只有領導層、銷售秘書組或財務');
  });

  it('counts approved spend on the card, as /expense budget does, and claims still waiting apart', async () => {
    // scenario: 3,300.25 of the KAM's 3,000.50 is approved; a claim of 100 waits; one of 200 follows it
    const waiting = await fileClaim(KAM, { amount: '100', category: '差旅', description: '計程車' });
    expect(blocksText(cardOf(waiting.number))).toContain('已用 ¥3,300.25／¥3,000.50，這筆之後 114%');
    const next = await fileClaim(KAM, { amount: '200', category: '差旅', description: '高鐵' });
    // the line and the warning give the one figure the routing uses: 3,300.25 + 100 waiting + 200
    const nextCard = blocksText(cardOf(next.number));
    expect(nextCard).toContain('已用 ¥3,300.25／¥3,000.50（另有待審 ¥100），連同待審這筆之後 120%');
    expect(nextCard).toContain('預算用到 120%');
    const budget = answerText((await h.driver.command(KAM, '/expense', 'budget 2026-11')).json);
    expect(budget).toContain('預算 ¥3,000.50｜實際 ¥3,300.25');
  });
});

describe(`claims on a property site (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  const SALES = 'U0SALES001'; // 周子豪, under team lead 劉大偉 (U0TLEAD001), under the PM 王建國 (U0PROJMGR1)
  const TL = 'U0TLEAD001';
  const PM = 'U0PROJMGR1';
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock, orgFile: PROPERTY_ORG });
  });
  afterAll(async () => h?.stop());

  const fileClaim = async (values: Record<string, string>) => {
    const view = await openedView(h, () => h.driver.command(SALES, '/expense'));
    expect((await h.driver.submitView(SALES, view, { spentOn: '2026-11-18', ...values })).text).toBe('');
    await h.flushOutbox();
    return h.bot.db.expenseClaim.findFirstOrThrow({ where: { sourceViewId: view.id } });
  };
  const cardOf = (number: number) =>
    h.fake.state.messages.filter((m) => !m.threadTs && blocksText(m).includes(`報銷 #${number}：`)).at(-1)!;
  const statusOf = async (id: number) => (await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id } })).status;

  it('sends a claim up to 2,000 to the team lead and one above to the PM, each approved by a reply', async () => {
    // a site has no account register: the account stays free text
    const form = await openedView(h, () => h.driver.command(SALES, '/expense'));
    const blocks = form.view.blocks as { block_id: string; element: { type: string }; label: { text: string } }[];
    expect(blocks.find((b) => b.block_id === 'account')?.element.type).toBe('plain_text_input');
    // a site's customer, not a brand's 經銷商
    expect(blocks.find((b) => b.block_id === 'account')?.label.text).toBe('客戶');
    const small = await fileClaim({
      amount: '800',
      category: '招待',
      account: '王先生一家',
      description: '客戶看房午餐',
    });
    expect(small.account).toBe('王先生一家');
    expect(small.approvers).toBe(JSON.stringify([TL]));
    expect(h.fake.state.groupMembers.get(cardOf(small.number).channel)).toEqual([SALES, TL].sort());
    await h.driver.replyInThread(TL, cardOf(small.number), '通過');
    await waitFor(async () => (await statusOf(small.id)) === 'approved', 'the team lead');
    const large = await fileClaim({ amount: '3500', category: '促銷', description: '週末暖場活動' });
    expect(large.approvers).toBe(JSON.stringify([PM]));
    const card = cardOf(large.number);
    expect(h.fake.state.groupMembers.get(card.channel)).toEqual([SALES, PM].sort());
    await h.driver.replyInThread(TL, card, '通過'); // below this amount's level: nothing happens
    expect(await statusOf(large.id)).toBe('pending');
    await h.driver.replyInThread(PM, card, '通過');
    await waitFor(async () => (await statusOf(large.id)) === 'approved', 'the PM');
    // scenario: the site's secretary lists what there is to pay; the PM may not mark it paid, told who may
    const SECRETARY = 'U0SECRET01';
    const toPay = answerText((await h.driver.command(SECRETARY, '/expense', 'list')).json);
    expect(toPay).toContain('*已核准待付款*');
    expect(toPay).toMatch(new RegExp(`#${large.number} 2026-11-18 促銷 ¥3,500`));
    expect(toPay).toMatch(new RegExp(`#${small.number} 2026-11-18 招待 ¥800`));
    const pm = answerText((await h.driver.command(PM, '/expense', `paid ${large.number}`)).json);
    expect(pm).toContain('只有女專可以標記付款。');
    const help = answerText((await h.driver.command(PM, '/expense', 'help')).json);
    expect(help).toContain('標記 #12 已付款（女專）');
    expect(answerText((await h.driver.command(PM, '/expense', 'list')).json)).not.toContain('已核准待付款');
    // the site's secretary marks it paid; it leaves the list
    const paid = answerText((await h.driver.command(SECRETARY, '/expense', `paid ${large.number}`)).json);
    expect(paid).toContain(`已標記報銷 #${large.number} 付款`);
    const after = answerText((await h.driver.command(SECRETARY, '/expense', 'list')).json);
    expect(after).not.toContain(`#${large.number} `);
  });
});
