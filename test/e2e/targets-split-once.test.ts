import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { recordNovemberSale, splitNovember } from '../support/targets-flow.ts';

// The general manager sets the company's ¥1,000,000 for November and splits it evenly across all eight
// markets: the sales director owns 東北, 華北 (宋建華 its manager, under him), 西北 and 華中; his deputy 山東,
// 華東 (梁志遠, under her), 華南 and 西南. Each market's ¥125,000 counts once, under whoever it went to.
const MARKETS = Object.fromEntries(
  ['NE', 'N', 'NW', 'C', 'SD', 'E', 'S', 'SW'].map((c) => [`row:market:${c}`, '125000']),
);

describe.each(PROVIDERS)('a company target split across markets counts once in every team, on %s', (provider) => {
  let h: Harness;
  // 26 November 2026, 10:00 in Shanghai
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
    await splitNovember(h, '1000000', MARKETS);
    const record = (user: string, account: string, value: string) => recordNovemberSale(h, user, account, value);
    await record('U0SALREP01', '滬東分銷', '100000'); // 華東, the deputy's
    await record('U0KEYACC03', '京北分銷', '20000'); // 華北, the director's
  });
  afterAll(async () => h?.stop());

  const ask = async (user: string, text: string) => answerText((await h.driver.command(user, '/targets', text)).json);

  it("gives the general manager's total and his one row, the director, the whole split", async () => {
    const top = await ask('U0GENMGR01', 'team 2026-11');
    expect(top).toContain('*合計*：目標 ¥1,000,000｜實際 ¥120,000｜達成 12%');
    expect(top).toContain('孫立群：¥120,000 / ¥1,000,000（12%）');
    expect(top).not.toContain('下屬合計');
  });

  it("gives the director a total that is his row in the general manager's view and the sum of his rows", async () => {
    expect(await ask('U0SALDIR02', '2026-11')).toContain('*銷售額*：目標 ¥1,000,000｜實際 ¥120,000｜達成 12%');
    const director = await ask('U0SALDIR02', 'team 2026-11');
    expect(director).toContain('*合計*：目標 ¥1,000,000｜實際 ¥120,000｜達成 12%');
    expect(director).not.toContain('下屬合計');
    expect(director).toContain('馬曉燕：¥100,000 / ¥500,000（20%）');
    expect(director).toContain('宋建華：¥20,000 / ¥125,000（16%）');
    for (const market of ['東北', '西北', '華中']) expect(director).toContain(`${market}：¥0 / ¥125,000（0%）`);
  });

  it("gives the deputy her four markets, the same in her view and on her row in the director's", async () => {
    expect(await ask('U0SALDIR02', '@馬曉燕 2026-11')).toContain('*銷售額*：目標 ¥500,000｜實際 ¥100,000｜達成 20%');
    const deputy = await ask('U0DEPDIR01', 'team 2026-11');
    expect(deputy).toContain('*合計*：目標 ¥500,000｜實際 ¥100,000｜達成 20%');
    expect(deputy).not.toContain('下屬合計');
    expect(deputy).toContain('梁志遠：¥100,000 / ¥125,000（80%）');
    for (const market of ['山東', '華南', '西南']) expect(deputy).toContain(`${market}：¥0 / ¥125,000（0%）`);
  });
});
