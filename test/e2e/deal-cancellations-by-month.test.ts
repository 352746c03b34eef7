import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import {
  cancelApprovedByPm,
  customerCardOf,
  dealAnalyses,
  reserve,
  tickAt as tickClockAt,
} from '../support/deal-flow.ts';
import { blocksText, dmsTo, settle } from '../support/visit-flow.ts';
import { commandAnswer } from '../support/ledger-flow.ts';

/**
 * A trial: a deal reserved (認購) in November and cancelled in December was −1 in one report, ignored in
 * another and counted in a third. The one rule: the 認購 counts in November, where it was made, in every
 * report; the 退訂 is shown in December, where it happened, as a cancellation, never subtracted.
 */
describe.each(PROVIDERS)('a November 認購 cancelled in December, in every report, on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const PM = 'U0PROJMGR1';
  const SELLER = 'U0SALES001';
  const targets = async (period: string) => answerText((await h.driver.command(SELLER, '/targets', period)).json);
  /** `/targets scorecard <month>`: acked at once, the card answered by response_url when built. */
  const scorecard = async (month: string) => {
    const before = h.fake.calls.length;
    const card = () =>
      h.fake.calls
        .slice(before)
        .filter((c) => c.method === 'response_url' && c.args.user === SELLER)
        .map((c) => String(c.args.text ?? ''))
        .find((text) => text.includes(`${month} 考評`));
    await h.driver.command(SELLER, '/targets', `scorecard ${month}`);
    await expect.poll(card).toBeTruthy();
    return card() ?? '';
  };
  const analyses = () => dealAnalyses(h);
  const tickAt = (iso: string) => tickClockAt(h, clock, iso);

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    // 簽約 and 認購套數 targets in both months, so that each month has a scorecard
    for (const period of ['2026-11', '2026-12'])
      for (const metric of ['contracts', 'reservations'])
        await h.bot.db.target.create({
          data: {
            ...{ orgId: 1, period, scopeKind: 'person', scopeId: SELLER, metric, value: 2 },
            ...{ setBy: PM, setAt: clock.now() },
          },
        });
    const card = await customerCardOf(h, SELLER, '13900008811', '龍先生');
    const id = await reserve(h, SELLER, card, { building: '2棟', number: '0701' });
    clock.set('2026-12-02T02:00:00Z');
    await cancelApprovedByPm(h, { owner: SELLER, pm: PM, dealId: id, reason: '客戶貸款未過' });
    expect((await h.bot.db.deal.findUniqueOrThrow({ where: { id } })).stage).toBe('cancelled');
  }, 60_000);
  afterAll(async () => h?.stop());

  it('/targets: the 認購 in November, untouched; December shows the 退訂, and no −1 認購', async () => {
    const november = await targets('2026-11');
    expect(november).toContain('*認購套數*：目標 2｜實際 1｜');
    expect(november).not.toContain('*退訂*');
    const december = await targets('2026-12');
    expect(december).toContain('*認購套數*：目標 2｜實際 0｜');
    expect(december).toContain('*退訂*：1 套（本期核准，不論何時認購；另列，不從認購、簽約扣除）');
  });

  it('/targets team: the team total shows December’s 退訂 once, for the lead and the PM; November none', async () => {
    for (const manager of ['U0TLEAD001', PM]) {
      const december = await commandAnswer(h, manager, '/targets', 'team 2026-12');
      const cancelled = december.split('\n').filter((line) => line.includes('*退訂*'));
      expect(cancelled, manager).toEqual(['*退訂*：1 套（本期核准，不論何時認購；另列，不從認購、簽約扣除）']);
      expect(await commandAnswer(h, manager, '/targets', 'team 2026-11')).not.toContain('*退訂*');
    }
  });

  it('the scorecards: November counts the 認購, December shows the 退訂 and no 認購', async () => {
    await tickAt('2026-12-03T01:05:00Z'); // the 3rd working day, 09:05 in Shanghai: November's scorecards
    const [sent] = dmsTo(h, SELLER)
      .filter((m) => /考評/.test(m.text))
      .map((m) => m.text);
    expect(sent).toContain('• 認購：1 套，');
    expect(sent).toContain('• 退訂：0 套');
    clock.set('2027-01-08T02:00:00Z');
    const december = await scorecard('2026-12');
    expect(december).toContain('• 認購：0 套，');
    expect(december).toContain('• 退訂：1 套');
  });

  it('the visit analysis: the week the cancellation was approved names it as that week’s', async () => {
    await tickAt('2026-12-07T01:00:00Z');
    const week = analyses().find((text) => text.includes('2026-11-30') && !text.includes('2026-11-01'));
    expect(week).toContain('認購 0 套');
    expect(week).toContain('本期退訂 1 套');
  });
});

/** A 認購 whose discount the PM approves the next month counts in that month, in every report alike. */
describe.each(PROVIDERS.slice(0, 1))('a November 認購 whose discount is approved in December, on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  const SELLER = 'U0SALES002';

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    for (const metric of ['contracts', 'reservations'])
      await h.bot.db.target.create({
        data: {
          ...{ orgId: 1, period: '2026-11', scopeKind: 'person', scopeId: SELLER, metric, value: 2 },
          ...{ setBy: 'U0PROJMGR1', setAt: clock.now() },
        },
      });
    const card = await customerCardOf(h, SELLER, '13900008822', '歐陽小姐');
    const unit = await h.bot.db.unit.findFirstOrThrow({ where: { building: '2棟', number: '0702' } });
    const price = String(Number(unit.listPriceCents) / 100 - 1000);
    await reserve(h, SELLER, card, { building: '2棟', number: '0702' }, { price });
    clock.set('2026-12-01T02:00:00Z');
    const request = dmsTo(h, 'U0PROJMGR1')
      .filter((m) => blocksText(m).includes('deal_discount_approve'))
      .at(-1)!;
    await h.driver.clickButton('U0PROJMGR1', request, 'deal_discount_approve');
    await settle(h);
  }, 60_000);
  afterAll(async () => h?.stop());

  it('counts it in December in /targets, the scorecards and the analysis, and in none of November’s', async () => {
    const targets = async (period: string) => answerText((await h.driver.command(SELLER, '/targets', period)).json);
    expect(await targets('2026-11')).toContain('*認購套數*：目標 2｜實際 0｜');
    expect(await targets('2026-12')).toContain('*認購套數*：實際 1（未設目標）');
    await tickClockAt(h, clock, '2026-12-03T01:05:00Z'); // November's scorecards
    const [sent] = dmsTo(h, SELLER)
      .filter((m) => /考評/.test(m.text))
      .map((m) => m.text);
    expect(sent).toContain('• 認購：0 套，');
    await tickClockAt(h, clock, '2026-12-07T01:00:00Z');
    const week = dealAnalyses(h).find((text) => text.includes('2026-11-30') && !text.includes('2026-11-01'));
    expect(week).toContain('認購 1 套');
  });
});
