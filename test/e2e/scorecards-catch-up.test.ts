import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { dmsTo } from '../support/visit-flow.ts';

/**
 * A new user's trial (issue 18): targets set for October and November on the site; the bot was down
 * from before Thursday 3 December 09:00 (the 3rd working day) until Friday the 4th, 18:00. The run of
 * the 3rd is caught up at the restart, for the 3rd (its own day), and November's scorecards go out once.
 */
describe.each(PROVIDERS)('a missed 3rd working day caught up at restart (%s)', (provider) => {
  let h: Harness;
  // Wednesday 2 December, 09:05 in Shanghai: the bot runs
  const clock = new FixedClock(new Date('2026-12-02T01:05:00Z'));
  const PM = 'U0PROJMGR1';
  const scorecardsTo = (id: string) => dmsTo(h, id).filter((m) => /考評|scorecard/i.test(m.text));
  const at = async (instant: string) => {
    clock.set(instant);
    await h.bot.scheduler.tick();
    await h.flushOutbox();
  };

  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    for (const period of ['2026-10', '2026-11'])
      for (const personId of ['U0SALES001', 'U0SALES002'])
        await h.bot.db.target.create({
          data: {
            orgId: 1,
            period,
            scopeKind: 'person',
            scopeId: personId,
            metric: 'contracts',
            value: 4,
            setBy: PM,
            setAt: clock.now(),
          },
        });
  });
  afterAll(async () => h?.stop());

  it('sends November on restart the day after, once, and the run of the 3rd is recorded as its own', async () => {
    await at('2026-12-02T01:05:00Z');
    expect(scorecardsTo('U0SALES001')).toEqual([]);
    // down all of the 3rd; back on Friday the 4th at 18:00, 33 hours after the 3rd's 09:00 (within 36)
    await at('2026-12-04T10:00:00Z');
    const mine = scorecardsTo('U0SALES001').map((m) => m.text);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain('周子豪 2026-11 考評');
    const run = await h.bot.db.jobRun.findFirst({ where: { jobId: 'scorecards.monthly', periodKey: '2026-12-03' } });
    expect(run).toMatchObject({ status: 'done', scheduledFor: new Date('2026-12-03T01:00:00Z') });
    // a job that acts on the state as it is now (chasing due items) runs once, not once per missed day
    const chase = await h.bot.db.jobRun.findMany({ where: { jobId: 'deals.chase' }, orderBy: { id: 'asc' } });
    expect(chase.map((r) => r.periodKey)).toEqual(['2026-12-02', '2026-12-04']);
    // another tick, the next morning and the one after send nothing again
    const sent = h.fake.state.messages.length;
    await at('2026-12-04T10:01:00Z');
    await at('2026-12-05T01:05:00Z');
    await at('2026-12-07T01:05:00Z');
    expect(h.fake.state.messages.slice(sent).filter((m) => /考評|scorecard/i.test(m.text))).toEqual([]);
    expect(scorecardsTo('U0SALES001')).toHaveLength(1);
    expect(await h.bot.db.auditEntry.count({ where: { action: 'scorecards.sent', subject: '2026-11' } })).toBe(1);
  });
});
