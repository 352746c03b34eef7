import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { ONE_PROVIDER } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, openedView } from '../support/visit-flow.ts';

describe('the focus card prints market targets as /targets does', () => {
  let h: Harness;
  // 1 December 2026, 10:00 in Shanghai: December's focus is still to be drafted
  const clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider: ONE_PROVIDER, clock, orgFile: BRAND_ORG });
    await h.bot.db.target.create({
      data: {
        orgId: 1,
        period: '2026-12',
        scopeKind: 'market',
        scopeId: 'E',
        metric: 'amount',
        value: 150_000_000, // cents
        setBy: 'U0DEPDIR01',
        setAt: clock.now(),
      },
    });
  });
  afterAll(async () => h?.stop());

  it('groups a target typed bare in the draft ("1500000") as /targets shows it, and leaves a year alone', async () => {
    const shown = answerText((await h.driver.command('U0MKTMGR01', '/targets', 'market E 2026-12')).json);
    expect(shown).toContain('1,500,000');
    const view = await openedView(h, () => h.driver.command('U0SALDIR02', '/focus', '2026-12'));
    await h.driver.submitView('U0SALDIR02', view, {
      main: '華東新品鋪貨',
      secondary1: '回款',
      secondary2: '培訓',
      'targets:E': '銷售額 1500000（2026 年）',
      'focus:E': '門店陳列',
    });
    await h.flushOutbox();
    const draft = h.fake.state.messages.find((m) => blocksText(m).includes('focus_approve'))!;
    expect(blocksText(draft)).toContain('銷售額 1,500,000（2026 年）');
    expect(blocksText(draft)).not.toContain('1500000');
  });
});
