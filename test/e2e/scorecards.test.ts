import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, startHarness, type Harness } from '../support/harness.ts';
import { dmsTo } from '../support/visit-flow.ts';

const KAM1 = 'U0KEYACC01'; // 彭麗, under UM 唐文傑 (U0UNITMG01)
const KAM2 = 'U0KEYACC02'; // 董浩, under UM 韓雪 (U0UNITMG02)

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
    const now = clock.now();
    await db.expenseClaim.create({
      data: {
        orgId: 1,
        number: 1,
        claimantId: KAM1,
        amountCents: 120_000,
        category: '差旅',
        spentOn: '2026-11-12',
        month: '2026-11',
        description: '杭州出差',
        status: 'approved',
        approvers: JSON.stringify(['U0UNITMG01']),
        sourceViewId: 'V-SCORE',
        createdAt: now,
        updatedAt: now,
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
    // 1,200 of a 2,000 budget; 1,200 ÷ 120,000 of sales, against 董浩's 0.0%: weights 50/25/25 give 75
    expect(mine).toContain('費用：預算使用 60%，費用率 1.0%（第 2/2，較上月 +1 pt）');
    const [theirs] = scorecardsTo(KAM2).map((m) => m.text);
    expect(theirs).toContain('📋 董浩 2026-11 考評：總分 50（客戶經理第 2/2）');
    expect(theirs).toContain('銷售達成：80%（第 2/2，較上月 −20 pt）');
    const table = scorecardsTo('U0UNITMG01').map((m) => m.text);
    expect(table.some((text) => text.includes('下屬考評') && text.includes('彭麗：總分 75，銷售達成 120%'))).toBe(true);
    // a second run the same day, or the next day, sends nothing again
    const scorecards = () => h.fake.state.messages.filter((m) => String(m.text).includes('考評')).length;
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
