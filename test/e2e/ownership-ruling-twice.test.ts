import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { PROVIDERS } from '../support/test-database.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  latestVisit,
  settle,
  untilStatus,
} from '../support/visit-flow.ts';

// A ruling for the filer sends the registration on undecided, so a second click on the ruling card
// must learn who ruled and when from the ruling itself (it read as "已經由 — 於 — 處理").
describe.each(PROVIDERS)('a ruling on 撞單 clicked twice (%s)', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it('rules once, and answers the other click with who ruled and when', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13533334444', customerName: '田先生' });
    const owned = await latestVisit(h);
    await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, owned.id), 'visit_approve');
    await untilStatus(h, owned.id, 'approved');
    clock.advance(86_400_000);
    await fileVisitAs(h, 'U0SALES003', { phone: '13533334444', customerName: '田先生' });
    const contested = await latestVisit(h);
    expect(contested.status).toBe('ownership_review');
    const review = dmsTo(h, 'U0PROJMGR1').at(-1)!;
    expect(blocksText(review)).toContain('撞單裁定');

    const before = h.fake.calls.length;
    await Promise.all([1, 2].map(() => h.driver.clickButton('U0PROJMGR1', review, 'visit_give_filer')));
    await untilStatus(h, contested.id, 'pending');
    await settle(h);
    expect(await h.bot.db.auditEntry.count({ where: { action: 'visit.ownership_ruled' } })).toBe(1);
    await expect
      .poll(() => h.fake.calls.slice(before).filter((c) => c.method === 'chat.postEphemeral').length)
      .toBeGreaterThan(0);
    const answers = h.fake.calls
      .slice(before)
      .filter((c) => c.method === 'chat.postEphemeral')
      .map((c) => String(c.args.text));
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('你已於 2026-11-27');
    expect(answers[0]).not.toContain('—');
  });
});
