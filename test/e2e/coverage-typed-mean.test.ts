import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, startHarness, type Harness } from '../support/harness.ts';
import { commandAnswer } from '../support/ledger-flow.ts';
import { openedView, settle } from '../support/visit-flow.ts';
import { novemberCoverageLine, openedHome, personTarget } from '../support/targets-flow.ts';

const MM = 'U0MKTMGR01'; // 梁志遠, 華東
const UM = 'U0UNITMG01'; // 唐文傑, over 彭麗
const KAM = 'U0KEYACC01'; // 彭麗, over 蔣濤 and 沈靜

// No outlets in the register: coverage (覆蓋率) falls back to the typed figures, and a percentage is never summed.
describe(`typed coverage of a leader is the mean of his people's, not their sum (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, orgFile: BRAND_ORG, clock });
    // the reps type 55 and 65: summed, their KAM would read 120%
    for (const [rep, value] of [
      ['U0SALREP01', '55'],
      ['U0SALREP02', '65'],
    ]) {
      const sales = await openedView(h, () => h.driver.command(rep, '/sales'));
      const figure = { person: rep, account: '滬東分銷', month: '2026-11', metric: 'coverage', value };
      expect((await h.driver.submitView(rep, sales, figure)).text).toBe('');
    }
    await settle(h);
  });
  afterAll(async () => h?.stop());

  const targets = (userId: string, text: string) => commandAnswer(h, userId, '/targets', text);
  const coverageLine = (text: string) => text.split('\n').find((line) => line.includes('覆蓋率'));

  it('/targets reads the mean of the typed figures (60) for a leader, a market and the levels above', async () => {
    for (const [user, args] of [
      [KAM, ''],
      [UM, ''],
      [MM, ''],
      [MM, '華東'],
    ])
      expect(coverageLine(await targets(user, args)), `${user} ${args}`).toBe('*市場覆蓋率（%）*：實際 60（未設目標）');
    // a rep's own figure stands as typed
    expect(coverageLine(await targets('U0SALREP01', ''))).toBe('*市場覆蓋率（%）*：實際 55（未設目標）');
  });

  it('/targets team totals the mean (60), each row its own typed figure', async () => {
    const team = await targets(KAM, 'team coverage');
    expect(team).toContain('*合計*：尚未設定目標｜實際 60');
    expect(team).toContain('蔣濤：55 / —');
    expect(team).toContain('沈靜：65 / —');
    expect(team).not.toContain('120');
    const above = await targets(MM, 'team coverage');
    expect(above).toContain('*合計*：尚未設定目標｜實際 60');
    expect(above).toContain('唐文傑：60 / —');
    expect(above).not.toContain('120');
  });

  it('App Home reads the mean (60)', async () => {
    const home = await openedHome(h, KAM);
    expect(home).toContain('市場覆蓋率（%）*：實際 60（未設目標）');
    expect(home).not.toContain('120');
  });

  it('the scorecard rates the KAM on the mean (60 of his 80 is 75%), as /targets does', async () => {
    // a coverage target of 80 for him (summed, 120 of 80 would be 150%); an amount makes a scorecard
    await personTarget(h, { person: KAM, metric: 'coverage', value: 80, period: '2026-11', setBy: UM });
    await personTarget(h, { person: 'U0SALREP01', metric: 'amount', value: 1_000_000, period: '2026-11', setBy: UM });
    const line = await novemberCoverageLine(h, clock, KAM);
    expect(line).toContain('達成：75%');
  });
});
