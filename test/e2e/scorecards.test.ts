import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { dmsTo } from '../support/visit-flow.ts';
import { imagesIn } from '../../src/fake-slack/file-uploads.ts';
import { scorecardChartHeight } from '../../src/views/charts/scorecard-chart.ts';
import { pngSize } from '../support/png.ts';
import { untilShared } from '../support/chart-flow.ts';

const KAM1 = 'U0KEYACC01'; // 彭麗, under UM 唐文傑 (U0UNITMG01)
const KAM2 = 'U0KEYACC02'; // 董浩, under UM 韓雪 (U0UNITMG02)
const MM = 'U0MKTMGR01'; // 梁志遠, market 華東, under the deputy director, who owns 華東
const MM2 = 'U0MKTMGR02'; // 宋建華, market 華北, under the sales director
const KAM3 = 'U0KEYACC03'; // 袁芳, under UM 曹永, under 宋建華
const SLT = 'U0DEPDIR01';

describe(`monthly scorecards on the 3rd working day (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-30T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock, orgFile: BRAND_ORG });
    const db = h.bot.db;
    const target = (period: string, scopeId: string, metric: string, value: number) =>
      db.target.create({
        data: {
          orgId: 1,
          period,
          scopeKind: 'person',
          scopeId,
          metric,
          value,
          setBy: 'U0DEPDIR01',
          setAt: clock.now(),
        },
      });
    const actual = (month: string, personId: string, value: number) =>
      db.actualTotal.create({ data: { orgId: 1, personId, month, metric: 'amount', value } });
    // November: 彭麗 120% of 100,000, 董浩 80%; October: both 100%
    for (const [period, a1, a2] of [
      ['2026-11', 12_000_000, 8_000_000],
      ['2026-10', 10_000_000, 10_000_000],
    ] as const) {
      await target(period, KAM1, 'amount', 10_000_000);
      await target(period, KAM2, 'amount', 10_000_000);
      await actual(period, KAM1, a1);
      await actual(period, KAM2, a2);
    }
    await target('2026-11', KAM1, 'expense:差旅', 200_000);
    // coverage (分銷網點) too: 彭麗 40 of 50 outlets, 董浩 55 of 50
    for (const [person, outlets] of [
      [KAM1, 40],
      [KAM2, 55],
    ] as const) {
      await target('2026-11', person, 'coverage', 50);
      await db.actualTotal.create({
        data: { orgId: 1, personId: person, month: '2026-11', metric: 'coverage', value: outlets },
      });
    }
    // OSB issues 彭麗 filed: one still open at the month's end, one solved within it
    for (const [seq, createdAt, resolvedAt] of [
      [1, '2026-11-10T02:00:00Z', null],
      [2, '2026-11-02T02:00:00Z', '2026-11-20T02:00:00Z'],
    ] as const) {
      await db.issueReport.create({
        data: {
          orgId: 1,
          number: `OSB-2026-000${seq}`,
          year: 2026,
          seq,
          reporterId: KAM1,
          category: 'osb_shipment',
          severity: 'normal',
          title: '到貨延遲',
          description: '滬東分銷的貨晚了三天',
          subject: '',
          status: resolvedAt ? 'resolved' : 'acknowledged',
          handlerId: 'U0SSGLEAD1',
          resolvedAt: resolvedAt ? new Date(resolvedAt) : null,
          sourceViewId: `V-OSB-${seq}`,
          createdAt: new Date(createdAt),
          updatedAt: new Date(createdAt),
        },
      });
    }
    const now = clock.now();
    const claim = (number: number, claimantId: string, amountCents: number, month: string) =>
      db.expenseClaim.create({
        data: {
          orgId: 1,
          number,
          claimantId,
          amountCents,
          category: '差旅',
          spentOn: `${month}-12`,
          month,
          description: '杭州出差',
          status: 'approved',
          approvers: JSON.stringify(['U0UNITMG01']),
          sourceViewId: `V-SCORE-${number}`,
          createdAt: now,
          updatedAt: now,
        },
      });
    await claim(1, KAM1, 120_000, '2026-11');
    // 華北's manager 宋建華 has a target in November only; 袁芳 under him sold and claimed in October too:
    // October's figures exist, but he had no scorecard then, so there is no change to show
    await target('2026-11', MM2, 'amount', 10_000_000);
    await actual('2026-11', KAM3, 5_000_000);
    await actual('2026-10', KAM3, 4_000_000);
    await claim(2, KAM3, 100_000, '2026-11');
    await claim(3, KAM3, 416_000, '2026-10');
    // the markets' share as typed (hundredths of a point): 華東 23.50% (21.00% in October), 華北 18.00%
    for (const [marketCode, month, value] of [
      ['E', '2026-11', 2350],
      ['E', '2026-10', 2100],
      ['N', '2026-11', 1800],
    ] as const)
      await db.actual.create({
        data: {
          orgId: 1,
          month,
          personId: 'U0SSGLEAD1',
          marketCode,
          account: '',
          metric: 'share',
          value,
          source: 'manual',
          createdBy: 'U0SSGLEAD1',
          createdAt: now,
        },
      });
  });
  afterAll(async () => h?.stop());

  const scorecardsTo = (id: string) => dmsTo(h, id).filter((m) => m.text.includes('考評'));

  it('sends nothing before the 3rd working day', async () => {
    // Wednesday 2 December 2026, 09:05 in Shanghai: the 2nd working day
    clock.set('2026-12-02T01:05:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(scorecardsTo(KAM1)).toEqual([]);
  });

  it("sends each person last month's scorecard with ranks and change, each manager the table, once", async () => {
    // Thursday 3 December 2026: the 3rd working day
    clock.set('2026-12-03T01:05:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const [mine] = scorecardsTo(KAM1).map((m) => m.text);
    expect(mine).toContain('📋 彭麗 2026-11 考評：總分 75（客戶經理第 1/2）');
    expect(mine).toContain('銷售達成：120%（第 1/2，較上月 +20 pt）');
    // 1,200 of a 2,000 budget (within it: the whole expense part); attainment capped at 100%; no visits
    // approved by either (0 against 0 scores nothing): 50 + 25 + 0 = 75
    expect(mine).toContain('費用：預算使用 60%（全部費用÷預算合計），費用率 1.0%（第 2/2，較上月 +1.0 pt）');
    // the template's other metrics with a target, each ranked; volume has none and is left out
    expect(mine).toContain('• 市場覆蓋率（%）達成：80%（第 2/2，上月無資料）');
    expect(mine).not.toContain('銷量');
    // shown, not ranked: filed 10 November, 20 whole days old when the month ended
    expect(mine).toContain('OSB 問題：月底未解決 1，最久已 20 天（較上月 +1）');
    const [theirs] = scorecardsTo(KAM2).map((m) => m.text);
    expect(theirs).toContain('📋 董浩 2026-11 考評：總分 65（客戶經理第 2/2）');
    expect(theirs).toContain('銷售達成：80%（第 2/2，較上月 −20 pt）');
    expect(theirs).toContain('OSB 問題：月底未解決 0（較上月 ±0）');
    const table = scorecardsTo('U0UNITMG01').map((m) => m.text);
    expect(table.some((text) => text.includes('下屬考評') && text.includes('彭麗：總分 75，銷售達成 120%'))).toBe(true);
  });

  it("sends each market's SLT owner its people's scorecards in one table, not a DM each, nobody twice", async () => {
    const owned = (id: string) => scorecardsTo(id).filter((m) => m.text.includes('你負責市場的人員考評'));
    // 華東 is the deputy director's: its unit managers and key account managers, per role, best score first
    const [east, ...more] = owned(SLT).map((m) => m.text);
    expect(more).toEqual([]);
    expect(east).toContain('📋 2026-11 你負責市場的人員考評（4 人，同職級互比；你的直屬下屬見下屬考評）：');
    expect(east).toContain('*華東｜區域經理*\n• 唐文傑：總分 75，銷售達成 120%');
    expect(east).toContain('*華東｜客戶經理*\n• 彭麗：總分 75，銷售達成 120%');
    expect(east.indexOf('• 彭麗：')).toBeLessThan(east.indexOf('• 董浩：')); // the better score first
    expect(east.indexOf('*華東｜區域經理*')).toBeLessThan(east.indexOf('*華東｜客戶經理*'));
    // her own direct report, the market manager, is in her reports' table already: not again
    expect(east).not.toContain('梁志遠');
    expect(scorecardsTo(SLT).filter((m) => m.text.includes('📋 彭麗'))).toEqual([]);
    // 華北 is the sales director's: only its market manager has a card (his own report): no empty table
    expect(owned('U0SALDIR02')).toEqual([]);
    // someone who owns no market gets no such table
    expect(owned('U0GENMGR01')).toEqual([]);
  });

  it("carries the market's share, ranked and with its change; no change without last month's scorecard", async () => {
    const [east] = scorecardsTo(MM)
      .filter((m) => m.text.includes('📋 梁志遠'))
      .map((m) => m.text);
    // 華東 against 華北: every figure ranked between the two market managers
    expect(east).toContain('📋 梁志遠 2026-11 考評：總分 75（市場經理第 1/2）');
    expect(east).toContain('• 市場占有率：23.50%（第 1/2，較上月 +2.50 pt）');
    const [north] = scorecardsTo(MM2)
      .filter((m) => m.text.includes('📋 宋建華'))
      .map((m) => m.text);
    expect(north).toContain('• 市場占有率：18.00%（第 2/2，上月無資料）');
    // October had sales and a claim under him (a 10.4% ratio), but no target, so no scorecard: no change anywhere
    expect(north).toContain('• 銷售達成：50%（第 2/2，上月無資料）');
    expect(north).toContain('• 費用：預算使用 —（全部費用÷預算合計），費用率 2.0%（第 2/2，上月無資料）');
    expect(north).toContain('• 來訪：登記 0，通過 0（並列第 1/2，上月無資料）');
    expect(north).not.toContain('較上月');
    // the deputy director is the only one of that role with a target: no rank against nobody, no score
    const [deputy] = scorecardsTo(SLT)
      .filter((m) => m.text.includes('📋 馬曉燕'))
      .map((m) => m.text);
    expect(deputy).toContain('總分 —（銷售副總監無同級可比，不計總分）');
    expect(deputy).toContain('• 銷售達成：100%（無同級可比，較上月 ±0 pt）');
    expect(deputy).not.toMatch(/第 1\/1/);
    // she owns four markets: each market's share on its own (only 華東's was typed), none averaged or ranked
    expect(deputy).toContain(
      '• 市場占有率（負責 4 個市場，各市場分列，不合併、不排名）：' +
        '山東 —（上月無資料）、華東 23.50%（較上月 +2.50 pt）、華南 —（上月無資料）、西南 —（上月無資料）',
    );
  });

  it("attaches a chart of the reports' scores to each manager's table, and the markets' table to the SLT", async () => {
    // the market manager's table of their two unit managers, then its chart
    await untilShared(h, MM, 1);
    const mine = h.fake.state.inChannel(MM);
    const table = mine.findIndex((m) => m.text.includes('2026-11 下屬考評'));
    const chart = mine.findIndex((m) => m.files?.length);
    expect(chart).toBeGreaterThan(table);
    expect(mine[chart].files![0].title).toBe('梁志遠 下屬考評總分 2026-11');
    expect(mine[chart].text).toContain('唐文傑 總分 75（銷售達成 120%）\n韓雪 總分 65（銷售達成 80%）');
    const [image] = imagesIn(h.fake.state, MM);
    expect(image.altText).toContain('橫條是考評總分（0–100），由高到低');
    expect(pngSize(image.data)).toEqual({ width: 800, height: scorecardChartHeight(2) });
    // every SLT member (each also a manager, with their own reports' chart): each market's scorecard
    // (its manager's), with a chart
    for (const slt of ['U0GENMGR01', 'U0SALDIR02', SLT]) {
      await untilShared(h, slt, 2);
      const markets = h.fake.state.inChannel(slt).find((m) => m.text.includes('2026-11 各市場考評'));
      expect(markets?.text).toContain('• 華東 梁志遠：總分 75，銷售達成 100%，費用率 0.6%，來訪通過 0，占有率 23.50%');
      expect(markets?.text).toContain('• 華北 宋建華：總分 33，銷售達成 50%，費用率 2.0%，來訪通過 0，占有率 18.00%');
      const titles = h.fake.state.inChannel(slt).flatMap((m) => (m.files ?? []).map((f) => f.title));
      expect(titles).toContain('各市場考評總分 2026-11');
    }
    // the unit manager's own chart: the one report
    await untilShared(h, 'U0UNITMG01', 1);
    expect(pngSize(imagesIn(h.fake.state, 'U0UNITMG01')[0].data).height).toBe(scorecardChartHeight(1));
  });

  it("shows a month's scorecards again on demand: mine, my team's, and the markets' to the SLT only", async () => {
    const ask = async (user: string, text: string) => {
      const before = h.fake.calls.length;
      const ack = answerText((await h.driver.command(user, '/targets', text)).json);
      const later = () => h.fake.calls.slice(before).filter((c) => c.method === 'response_url' && c.args.user === user);
      if (!ack.includes('正在計算')) return ack;
      await expect.poll(() => later().length, { timeout: 20_000 }).toBeGreaterThan(0);
      return answerText(later()[0].args);
    };
    // last month's by default, the same card the 3rd working day sent
    expect(await ask(KAM1, 'scorecard')).toContain('📋 彭麗 2026-11 考評：總分 75（客戶經理第 1/2）');
    expect(await ask('U0UNITMG01', '考評 團隊 2026-11')).toContain('彭麗：總分 75，銷售達成 120%');
    expect(await ask(SLT, 'scorecard markets')).toContain('• 華東 梁志遠：總分 75');
    expect(await ask(KAM1, 'scorecard markets')).toContain('只有領導層可以查看各市場考評');
    expect(await ask('U0SALREP01', 'scorecard team')).toContain('沒有直屬下屬');
    expect(await ask(KAM1, 'scorecard 2026-10')).toContain('2026-10 考評');
    // scorecards are monthly: the error asks for a month, not a quarter or a year
    const bad = await ask(KAM1, 'scorecard 2026-13');
    expect(bad).toContain('「2026-13」不是有效的月份。考評按月計算，請用月份，例如 `/targets scorecard 2026-11`');
    expect(bad).not.toContain('季度');
    expect(await ask(KAM1, 'scorecard 2026-Q3')).toContain('「2026-Q3」不是有效的月份');
    expect(await ask('U0SALREP01', 'scorecard')).toContain('2026-11 你沒有考評');
  });

  it('attaches the same chart to a table asked for on demand, drawn off the request path', async () => {
    const charts = (id: string) => h.fake.state.inChannel(id).filter((m) => m.files?.length);
    const before = { um: charts('U0UNITMG01').length, slt: charts(SLT).length };
    for (const [user, text] of [
      ['U0UNITMG01', 'scorecard team'],
      [SLT, 'scorecard markets'],
      [KAM1, 'scorecard'],
    ] as const) {
      const ack = answerText((await h.driver.command(user, '/targets', text)).json);
      expect(ack).toContain('正在計算'); // acked before anything is built or drawn
    }
    await untilShared(h, 'U0UNITMG01', before.um + 1);
    await untilShared(h, SLT, before.slt + 1);
    const [team] = charts('U0UNITMG01').slice(before.um);
    expect(team.files![0].title).toBe('唐文傑 下屬考評總分 2026-11');
    expect(team.text).toContain('彭麗 總分 75（銷售達成 120%）');
    const [markets] = charts(SLT).slice(before.slt);
    expect(markets.files![0].title).toBe('各市場考評總分 2026-11');
    expect(markets.text).toContain('華東 梁志遠 總分 75');
    const image = imagesIn(h.fake.state, 'U0UNITMG01').at(-1);
    expect(pngSize(image!.data)).toEqual({ width: 800, height: scorecardChartHeight(1) });
    // a person's own card comes without a chart, as on the 3rd working day
    await h.flushOutbox();
    expect(charts(KAM1)).toHaveLength(0);
  });

  it('sends nothing a second time, the same day or the next', async () => {
    // a second run the same day, or the next day, sends nothing again
    // the SLT meeting's reminder of the 4th brings the markets' chart: not a scorecard sent again
    const scorecards = () =>
      h.fake.state.messages.filter((m) => String(m.text).includes('考評') && !m.files?.length).length;
    const sent = scorecards();
    await h.bot.scheduler.tick();
    clock.set('2026-12-04T01:05:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    expect(scorecardsTo(KAM1)).toHaveLength(1);
    expect(scorecards()).toBe(sent);
    expect(await h.bot.db.auditEntry.count({ where: { action: 'scorecards.sent', subject: '2026-11' } })).toBe(1);
  });
});
