import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { actOnDeal, customerCardOf, reserve } from '../support/deal-flow.ts';
import { blocksText, dmsTo, settle } from '../support/visit-flow.ts';

/**
 * A trial: December's export left out a deal reserved in November and cancelled in December, and one
 * reserved in November that was paid in December. A deal belongs to the period anything happened to it in.
 */
describe.each(PROVIDERS)('`/deal export` lists every deal something happened to in the period, on %s', (provider) => {
  let h: Harness;
  const ids = { cancelled: 0, paid: 0, quiet: 0 };
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const PM = 'U0PROJMGR1';
  const SELLER = 'U0SALES001';
  const SECRETARY = 'U0SECRET01';

  /** The workbook's two sheets as rows of values, header first. */
  const exported = async (from: string, to: string) => {
    await h.driver.command(PM, '/deal', `export ${from} ${to}`);
    const name = `deals-${from}-${to}.xlsx`;
    const file = () => [...h.fake.state.files.values()].filter((f) => f.name === name).at(-1);
    await expect.poll(file).toBeTruthy();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file()!.data as unknown as ArrayBuffer);
    const rows = (sheet: ExcelJS.Worksheet) =>
      sheet.getRows(2, sheet.rowCount - 1)?.map((row) => (row.values as unknown[]).slice(1)) ?? [];
    const [deals, payments] = book.worksheets;
    return { deals: rows(deals), payments: rows(payments) };
  };

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const units = ['0501', '0502', '0503'];
    const names = ['甘先生', '江小姐', '史先生'];
    const reserved: number[] = [];
    for (const [i, number] of units.entries()) {
      const card = await customerCardOf(h, SELLER, `1390000552${i}`, names[i]);
      reserved.push(await reserve(h, SELLER, card, { building: '1棟', number }));
    }
    [ids.cancelled, ids.paid, ids.quiet] = reserved;
    const pay = { amount: '50,000', receivedOn: '2026-11-26' };
    expect(await actOnDeal(h, SECRETARY, SELLER, ids.cancelled, 'deal_pay', pay)).toBeUndefined();
    // asked on November 30th, the cancellation and its refund approved in December; one paid then, one left alone
    clock.set('2026-11-30T02:00:00Z');
    const cancel = { reason: '客戶改買別處', refund: '30,000' };
    expect(await actOnDeal(h, SELLER, SELLER, ids.cancelled, 'deal_cancel', cancel)).toBeUndefined();
    clock.set('2026-12-02T02:00:00Z');
    const request = dmsTo(h, PM)
      .filter((m) => blocksText(m).includes('deal_cancel_approve'))
      .at(-1)!;
    await h.driver.clickButton(PM, request, 'deal_cancel_approve');
    await settle(h);
    expect((await h.bot.db.deal.findUniqueOrThrow({ where: { id: ids.cancelled } })).stage).toBe('cancelled');
    clock.set('2026-12-03T02:00:00Z');
    const paid = { amount: '20,000', receivedOn: '2026-12-03' };
    expect(await actOnDeal(h, SECRETARY, SELLER, ids.paid, 'deal_pay', paid)).toBeUndefined();
  }, 90_000);
  afterAll(async () => h?.stop());

  it('December: the deal cancelled and the deal paid then, both reserved in November; not the quiet one', async () => {
    const { deals, payments } = await exported('2026-12-01', '2026-12-31');
    expect(deals.map((row) => row[0])).toEqual([ids.cancelled, ids.paid]);
    const [cancelled, paid] = deals;
    // reserved in November, as the row says; 已收 is what the site kept
    expect(cancelled.slice(1, 7)).toEqual(['2026-11-26', '1棟', '0501', '甘先生', '周子豪', '已退訂']);
    expect(cancelled[15]).toBe(20000);
    expect(paid.slice(1, 7)).toEqual(['2026-11-26', '1棟', '0502', '江小姐', '周子豪', '已認購']);
    // the payments sheet: what was received or refunded in December, each of a deal on the deals sheet
    expect(payments.map((row) => [row[1], row[7], row[8], row[9]])).toEqual([
      [ids.cancelled, '退款', 30000, '2026-12-02'],
      [ids.paid, '回款', 20000, '2026-12-03'],
    ]);
  });

  it('November: the three reserved then, and the deposit paid then; the refund is December’s', async () => {
    const { deals, payments } = await exported('2026-11-01', '2026-11-30');
    expect(deals.map((row) => row[0])).toEqual([ids.cancelled, ids.paid, ids.quiet]);
    expect(payments.map((row) => [row[1], row[7], row[8], row[9]])).toEqual([
      [ids.cancelled, '回款', 50000, '2026-11-26'],
    ]);
  });
});
