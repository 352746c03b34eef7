import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { cancelApprovedByPm, customerCardOf, reserve } from '../support/deal-flow.ts';
import { commandAnswer } from '../support/ledger-flow.ts';

/**
 * A trial: `/targets team` for a month with no targets and nothing recorded said so and left out the
 * team's 退訂, which the same month shows as soon as the team has a figure. One rule for both.
 */
describe.each(PROVIDERS)('/targets team with no figures yet shows the period’s 退訂, on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const PM = 'U0PROJMGR1';
  const SELLER = 'U0SALES001';
  const CANCELLED = '*退訂*：1 套（本期核准，不論何時認購；另列，不從認購、簽約扣除）';

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    const card = await customerCardOf(h, SELLER, '13900008822', '柯先生');
    const id = await reserve(h, SELLER, card, { building: '2棟', number: '0702' });
    clock.set('2026-12-02T02:00:00Z');
    await cancelApprovedByPm(h, { owner: SELLER, pm: PM, dealId: id, reason: '客戶改買別處' });
    expect((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).stage).toBe('cancelled');
  }, 60_000);
  afterAll(async () => h?.stop());

  it('says December has no figures yet, and shows its 退訂 once, for the lead and the PM', async () => {
    for (const manager of ['U0TLEAD001', PM]) {
      const december = await commandAnswer(h, manager, '/targets', 'team 2026-12');
      expect(december, manager).toContain('2026-12（本月） 還沒有設定目標，也沒有實績');
      expect(
        december.split('\n').filter((line) => line.includes('*退訂*')),
        manager,
      ).toEqual([CANCELLED]);
    }
  });

  it('shows none for a month with no cancellation, figures or not, as the non-empty case does', async () => {
    for (const period of ['2026-11', '2027-01'])
      expect(await commandAnswer(h, PM, '/targets', `team ${period}`), period).not.toContain('*退訂*');
  });
});
