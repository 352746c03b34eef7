import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { PROVIDERS } from '../support/test-database.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  ephemeralsSince,
  fileVisitAs,
  latestVisit,
  openedView,
  settle,
  untilStatus,
  visitValues,
} from '../support/visit-flow.ts';

// A team lead who answers a registration in its thread with 退回 (or 駁回…) and a reason returns it, as the
// Return button does; the word alone asks for the reason; a question that starts with 退回 is just talk.
describe.each(PROVIDERS)('returning a registration by a reply in its thread (%s)', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());
  const answersSince = (from: number) => ephemeralsSince(h, from);

  it('returns it with the reason, asks for one when there is none, and refuses anyone who may not decide', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13955556666', customerName: '馬小姐' });
    const visit = await latestVisit(h);
    const approval = approvalMessageOf(h, visit.id);

    const before = h.fake.calls.length;
    await h.driver.replyInThread('U0TLEAD001', approval, '退回的話要補什麼？');
    await h.driver.replyInThread('U0TLEAD001', approval, '駁回');
    await h.driver.replyInThread('U0SALES002', approval, '退回：不是你的客戶');
    await expect.poll(() => answersSince(before).length).toBe(2);
    await settle(h);
    const answers = answersSince(before);
    expect(answers.find((a) => a.user === 'U0TLEAD001')?.text).toContain('請把退回原因寫在同一則回覆');
    expect(answers.find((a) => a.user === 'U0SALES002')?.text).toContain('只有 周子豪 的組長或上級主管可以審核');
    await settle(h);
    expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).status).toBe('pending');

    await h.driver.replyInThread('U0TLEAD001', approval, '退回：請補預算和意向戶型');
    await untilStatus(h, visit.id, 'returned');
    const returned = await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } });
    expect([returned.returnReason, returned.decidedBy]).toEqual(['請補預算和意向戶型', 'U0TLEAD001']);
    expect(blocksText(h.fake.state.find(approval.channel, approval.ts))).toContain('退回：請補預算和意向戶型');
    const notice = dmsTo(h, 'U0SALES001').at(-1)!;
    expect(notice.text).toContain('請補預算和意向戶型');
    expect(blocksText(notice)).toContain('visit_edit');
  });

  it('answers a reply under a card replaced since (the registration was sent again), acting on nothing', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13955557777', customerName: '溫先生' });
    const visit = await latestVisit(h);
    const oldCard = approvalMessageOf(h, visit.id);
    await h.driver.replyInThread('U0TLEAD001', oldCard, '退回：請補預算');
    await untilStatus(h, visit.id, 'returned');
    await settle(h);
    const notice = dmsTo(h, 'U0SALES001').at(-1)!;
    const editView = await openedView(h, () => h.driver.clickButton('U0SALES001', notice, 'visit_edit'));
    const values = visitValues(h, { phone: '13955557777', customerName: '溫先生', budget: '500萬' });
    await h.driver.submitView('U0SALES001', editView, values);
    await untilStatus(h, visit.id, 'pending');
    await settle(h);

    const before = h.fake.calls.length;
    await h.driver.replyInThread('U0TLEAD001', oldCard, '通過');
    await h.driver.replyInThread('U0TLEAD001', oldCard, '退回：還是不對');
    await expect.poll(() => answersSince(before).length).toBe(2);
    for (const answer of answersSince(before)) {
      expect(answer.user).toBe('U0TLEAD001');
      expect(answer.text).toContain(
        `周子豪 的來訪登記 #${visit.number} 較早的審核卡，已由新的卡片取代（目前：待審核）`,
      );
    }
    await settle(h);
    expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).status).toBe('pending');
  });
});
