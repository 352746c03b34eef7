import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { untilShared } from '../support/chart-flow.ts';
import { recordNovemberSale, splitNovember } from '../support/targets-flow.ts';

// Issue 17: the general manager splits 2026-11 across markets; the director (孫立群) runs 東北, 華北, 西北 and
// 華中, his deputy 山東, 華東, 華南 and 西南. Most sales are in 華東: the deputy's, and his through her, as her
// markets' targets are: each market counts once, under whoever the split went to.
const MARKETS = {
  'row:market:NE': '50000',
  'row:market:N': '200000',
  'row:market:NW': '50000',
  'row:market:C': '50000',
  'row:market:SD': '50000',
  'row:market:E': '400000',
  'row:market:S': '50000',
  'row:market:SW': '50000',
};

describe(`one attainment per person in every view (${ONE_PROVIDER})`, () => {
  let h: Harness;
  // 26 November 2026, 10:00 in Shanghai
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock, orgFile: BRAND_ORG });
    await splitNovember(h, '900000', MARKETS);
    const record = (user: string, account: string, value: string) => recordNovemberSale(h, user, account, value);
    await record('U0SALREP01', '滬東分銷', '234145'); // 華東, under the deputy
    await record('U0KEYACC03', '京北分銷', '5700'); // 華北, his
  });
  afterAll(async () => h?.stop());

  const ask = async (user: string, text: string) => {
    const before = h.fake.calls.length;
    const ack = answerText((await h.driver.command(user, '/targets', text)).json);
    const later = () => h.fake.calls.slice(before).filter((c) => c.method === 'response_url' && c.args.user === user);
    if (!ack.includes('正在計算')) return ack;
    await expect.poll(() => later().length, { timeout: 20_000 }).toBeGreaterThan(0);
    return answerText(later()[0].args);
  };

  it("gives the director his subtree's target and sales in /targets, /targets team and the chart", async () => {
    expect(await ask('U0GENMGR01', '@孫立群 2026-11')).toContain('*銷售額*：目標 ¥900,000｜實際 ¥239,845｜達成 27%');
    expect(await ask('U0SALDIR02', '2026-11')).toContain('*銷售額*：目標 ¥900,000｜實際 ¥239,845｜達成 27%');
    const team = await ask('U0SALDIR02', 'team 2026-11');
    expect(team).toContain('*合計*：目標 ¥900,000｜實際 ¥239,845｜達成 27%');
    expect(team).toContain('馬曉燕：¥234,145 / ¥550,000（43%）');
    // the general manager's team: the same figure on the director's row as on the total
    const top = await ask('U0GENMGR01', 'team 2026-11');
    expect(top).toContain('孫立群：¥239,845 / ¥900,000（27%）');
    expect(top).toContain('*合計*：目標 ¥900,000｜實際 ¥239,845｜達成 27%');
    expect(await ask('U0GENMGR01', 'team chart 2026-11')).toContain('圖表產生中');
    await untilShared(h, 'U0GENMGR01', 1);
    const [chart] = h.fake.state.inChannel('U0GENMGR01').filter((m) => m.files?.length);
    expect(chart.text).toContain('孫立群 27%');
  });

  it("puts the same figure on the general manager's scorecard table for November", async () => {
    clock.set('2026-12-02T02:00:00Z');
    expect(await ask('U0GENMGR01', 'scorecard team 2026-11')).toContain('孫立群：總分 —，銷售達成 27%');
    expect(await ask('U0SALDIR02', 'scorecard 2026-11')).toContain('銷售達成：27%');
  });
});
