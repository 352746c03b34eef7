import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { blocksText, dmsTo, openedView, settle, waitFor } from '../support/visit-flow.ts';

const LEADER = 'U0SSGLEAD1';
const CSR = 'U0CSREP002';
const DEPUTY = 'U0DEPDIR01';

describe.each(PROVIDERS)('the monthly credit review on %s', (provider) => {
  let h: Harness;
  // Monday 7 December 2026; the SSG meets on the 8th at 10:00 (Asia/Shanghai)
  const clock = new FixedClock(new Date('2026-12-07T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG, clock });
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function ask(userId: string, text: string): Promise<string> {
    const before = h.fake.calls.length;
    const response = await h.driver.command(userId, '/account', text);
    if (response.json) return answerText(response.json);
    await waitFor(() => h.fake.calls.slice(before).some((c) => c.method === 'response_url'), 'the answer');
    return answerText(h.fake.calls.slice(before).find((c) => c.method === 'response_url')!.args);
  }
  const reviewOf = () => dmsTo(h, LEADER).find((m) => blocksText(m).includes('credit_propose'));

  it('sends the SSG leader the table on the SSG meeting day, once', async () => {
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(reviewOf()).toBeUndefined();
    clock.set('2026-12-08T00:30:00Z'); // 08:30 local
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const review = reviewOf()!;
    expect(review.text).toBe('2026-12 客戶信用等級審查');
    expect(blocksText(review)).toContain('ED01 滬東分銷（華東）：尚未評級');
    clock.set('2026-12-08T01:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(dmsTo(h, LEADER).filter((m) => blocksText(m).includes('credit_propose'))).toHaveLength(1);
    expect(await h.bot.db.creditReview.count()).toBe(1);
  });

  it('takes the leader’s changes, naming bad lines, to the market’s SLT owner, who approves with 通過', async () => {
    await h.driver.clickButton(CSR, reviewOf()!, 'credit_propose');
    await settle(h);
    expect(h.fake.callsTo('chat.postEphemeral').at(-1)?.args.text).toBe('只有 SSG 組長可以提出信用等級調整。');
    const view = await openedView(h, () => h.driver.clickButton(LEADER, reviewOf()!, 'credit_propose'));
    const lines = 'ED01 E 500000 60\nEO001 A 1000 30\nED03 B 20萬 45\nNOPE Z 1000 400';
    const bad = await h.driver.submitView(LEADER, view, { lines });
    const error = (bad.json!.errors as Record<string, string>).lines;
    expect(error).toContain('第 1 行：等級「E」無效');
    expect(error).toContain('第 2 行：「EO001」不是客戶檔案中的經銷商');
    expect(error).toContain('第 3 行：額度「20萬」無效');
    // every reason of a line, on its one bullet: grade, terms and the account
    expect(error).toContain(
      '• 第 4 行：等級「Z」無效，應為 A、B、C 或 D；賬期「400」無效，應為 0 到 365 天；「NOPE」不是客戶檔案中的經銷商',
    );
    expect((await h.bot.db.creditReview.findFirstOrThrow()).status).toBe('open');
    const good = await h.driver.submitView(LEADER, view, { lines: 'ED01 A 500,000 60\ned03 b 200000.50 45' });
    expect(good.json, JSON.stringify(good.json)).toBeUndefined();
    await settle(h);
    const card = structuredClone(dmsTo(h, DEPUTY).find((m) => blocksText(m).includes('credit_approve'))!);
    expect(card.text).toContain('何麗君 提出 2 項調整');
    // the approver sees what each line was and what it becomes
    expect(blocksText(card)).toContain('ED01：尚未評級 → A（優良），額度 — → ¥500,000，賬期 — → 60 天');
    expect(dmsTo(h, LEADER).at(-1)?.text).toBe('你提出的 2026-12 信用等級調整（2 項）已送 馬曉燕 審核。');
    await h.driver.replyInThread('U0SALREP01', card, '通過');
    await settle(h);
    expect(await h.bot.db.accountCredit.count()).toBe(0);
    await h.driver.replyInThread(DEPUTY, card, '通過');
    await waitFor(async () => (await h.bot.db.accountCredit.count()) === 2, 'the approval');
    await settle(h);
    const ed03 = await h.bot.db.account.findFirstOrThrow({ where: { code: 'ED03' } });
    const credit = await h.bot.db.accountCredit.findUniqueOrThrow({ where: { accountId: ed03.id } });
    expect({ grade: credit.grade, limit: Number(credit.limitCents), terms: credit.termsDays }).toEqual({
      grade: 'B',
      limit: 20_000_050,
      terms: 45,
    });
    const history = await h.bot.db.accountCreditChange.findMany();
    expect(history.map((c) => [c.toGrade, c.fromGrade, c.proposedBy, c.approvedBy])).toEqual([
      ['A', null, LEADER, DEPUTY],
      ['B', null, LEADER, DEPUTY],
    ]);
    expect(dmsTo(h, LEADER).at(-1)?.text).toBe('2026-12 信用等級調整已由 馬曉燕 核准，2 項已生效。');
    expect(blocksText(h.fake.state.find(card.channel, card.ts))).not.toContain('"credit_approve"');
    const before = h.fake.calls.length;
    await h.driver.clickButton(DEPUTY, card, 'credit_approve');
    await settle(h);
    expect(await h.bot.db.accountCreditChange.count()).toBe(2);
    // a second click is told it was handled already, and when (the moment, not the review's month)
    const told = () =>
      h.fake.calls
        .slice(before)
        .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === DEPUTY)
        .map((c) => String(c.args.text));
    await expect.poll(() => told()[0]).toMatch(/^你已於 \d{4}-\d\d-\d\d \d\d:\d\d 處理過這件事/);
  });

  it('shows the table to SSG, SLT, an MM (their market), not a KAM or UM; on the card too; exports it', async () => {
    expect(await ask(CSR, 'credit')).toContain('ED01 滬東分銷（華東）：A（優良），額度 ¥500,000，賬期 60 天');
    expect(await ask('U0GENMGR01', 'credit')).toContain('客戶信用等級一覽表');
    const refusal = '只有 SSG 與 SLT 可以查看信用等級表；市場經理只可查看自己市場的部分。';
    expect(await ask('U0KEYACC01', 'credit')).toBe(refusal);
    expect(await ask('U0UNITMG01', 'credit')).toBe(refusal);
    // the MM of 華東 runs it: its rows, and only its
    const east = await ask('U0MKTMGR01', 'credit');
    expect(east).toContain('ED01 滬東分銷（華東）：A（優良），額度 ¥500,000，賬期 60 天');
    expect(east).not.toContain('（華北）');
    expect(await ask('U0KEYACC01', 'ED01')).toContain('*信用等級* A（優良），額度 ¥500,000，賬期 60 天');
    await ask(LEADER, 'credit export');
    await waitFor(() => h.fake.state.files.size > 0, 'the export');
    const file = [...h.fake.state.files.values()].find((f) => f.name === 'credit-ratings.xlsx')!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.data as unknown as ArrayBuffer);
    const rows = book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual([
      '客戶編碼',
      '客戶名稱',
      '市場',
      '負責人',
      '信用等級',
      '額度（元）',
      '賬期（天）',
    ]);
    expect(rows.some((r) => r[1] === 'ED03' && r[6] === '200000.50' && r[5] === 'B（良好）')).toBe(true);
  });
});
