import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, startHarness, type Harness } from '../support/harness.ts';
import { commandAnswer } from '../support/ledger-flow.ts';
import { openedView } from '../support/visit-flow.ts';
import { novemberCoverageLine, openedHome } from '../support/targets-flow.ts';

const KAM = 'U0KEYACC01'; // 彭麗, over 蔣濤 and 沈靜
const REPS = ['U0SALREP01', 'U0SALREP02'];

// Coverage (覆蓋率) is a percentage: a leader's target of it is never the sum of his people's.
describe(`a leader's coverage target is not his people's summed (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, orgFile: BRAND_ORG, clock });
    // each rep 60% and 70%: summed, their KAM would read 130%; the mean is 65% (an amount makes a scorecard)
    for (const [person, metric, value] of [
      [REPS[0], 'coverage', 60],
      [REPS[1], 'coverage', 70],
      [REPS[0], 'amount', 1_000_000],
    ] as const)
      for (const period of ['2026-11', '2026-10'])
        await h.bot.db.target.create({
          data: {
            orgId: 1,
            period,
            scopeKind: 'person',
            scopeId: person,
            metric,
            value,
            setBy: 'U0UNITMG01',
            setAt: clock.now(),
          },
        });
    // no register here: the typed coverage stands, 39 of his own in November (39 of 65 is 60%, of 130 30%)
    await h.bot.db.actualTotal.create({
      data: { orgId: 1, personId: KAM, month: '2026-11', metric: 'coverage', value: 39 },
    });
  });
  afterAll(async () => h?.stop());

  const targets = (userId: string, text: string) => commandAnswer(h, userId, '/targets', text);
  const coverageLines = (text: string) => text.split('\n').filter((line) => line.includes('覆蓋率'));

  it('/targets, /targets team and App Home read the mean (65), never the sum (130)', async () => {
    const answer = await targets(KAM, '');
    const mine = coverageLines(answer);
    expect(mine.length).toBeGreaterThan(0);
    // a ratio is held to its whole target, not to the share of the month gone (no "已過 100%")
    expect(answer).toContain('比率指標，不按時間進度：完成目標的');
    expect(answer).not.toContain('已過 100%');
    for (const line of mine) expect(line).toContain('目標 65');
    expect(mine.join('\n')).not.toContain('130');
    const team = await targets(KAM, 'team coverage');
    expect(team).toContain('65');
    expect(team).not.toContain('130');
    // the quarter has no target of its own: its months' mean is 65 too (each month's at 65), not 195
    expect(coverageLines(await targets(KAM, '2026-Q4')).join('\n')).not.toContain('130');
    const home = await openedHome(h, KAM);
    expect(home).toContain('目標 65');
    expect(home).not.toContain('130');
  });

  it('the scorecard rates him on the mean (65), as /targets does', async () => {
    const line = await novemberCoverageLine(h, clock, KAM);
    expect(line).toContain('達成：60%');
  });

  it("/targets set splits a coverage target by its rows' mean against the parent, never their sum", async () => {
    const MM = 'U0MKTMGR01'; // 梁志遠, 華東: his UMs 唐文傑 and 韓雪
    await h.bot.db.target.create({
      data: {
        ...{ orgId: 1, period: '2026-12', scopeKind: 'market', scopeId: 'E', metric: 'coverage', value: 60 },
        ...{ setBy: 'U0DEPDIR01', setAt: clock.now() },
      },
    });
    const view = await openedView(h, () => h.driver.command(MM, '/targets', 'set 2026-12 coverage'));
    const running = () =>
      (h.fake.state.views.get(view.id)!.view.blocks as { block_id: string; text: { text: string } }[]).find(
        (b) => b.block_id === 'running_sum',
      )!.text.text;
    // each row starts at the parent's 60%, not at a 30% share of it
    expect(running()).toBe('*各列平均*：60／上級 60（剛好）');
    // 40% and 60%: summed, 100% would be over the parent; their mean, 50%, is short of it
    const rows = { 'row:person:U0UNITMG01': '40', 'row:person:U0UNITMG02': '60' };
    const short = await h.driver.submitView(MM, view, rows);
    expect((short.json?.errors as Record<string, string> | undefined)?.confirm_gap).toBe(
      '各列平均 50 比上級目標 60 低 10。請調高，或勾選確認缺口後再發佈。',
    );
    expect(await h.bot.db.target.count({ where: { period: '2026-12', scopeKind: 'person' } })).toBe(0);
    const even = await h.driver.submitView(MM, view, { ...rows, 'row:person:U0UNITMG01': '60' });
    expect(even.text).toBe('');
    expect(await h.bot.db.target.count({ where: { period: '2026-12', scopeKind: 'person' } })).toBe(2);
  });
});
