import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';
import { approvalMessageOf, dmsTo, openedView, settle, untilStatus } from '../support/visit-flow.ts';

const KAM1 = 'U0KEYACC01'; // 彭麗: her outlets and those of her reps 蔣濤 and 沈靜
const KAM2 = 'U0KEYACC02'; // 董浩: outlets registered, none visited
const REP = 'U0SALREP02'; // 沈靜, owns EO002…

// A brand with an account register: the scorecard's coverage is computed from it, as /targets computes it.
describe(`scorecard coverage from the account register (${ONE_PROVIDER})`, () => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, orgFile: BRAND_ACCOUNTS_ORG, clock });
    const db = h.bot.db;
    for (const person of [KAM1, KAM2]) {
      for (const [metric, value] of [
        ['amount', 10_000_000],
        ['coverage', 50],
      ] as const)
        await db.target.create({
          data: {
            orgId: 1,
            period: '2026-11',
            scopeKind: 'person',
            scopeId: person,
            metric,
            value,
            setBy: 'U0DEPDIR01',
            setAt: clock.now(),
          },
        });
      // typed coverage: 40 each, which the register's figure replaces
      await db.actualTotal.create({
        data: { orgId: 1, personId: person, month: '2026-11', metric: 'coverage', value: 40 },
      });
    }
    // one outlet of 沈靜's visited and approved in November
    const view = await openedView(h, () => h.driver.command(REP, '/visit'));
    await h.driver.submitView(REP, view, {
      account: 'EO002',
      visitAt: Math.floor(clock.now().getTime() / 1000) - 3600,
      purpose: 'order',
      outcome: '上架新品',
      nextStep: '',
    });
    await settle(h);
    const visit = await db.visit.findFirstOrThrow({ where: { sourceViewId: view.id } });
    await h.driver.clickButton(KAM1, approvalMessageOf(h, visit.id), 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
    await settle(h);
  });
  afterAll(async () => h?.stop());

  it("rates coverage on the subtree's registered outlets visited in 90 days, not the typed figure", async () => {
    clock.set('2026-12-03T01:05:00Z'); // Thursday 3 December: the 3rd working day
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    const theirs = await h.bot.db.account.count({
      where: { kind: 'outlet', ownerId: { in: [KAM1, 'U0SALREP01', REP] }, status: { not: 'closed' } },
    });
    const percent = Math.round(100 / theirs); // one outlet of theirs visited
    const attainment = Math.round((percent * 100) / 50);
    const [mine] = dmsTo(h, KAM1)
      .filter((m) => m.text.includes('考評'))
      .map((m) => m.text);
    expect(mine).toContain(`• 市場覆蓋率（%）達成：${attainment}%（`);
    const [his] = dmsTo(h, KAM2)
      .filter((m) => m.text.includes('考評'))
      .map((m) => m.text);
    // his outlets are registered and none was visited: 0, not the 40 typed
    const his2 = await h.bot.db.account.count({
      where: { kind: 'outlet', ownerId: { in: [KAM2, 'U0SALREP03'] }, status: { not: 'closed' } },
    });
    expect(his2).toBeGreaterThan(0);
    expect(his).toContain('• 市場覆蓋率（%）達成：0%（');
  });
});
