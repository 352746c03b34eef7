import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { blocksText, dmsTo, waitFor } from '../support/visit-flow.ts';

const LEADER = 'U0SSGLEAD1';
const CSR_NORTH = 'U0CSREP002'; // 高婉清 serves NE, N, NW and C

describe.each(PROVIDERS)('the logistics table on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
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
  const tickOn = async (at: string) => {
    clock.set(at);
    await h.bot.scheduler.tick();
    await h.flushOutbox();
  };

  it('lets the SSG set a line, logged, and shows it in the table; a KAM may not', async () => {
    const line = 'ND01 北京市朝陽路 1 號｜張三｜北京倉｜順豐｜2｜需預約';
    expect(await ask(CSR_NORTH, `logistics ${line}`)).toBe('已更新 ND01 的儲運信息。');
    expect(await ask('U0KEYACC03', `logistics ${line}`)).toBe('只有 SSG 可以更新或確認儲運信息。');
    expect(await ask(CSR_NORTH, 'logistics ND02 只有地址')).toContain(
      '請寫「地址｜收貨人｜倉庫｜承運商｜天數｜卸貨說明」',
    );
    expect(await ask(CSR_NORTH, 'logistics ND02 地址｜李四｜倉｜德邦｜120')).toContain('到貨天數「120」無效');
    expect(await ask(LEADER, 'logistics')).toContain('客戶儲運信息維護表');
    const table = await ask(LEADER, 'logistics 華北');
    expect(table).toMatch(/^華北 客戶儲運信息維護表（3\d 家）/);
    expect(table).toContain(
      'ND01 京北分銷：北京市朝陽路 1 號；收貨人 張三；倉庫 北京倉；承運商 順豐；2 天到貨；卸貨 需預約（2026-11-26 ' +
        '確認）',
    );
    expect(await ask('U0KEYACC03', 'logistics')).toBe(
      '只有 SSG 與 SLT 可以查看儲運信息表；市場經理只可查看自己市場的部分。',
    );
    // the MM of 華北 sees its rows and no other market's
    const north = await ask('U0MKTMGR02', 'logistics');
    expect(north).toContain('ND01 京北分銷：北京市朝陽路 1 號');
    expect(north).not.toContain('ED01');
    expect(await ask('U0KEYACC03', 'ND01')).toContain('*儲運信息* 北京市朝陽路 1 號；收貨人 張三');
    expect(await h.bot.db.accountLogisticsChange.count()).toBe(1);
  });

  it('reminds each responsible CSR monthly, and lists lines unconfirmed for two months to the SSG leader', async () => {
    await tickOn('2026-12-01T01:30:00Z'); // 09:30 local on the 1st
    const reminder = dmsTo(h, CSR_NORTH).find((m) => m.text.startsWith('本月請確認或更新你負責的'))!;
    expect(reminder.text).toMatch(/你負責的 \d+ 家客戶/);
    expect(blocksText(reminder)).toContain('ND01 京北分銷');
    expect(blocksText(reminder)).not.toContain('ED01');
    expect(blocksText(dmsTo(h, LEADER).find((m) => m.text.startsWith('本月請確認'))!)).toContain('ED01');
    expect(dmsTo(h, LEADER).some((m) => m.text.includes('超過兩個月未確認'))).toBe(false);
    await tickOn('2027-02-01T01:30:00Z');
    const stale = dmsTo(h, LEADER).find((m) => m.text.includes('超過兩個月未確認'))!;
    expect(stale.text).toBe('以下 1 家客戶的儲運信息已超過兩個月未確認：');
    expect(blocksText(stale)).toContain('ND01 京北分銷');
    expect(await ask(CSR_NORTH, 'logistics confirm ND01 ND02')).toBe('已確認：ND01\n尚未填寫、無法確認：ND02');
    expect(await h.bot.db.accountLogisticsChange.count()).toBe(2);
    expect(await ask(LEADER, 'logistics export')).toMatch(/已匯出客戶儲運信息維護表（\d+ 家）/);
    const file = [...h.fake.state.files.values()].find((f) => f.name === 'logistics.xlsx')!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.data as unknown as ArrayBuffer);
    const rows = book.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === 'ND01')?.slice(1, 10)).toEqual([
      'ND01',
      '京北分銷',
      '華北',
      '北京市朝陽路 1 號',
      '張三',
      '北京倉',
      '順豐',
      2,
      '需預約',
    ]);
  });
});
