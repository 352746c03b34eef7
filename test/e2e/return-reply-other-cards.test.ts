import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { BRAND_ORG, startHarness, type Harness } from '../support/harness.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { blocksText, ephemeralsSince, openedView, settle } from '../support/visit-flow.ts';

const KAM = 'U0KEYACC01'; // 彭麗, under UM 唐文傑 (U0UNITMG01)
const UM = 'U0UNITMG01';

// 退回：<reason> by reply returns a registration; under any other card (here an expense claim's) it must
// approve nothing (it once fell through to the approvals by reply), and its writer is told so.
describe.each(PROVIDERS)('a reply of 退回 under a card that is no registration’s (%s)', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-20T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  it('leaves a claim waiting and tells its approver that a return by reply is only for registrations', async () => {
    const view = await openedView(h, () => h.driver.command(KAM, '/expense'));
    const values = { spentOn: '2026-11-18', amount: '300', category: '差旅', description: '高鐵', receipt: 'R-RET' };
    expect((await h.driver.submitView(KAM, view, values)).text).toBe('');
    await h.flushOutbox();
    const claim = await h.bot.db.expenseClaim.findFirstOrThrow({ where: { sourceViewId: view.id } });
    const card = h.fake.state.messages.find(
      (m) => !m.threadTs && blocksText(m).includes('expense_details') && blocksText(m).includes(`#${claim.number}：`),
    )!;
    const before = h.fake.calls.length;
    await h.driver.replyInThread(UM, card, '退回：請補發票');
    await h.driver.replyInThread(UM, card, '駁回');
    const answered = () => ephemeralsSince(h, before).filter((a) => a.user === UM);
    await expect.poll(() => answered().length).toBe(2);
    for (const answer of answered()) expect(answer.text).toContain('只會退回等待審核的來訪／拜訪登記');
    await settle(h);
    expect((await h.bot.db.expenseClaim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('pending');
  });
});
