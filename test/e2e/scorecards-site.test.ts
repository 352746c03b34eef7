import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { dmsTo } from '../support/visit-flow.ts';
import { imagesIn } from '../../src/fake-slack/file-uploads.ts';
import { scorecardChartHeight } from '../../src/views/charts/scorecard-chart.ts';
import { pngSize } from '../support/png.ts';
import { untilShared } from '../support/chart-flow.ts';

/**
 * The deals ledger of the site test: 周子豪 reserved and signed one unit in November and another in
 * December, with money in each month; 鄭欣怡 reserved one in December whose down payment, due on the
 * 20th, was 300,000 short at the month's end (paid on 3 January). (Times in UTC; Shanghai is 8 hours ahead.)
 */
async function seedDeals(h: Harness): Promise<void> {
  const db = h.bot.db;
  const units = await db.unit.findMany({ orderBy: { id: 'asc' }, take: 3 });
  const at = (iso: string) => new Date(iso);
  const deal = async (o: { unit: number; owner: string; price: number; reserved: string; contracted?: string }) => {
    const customer = await db.customer.create({
      data: {
        orgId: 1,
        phone: `1380000000${o.unit}`,
        name: `客戶${o.unit}`,
        ownerId: o.owner,
        stage: 'deal',
        stageChangedAt: at(o.reserved),
        firstVisitAt: at(o.reserved),
        lastVisitAt: at(o.reserved),
        createdAt: at(o.reserved),
      },
    });
    return db.deal.create({
      data: {
        orgId: 1,
        unitId: units[o.unit].id,
        customerId: customer.id,
        ownerId: o.owner,
        stage: o.contracted ? 'contracted' : 'reserved',
        stageChangedAt: at(o.contracted ?? o.reserved),
        listPriceCents: o.price,
        priceCents: o.price,
        discountCents: 0,
        depositCents: 5_000_000,
        depositDate: o.reserved.slice(0, 10),
        signByDate: '2027-01-31',
        contractNo: o.contracted ? `HT-${o.unit}` : null,
        totalCents: o.contracted ? o.price : null,
        contractedAt: o.contracted ? at(o.contracted) : null,
        createdAt: at(o.reserved),
      },
    });
  };
  const paid = (dealId: number, amountCents: number, receivedOn: string) =>
    db.dealPayment.create({
      data: {
        orgId: 1,
        dealId,
        amountCents,
        receivedOn,
        kind: 'payment',
        by: 'U0SECRET01',
        at: at(`${receivedOn}T04:00:00Z`),
      },
    });
  const nov = await deal({
    unit: 0,
    owner: 'U0SALES001',
    price: 200_000_000,
    reserved: '2026-11-03T04:00:00Z',
    contracted: '2026-11-10T04:00:00Z',
  });
  await paid(nov.id, 30_000_000, '2026-11-10');
  const dec = await deal({
    unit: 1,
    owner: 'U0SALES001',
    price: 250_000_000,
    reserved: '2026-12-05T04:00:00Z',
    contracted: '2026-12-15T04:00:00Z',
  });
  await paid(dec.id, 50_000_000, '2026-12-16');
  await paid(dec.id, -1_000_000, '2026-12-17').then((p) =>
    db.dealPayment.update({ where: { id: p.id }, data: { kind: 'refund' } }),
  );
  const owing = await deal({ unit: 2, owner: 'U0SALES002', price: 200_000_000, reserved: '2026-12-10T04:00:00Z' });
  await db.dealDueItem.create({
    data: {
      orgId: 1,
      dealId: owing.id,
      ownerId: 'U0SALES002',
      kind: 'down_payment',
      dueDate: '2026-12-20',
      amountCents: 30_000_000,
    },
  });
  // paid on 3 January, after December's end and before its scorecard: the ledger now shows it settled,
  // but at the month's end it was owed
  await paid(owing.id, 30_000_000, '2027-01-03');
  await db.dealDueItem.updateMany({
    where: { dealId: owing.id, kind: 'down_payment' },
    data: { paidCents: 30_000_000, doneAt: at('2027-01-03T04:00:00Z') },
  });
  // due after December: not overdue at its end
  await db.dealDueItem.create({
    data: {
      orgId: 1,
      dealId: owing.id,
      ownerId: 'U0SALES002',
      kind: 'final',
      dueDate: '2027-01-20',
      amountCents: 150_000_000,
    },
  });
}

describe(`a property site's scorecards on the 3rd working day of its own calendar (${ONE_PROVIDER})`, () => {
  let h: Harness;
  // New Year 2027: 1 and 4 January off, Saturday 2 January worked instead (調休). The 3rd working day is
  // Wednesday the 6th, not Tuesday the 5th as weekdays alone would have it.
  const clock = new FixedClock(new Date('2027-01-02T01:05:00Z'));
  const TL = 'U0TLEAD001'; // 劉大偉, over 周子豪 (U0SALES001) and 鄭欣怡 (U0SALES002)
  const PM = 'U0PROJMGR1';
  beforeAll(async () => {
    h = await startHarness({
      provider: ONE_PROVIDER,
      clock,
      env: { HOLIDAYS: '2027-01-01,2027-01-04', MAKEUP_WORKDAYS: '2027-01-02' },
    });
    const db = h.bot.db;
    // December: contracts against target, 周子豪 6 of 5, 鄭欣怡 2 of 4, 許家銘 (reading English) 1 of 2
    for (const [personId, target, actual] of [
      ['U0SALES001', 5, 6],
      ['U0SALES002', 4, 2],
      ['U0SALES003', 2, 1],
    ] as const) {
      await db.target.create({
        data: {
          orgId: 1,
          period: '2026-12',
          scopeKind: 'person',
          scopeId: personId,
          metric: 'contracts',
          value: target,
          setBy: PM,
          setAt: clock.now(),
        },
      });
      await db.actualTotal.create({
        data: { orgId: 1, personId, month: '2026-12', metric: 'contracts', value: actual },
      });
    }
    // November too, for the change: 周子豪 5 of 5, 鄭欣怡 4 of 4
    for (const [personId, value] of [
      ['U0SALES001', 5],
      ['U0SALES002', 4],
    ] as const) {
      await db.target.create({
        data: {
          orgId: 1,
          period: '2026-11',
          scopeKind: 'person',
          scopeId: personId,
          metric: 'contracts',
          value,
          setBy: PM,
          setAt: clock.now(),
        },
      });
      await db.actualTotal.create({ data: { orgId: 1, personId, month: '2026-11', metric: 'contracts', value } });
    }
    await seedDeals(h);
    await h.driver.command('U0SALES003', '/org', 'lang en');
  });
  afterAll(async () => h?.stop());

  const scorecardsTo = (id: string) => dmsTo(h, id).filter((m) => /考評|scorecard/i.test(m.text));
  const at = async (instant: string) => {
    clock.set(instant);
    await h.bot.scheduler.tick();
    await h.flushOutbox();
  };

  it('waits past the holiday, counts the make-up Saturday, and sends on the 3rd working day, once', async () => {
    await at('2027-01-02T01:05:00Z'); // Saturday 2nd, worked: the 1st working day
    await at('2027-01-05T01:05:00Z'); // Tuesday 5th: the 2nd (the 3rd weekday)
    expect(scorecardsTo('U0SALES001')).toEqual([]);
    await at('2027-01-06T01:05:00Z'); // Wednesday 6th: the 3rd
    const [mine] = scorecardsTo('U0SALES001').map((m) => m.text);
    expect(mine).toContain('📋 周子豪 2026-12 考評：總分 67（');
    expect(mine).toContain('銷售達成：120%（第 1/3，較上月 +20 pt）');
    expect(mine).not.toContain('OSB'); // a site has no order → shipment → billing chain
    // the deals ledger: ranked among the three salespeople, with November's for the change
    expect(mine).toContain('• 認購：1 套，¥2,500,000（第 1/3，較上月 ±0 套、+¥500,000）');
    expect(mine).toContain('• 簽約：1 套，¥2,500,000（第 1/3，較上月 ±0 套、+¥500,000）');
    // less the ¥10,000 refunded, as /targets counts 回款
    expect(mine).toContain('• 回款：¥490,000（第 1/3，較上月 +¥190,000）');
    expect(mine).toContain('• 逾期欠款（月底前到期未付）：¥0（並列第 1/3，較上月 ±¥0）');
    const [hers] = scorecardsTo('U0SALES002').map((m) => m.text);
    expect(hers).toContain('• 認購：1 套，¥2,000,000（第 2/3，較上月 +1 套、+¥2,000,000）');
    expect(hers).toContain('• 簽約：0 套，¥0（並列第 2/3，較上月 ±0 套、±¥0）');
    // as it stood at the month's end: the payment of 3 January does not lower December's arrears
    expect(hers).toContain('• 逾期欠款（月底前到期未付）：¥300,000（第 3/3，較上月 +¥300,000）');
    expect(hers).not.toContain('市場占有率'); // a site has no markets
    const [english] = scorecardsTo('U0SALES003').map((m) => m.text);
    expect(english).toContain('許家銘, scorecard for 2026-12: score 33 (#2 of 3');
    expect(english).toContain('Sales attainment: 50% (#2 of 3 (tied), no figure last month)');
    expect(english).toContain('• Collections: ¥0 (#2 of 3 (tied), no figure last month)');
    // the project manager is the site's only one: no rank among one, and no score
    const [pm] = scorecardsTo(PM)
      .filter((m) => m.text.includes('📋 王建國'))
      .map((m) => m.text);
    expect(pm).toContain('總分 —（專案經理無同級可比，不計總分）');
    expect(pm).toContain('• 回款：¥490,000（無同級可比，較上月 +¥190,000）');
    // the team lead: the table of their two, then a chart of their scores
    await untilShared(h, TL, 1);
    const table = scorecardsTo(TL).find((m) => m.text.includes('2026-12 下屬考評'));
    expect(table?.text).toContain('• 周子豪：總分 67，銷售達成 120%');
    expect(table?.text).toContain('簽約 1 套，回款 ¥490,000，逾期欠款 ¥0');
    expect(table?.text).toContain('• 鄭欣怡：總分 33，銷售達成 50%');
    const chart = h.fake.state.inChannel(TL).find((m) => m.files?.length);
    expect(chart?.files?.[0].title).toBe('劉大偉 下屬考評總分 2026-12');
    expect(chart?.text).toContain('周子豪 總分 67（銷售達成 120%）');
    expect(pngSize(imagesIn(h.fake.state, TL)[0].data)).toEqual({ width: 800, height: scorecardChartHeight(2) });
    // the project manager: the team leads' table; a site has no markets, so no markets' table
    await untilShared(h, PM, 1);
    expect(scorecardsTo(PM).some((m) => m.text.includes('• 劉大偉：總分'))).toBe(true);
    expect(h.fake.state.messages.some((m) => m.text.includes('各市場考評'))).toBe(false);
    // the next morning, and a second tick, send nothing again
    const sent = h.fake.state.messages.length;
    await h.bot.scheduler.tick();
    await at('2027-01-07T01:05:00Z');
    expect(h.fake.state.messages.filter((m) => /考評|scorecard/i.test(m.text))).toHaveLength(
      h.fake.state.messages.slice(0, sent).filter((m) => /考評|scorecard/i.test(m.text)).length,
    );
    expect(await h.bot.db.auditEntry.count({ where: { action: 'scorecards.sent', subject: '2026-12' } })).toBe(1);
  });
});
