import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { waitFor } from '../support/visit-flow.ts';
import { BRAND_ACCOUNTS_ORG, HEADING, csvOf, sampleCsv, uploadInDm, xlsxOf } from '../support/account-flow.ts';

const SSG_LEADER = 'U0SSGLEAD1';

describe.each(PROVIDERS)('importing the account register on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ORG, clock });
  });
  afterAll(async () => {
    await h?.stop();
  });
  const count = () => h.bot.db.account.count();

  it('imports the sample CSV uploaded in a DM by the SSG, with the message updated in place', async () => {
    const answer = await uploadInDm(h, SSG_LEADER, 'accounts-brand.csv', sampleCsv());
    expect(answer.text).toContain(
      '客戶檔案 accounts-brand.csv 已匯入：共 296 筆，新增 296 筆，更新 0 筆，未變更 0 筆。',
    );
    expect(answer.edited).toBe(true);
    expect(h.fake.callsTo('chat.update').some((c) => c.args.ts === answer.ts)).toBe(true);
    expect(await count()).toBe(296);
    const markets = await h.bot.db.account.groupBy({ by: ['market'], _count: true });
    expect(markets.map((m) => m.market).sort()).toEqual(['C', 'E', 'N', 'NE', 'NW', 'S', 'SD', 'SW']);
    const hudong = await h.bot.db.account.findFirstOrThrow({
      where: { name: '滬東分銷' },
      include: { contacts: true },
    });
    expect(hudong).toMatchObject({ kind: 'distributor', market: 'E', ownerId: 'U0KEYACC01', status: 'active' });
    expect(hudong.contacts[0].phone).toMatch(/^\+861\d{10}$/);
  });

  it('imports the same file again as 未變更, writing nothing; a changed row alone is 更新', async () => {
    const contactsBefore = await h.bot.db.accountContact.count();
    const written = async () => (await h.bot.db.account.findMany({ orderBy: { code: 'asc' } })).map((a) => a.updatedAt);
    const stamps = await written();
    clock.set('2026-11-26T03:00:00Z');
    const answer = await uploadInDm(h, SSG_LEADER, 'accounts-brand.csv', sampleCsv());
    expect(answer.text).toContain('新增 0 筆，更新 0 筆，未變更 296 筆');
    expect(await count()).toBe(296);
    expect(await h.bot.db.accountContact.count()).toBe(contactsBefore);
    expect(await written()).toEqual(stamps);
    const moved = sampleCsv()
      .toString('utf8')
      .replace('滬東分銷,經銷商,,批發,華東,上海,', '滬東分銷,經銷商,,批發,華東,蘇州,');
    const again = await uploadInDm(h, SSG_LEADER, 'accounts-brand.csv', Buffer.from(moved));
    expect(again.text).toContain('新增 0 筆，更新 1 筆，未變更 295 筆');
    expect(await h.bot.db.account.findFirstOrThrow({ where: { code: 'ED01' } })).toMatchObject({ area: '蘇州' });
  });

  it('refuses a CSV with bad rows, naming each line and reason, and changes nothing', async () => {
    const rows = [
      HEADING,
      [
        'ZZ001',
        '新客戶甲',
        '經銷商',
        '',
        '批發',
        '華東',
        '上海',
        '上海市',
        '彭麗',
        '正常',
        '2024-03-05',
        '王先生',
        '13900000001',
      ],
      ['ZZ002', '新客戶乙', '門市', '', '', '華東', '', '', '', '', '2024-03-05', '', ''],
      ['ZZ003', '新客戶丙', '網點', 'NOPE', '', '火星', '', '', '', '', '2024-03-05', '', ''],
      ['ZZ001', '新客戶丁', '網點', '', '', '華北', '', '', '袁芳', '', '2024-13-01', '', ''],
      ['ZZ005', '新客戶戊', '網點', 'ZZ001', '', '華北', '', '', '彭麗', '', '2024-03-05', '', ''],
      ['ZZ006', '新客戶己', '網點', '', '', '華東', '上'.repeat(41), '', '', '', '2024-03-05', '', ''],
    ];
    const answer = await uploadInDm(h, SSG_LEADER, 'bad.csv', csvOf(rows));
    expect(answer.text).toContain('客戶檔案 bad.csv 未匯入，沒有任何變更');
    expect(answer.text).toContain('第 3 行：客戶類型「門市」無效');
    expect(answer.text).toContain('第 4 行：市場「火星」不在組織檔中');
    // line 5 has two reasons: its date, and its code already on line 2
    expect(answer.text).toContain(
      '第 5 行：開戶日期「2024-13-01」無效，應為 2024-03-05 這樣的日期；客戶編碼重複，與第 2 行相同',
    );
    expect(answer.text).toContain('第 6 行：負責人「彭麗」不負責這個市場');
    expect(answer.text).toContain('第 7 行：欄位 區域 太長');
    expect(answer.text).not.toContain('• 第 2 行');
    expect(await count()).toBe(296);
    expect(await h.bot.db.account.findFirst({ where: { code: 'ZZ001' } })).toBeNull();
  });

  it('names every reason of a bad row on its line, not only the first, and applies no row of the file', async () => {
    const rows = [
      HEADING,
      ['ZZ020', '新客戶庚', '網點', '', '', '華東', '', '', '', '', '2024-03-05', '', ''],
      ['ZZ021', '新客戶辛', '門市', '', '', '火星', '上'.repeat(41), '', '', '休假', '2024-13-01', '', ''],
    ];
    const answer = await uploadInDm(h, SSG_LEADER, 'many.csv', csvOf(rows));
    expect(answer.text).toContain('客戶檔案 many.csv 未匯入，沒有任何變更');
    expect(answer.text).toContain(
      '• 第 3 行：客戶類型「門市」無效，應為 經銷商 或 網點；市場「火星」不在組織檔中；' +
        '狀態「休假」無效，應為 正常、休眠 或 關閉；' +
        '開戶日期「2024-13-01」無效，應為 2024-03-05 這樣的日期；欄位 區域 太長',
    );
    expect(answer.text).not.toContain('第 2 行');
    expect(await h.bot.db.account.findFirst({ where: { code: { in: ['ZZ020', 'ZZ021'] } } })).toBeNull();
  });

  it('refuses the same name and phone under another code, naming the account that has it', async () => {
    const hudong = await h.bot.db.account.findFirstOrThrow({
      where: { name: '滬東分銷' },
      include: { contacts: true },
    });
    const phone = hudong.contacts[0].phone.slice(3);
    const rows = [
      HEADING,
      ['ZZ010', '滬東分銷', '經銷商', '', '批發', '華東', '上海', '', '', '', '2024-03-05', '王', phone],
    ];
    const answer = await uploadInDm(h, SSG_LEADER, 'twin.csv', csvOf(rows));
    expect(answer.text).toContain(`第 2 行：同名同電話的客戶已存在：${hudong.code}`);
    expect(await count()).toBe(296);
  });

  it('imports an XLSX with dates as cells, and refuses a bad one by line', async () => {
    const good = await xlsxOf([
      HEADING,
      [
        'XL001',
        '華東新開經銷',
        '經銷商',
        '',
        '批發',
        'E',
        '南京',
        '南京市',
        '董浩',
        '正常',
        new Date(Date.UTC(2025, 5, 1)),
        '周小姐',
        '13900000011',
      ],
      ['XL002', '華東新開網點', '網點', 'XL001', '超市', 'E', '南京', '南京市', '', '休眠', '2025/6/2', '', ''],
    ]);
    const ok = await uploadInDm(h, SSG_LEADER, 'erp.xlsx', good);
    expect(ok.text).toContain('共 2 筆，新增 2 筆');
    expect(await h.bot.db.account.findFirstOrThrow({ where: { code: 'XL001' } })).toMatchObject({
      openedOn: '2025-06-01',
      ownerId: 'U0KEYACC02',
    });
    expect((await h.bot.db.account.findFirstOrThrow({ where: { code: 'XL002' } })).status).toBe('dormant');
    const bad = await xlsxOf([HEADING, ['XL003', '', '網點', '', '', 'E', '', '', '', '', '2025-06-01', '', '12345']]);
    const refused = await uploadInDm(h, SSG_LEADER, 'erp-bad.xlsx', bad);
    expect(refused.text).toContain('第 2 行：客戶名稱必填');
    expect(await count()).toBe(298);
  });

  it('refuses a heading without the required columns, and a file that is not a spreadsheet', async () => {
    const answer = await uploadInDm(
      h,
      SSG_LEADER,
      'short.csv',
      csvOf([
        ['客戶編碼', '客戶名稱'],
        ['A1', 'x'],
      ]),
    );
    // the columns as the file format names them, never the fields' internal keys
    expect(answer.text).toContain('缺少欄位：客戶類型, 市場, 開戶日期');
    const broken = await uploadInDm(h, SSG_LEADER, 'broken.xlsx', Buffer.from('not a zip'));
    expect(broken.text).toContain('無法讀取檔案 broken.xlsx');
  });

  it('tells a KAM who uploads a register that only the SSG imports it, and changes nothing', async () => {
    const answer = await uploadInDm(h, 'U0KEYACC01', 'accounts.csv', csvOf([HEADING]));
    expect(answer.text).toBe('只有 SSG 可以匯入 ERP 匯出的檔案（客戶、商品、訂單、發運、發票、收款、返利與折讓）。');
  });
});

describe.each(PROVIDERS)('the register named in the org file on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider, orgFile: BRAND_ACCOUNTS_ORG });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('is imported at start and again by /org reload, changing nothing the second time', async () => {
    expect(await h.bot.db.account.count()).toBe(296);
    const before = h.fake.calls.length;
    await h.driver.command('U0GENMGR01', '/org', 'reload');
    const reply = () => h.fake.calls.slice(before).find((c) => c.method === 'response_url');
    await waitFor(() => reply() !== undefined, 'the reload reply', 30_000);
    expect(answerText(reply()!.args)).toContain(
      '客戶檔案 accounts-brand.csv 已匯入：共 296 筆，新增 0 筆，更新 0 筆，未變更 296 筆。',
    );
    expect(await h.bot.db.account.count()).toBe(296);
  });
});
