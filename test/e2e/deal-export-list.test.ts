import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, reserve } from '../support/deal-flow.ts';

describe.each(PROVIDERS)('`/deal export`, and `/deal list` by owner and overdue on %s', (provider) => {
  let h: Harness;
  let paidId = 0;
  let lateId = 0;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const list = async (user: string, words: string) =>
    answerText((await h.driver.command(user, '/deal', `list ${words}`.trim())).json);
  const uploads = async (user: string, text: string) => {
    const before = h.fake.calls.length;
    const answer = await h.driver.command(user, '/deal', text);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const files = h.fake.calls.slice(before).filter((c) => c.method === 'file_upload');
    return { answer, files: files.map((f) => String(f.args.content)) };
  };

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const first = await customerCardOf(h, 'U0SALES001', '13900007711', '馮先生');
    paidId = await reserve(h, 'U0SALES001', first, { building: '1棟', number: '0401' });
    const errors = await actOnDeal(h, 'U0SECRET01', 'U0SALES001', paidId, 'deal_pay', {
      amount: '50,000',
      receivedOn: '2026-11-26',
      note: '=HYPERLINK("http://x")',
    });
    expect(errors).toBeUndefined();
    const second = await customerCardOf(h, 'U0SALES003', '13900008811', '秦小姐');
    lateId = await reserve(h, 'U0SALES003', second, { building: '2棟', number: '0401' });
  });
  afterAll(async () => h?.stop());

  it('gives the PM the period’s deals and payments in one .xlsx: amounts as numbers, texts as text', async () => {
    const { answer } = await uploads('U0PROJMGR1', 'export 2026-11-01 2026-11-30');
    expect(answer.status).toBe(200);
    const file = () => [...h.fake.state.files.values()].find((f) => f.name === 'deals-2026-11-01-2026-11-30.xlsx');
    await expect.poll(file).toBeTruthy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file()!.data as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['成交', '回款']);
    const [deals, payments] = book.worksheets;
    const values = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(deals, 1)).toEqual(
      '成交編號,認購日期,棟,房號,客戶,負責人,狀態,標價,折扣,成交價,定金,合同編號,簽約日期,合同總價,付款方式,已收'.split(
        ',',
      ),
    );
    expect(deals.rowCount).toBe(3);
    const paid = values(deals, 2);
    expect(paid.slice(0, 7)).toEqual([paidId, '2026-11-26', '1棟', '0401', '馮先生', '周子豪', '已認購']);
    // 定金 and 已收: number cells, to the cent, shown with two decimals
    expect([paid[10], paid[15]]).toEqual([50000, 50000]);
    expect(deals.getRow(2).getCell(11).numFmt).toBe('#,##0.00');
    const payment = values(payments, 2);
    expect(payment.slice(3, 11)).toEqual(['1棟', '0401', '馮先生', '周子豪', '回款', 50000, '2026-11-26', '張雅婷']);
    // a note typed as a formula is a text cell, never a formula Excel would run
    expect(payment[11]).toBe('=HYPERLINK("http://x")');
    expect(JSON.stringify([values(deals, 2), values(deals, 3), payment])).not.toContain('13900007711');
    // one workbook, no CSV beside it
    const names = [...h.fake.state.files.values()].map((f) => f.name).filter((n) => n.includes('2026-11-01'));
    expect(names).toEqual(['deals-2026-11-01-2026-11-30.xlsx']);
  });

  it('still gives two CSV files with a BOM on asking `csv`, formulas neutralised', async () => {
    const { answer, files } = await uploads('U0PROJMGR1', 'export 2026-11-01 2026-11-30 csv');
    expect(answer.status).toBe(200);
    expect(files).toHaveLength(2);
    const [deals, payments] = files;
    expect(deals.startsWith('\uFEFF')).toBe(true);
    const dealLines = deals.replace('\uFEFF', '').trim().split('\r\n');
    expect(dealLines[0]).toBe(
      '成交編號,認購日期,棟,房號,客戶,負責人,狀態,標價,折扣,成交價,定金,合同編號,簽約日期,合同總價,付款方式,已收',
    );
    expect(dealLines).toHaveLength(3);
    expect(dealLines[1]).toMatch(
      new RegExp(`^${paidId},2026-11-26,1棟,0401,馮先生,周子豪,已認購,.*,50000\\.00,,,,,50000\\.00$`),
    );
    expect(deals).not.toContain('13900007711');
    const paymentLines = payments.replace('\uFEFF', '').trim().split('\r\n');
    expect(paymentLines[0]).toBe('回款編號,成交編號,合同編號,棟,房號,客戶,負責人,類別,金額,收款日期,登記人,備註');
    expect(paymentLines[1]).toContain(`,${paidId},,1棟,0401,馮先生,周子豪,回款,50000.00,2026-11-26,張雅婷,`);
    expect(paymentLines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(answerText(answer.json) + JSON.stringify(h.fake.calls.at(-1)?.args ?? {})).toContain('成交 2');
  });

  it('refuses the export to a salesperson and a team lead, and explains a bad period', async () => {
    for (const who of ['U0SALES001', 'U0TLEAD001']) {
      const { files } = await uploads(who, 'export');
      expect(files, who).toHaveLength(0);
    }
    const refused = await h.driver.command('U0TLEAD001', '/deal', 'export');
    expect(JSON.stringify(refused.json ?? '') + JSON.stringify(h.fake.calls.slice(-3))).toContain(
      '只有專案經理、副專與女專可以匯出成交',
    );
    const { files } = await uploads('U0SECRET01', 'export 2026-11-31 2026-12-01');
    expect(files).toHaveLength(0);
  });

  it('lists only the deals with an overdue item, for the office and for the owner’s lead', async () => {
    clock.set('2026-11-28T02:00:00Z');
    const office = await list('U0DEPUTY01', 'overdue');
    expect(office).toContain(`#${lateId} 2棟 0401`);
    expect(office).not.toContain(`#${paidId} `);
    expect(await list('U0TLEAD001', '逾期')).not.toContain(`#${lateId} `);
    expect(await list('U0TLEAD002', '逾期')).toContain(`#${lateId} `);
  });

  it('lists one owner’s deals for those who may see them, and says no to the others', async () => {
    const pm = await list('U0PROJMGR1', '<@U0SALES003|許家銘>');
    expect(pm).toContain(`#${lateId} `);
    expect(pm).not.toContain(`#${paidId} `);
    expect(await list('U0TLEAD002', '<@U0SALES003> 認購 overdue')).toContain(`#${lateId} `);
    expect(await list('U0TLEAD001', '<@U0SALES003>')).toContain('你沒有權限查看「許家銘」的成交');
    expect(await list('U0SALES001', '<@U0SALES001>')).toContain(`#${paidId} `);
    expect(await list('U0SALES001', 'soon')).toContain('不認得「soon」');
  });

  it('sums up only the deals of the filter, and says which filter found none', async () => {
    const sold = await list('U0PROJMGR1', '已售');
    expect(sold).toContain('沒有符合的成交');
    expect(sold).not.toContain('已認購：');
    expect(sold).not.toContain('沒有成交。');
    const reserved = await list('U0PROJMGR1', '認購');
    expect(reserved).toContain('已認購：2 筆');
    const none = await list('U0TLEAD001', '逾期');
    expect(none).toContain('沒有逾期的成交');
    expect(none).not.toContain('已認購：');
    expect(await list('U0DEPUTY01', 'overdue')).toContain('已認購：1 筆');
  });

  it('names a bad date of the export and shows the usage, in Chinese and in English', async () => {
    // the export acks at once and answers through the response URL
    const said = async (words: string) => {
      const before = h.fake.calls.length;
      await h.driver.command('U0SECRET01', '/deal', words);
      const answered = () => h.fake.calls.slice(before).find((c) => c.method === 'response_url');
      await expect.poll(() => answered() !== undefined).toBe(true);
      return answerText(answered()!.args);
    };
    const zh = await said('export 2026-11-31 2026-12-01');
    expect(zh).toContain('不認得日期「2026-11-31」');
    expect(zh).toContain('用法：/deal export 起日 迄日');
    expect(await said('export 2026-11-01 明天')).toContain('不認得日期「明天」');
    expect(await said('export 2026-12-01 2026-11-01')).toContain('起日 2026-12-01 晚於迄日 2026-11-01');
    await h.driver.command('U0SECRET01', '/org', 'lang en');
    const en = await said('export 2026-11-01 11/30');
    expect(en).toContain('Unknown date "11/30"');
    expect(en).toContain('Usage: /deal export FROM TO');
  });
});
