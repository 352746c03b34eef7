import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '../support/test-database.ts';
import { startHarness, type Harness } from '../support/harness.ts';
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
} from '../support/visit-flow.ts';

describe.each(PROVIDERS)('visitor registration and approval on %s', (provider) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ provider });
  });
  afterAll(async () => h?.stop());

  it("opens the registration modal right after the ack, labelled in the user's language", async () => {
    const view = await openedView(h, () => h.driver.command('U0SALES001', '/visit'));
    expect(view.view.callback_id).toBe('visit_file');
    const labels = JSON.stringify(view.view.blocks);
    for (const label of [
      '客戶姓名',
      '手機號碼',
      '來訪時間',
      '來訪人數',
      '來訪渠道',
      '首訪／複訪',
      '意向等級',
      '預算範圍',
      '意向戶型',
      '備註',
    ])
      expect(labels).toContain(label);
    const visitAt = (view.view.blocks as any[]).find((b) => b.block_id === 'visitAt');
    expect(visitAt.element.initial_date_time).toBe(Math.floor(h.clock.now().getTime() / 1000));
  });

  it('files, routes to the team lead in a shared thread, and approves by button', async () => {
    const { response } = await fileVisitAs(h, 'U0SALES001');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const visit = await latestVisit(h);
    expect(visit).toMatchObject({
      status: 'pending',
      filerId: 'U0SALES001',
      approverId: 'U0TLEAD001',
      phone: '+8613812345678',
    });
    const approval = approvalMessageOf(h, visit.id);
    expect(h.fake.state.groupMembers.get(approval.channel)).toEqual(['U0SALES001', 'U0TLEAD001']);
    expect(blocksText(approval)).toContain('138****5678');
    expect(blocksText(approval)).not.toContain('13812345678');
    expect(dmsTo(h, 'U0SALES001').at(-1)?.text).toContain(`#${visit.id}`);

    const click = await h.driver.clickButton('U0TLEAD001', approval, 'visit_approve');
    expect(click.status).toBe(200);
    await untilStatus(h, visit.id, 'approved');
    const approved = await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'U0TLEAD001' });
    const updated = h.fake.state.find(approval.channel, approval.ts)!;
    expect(updated.edited).toBe(true);
    expect(blocksText(updated)).toContain('已由 劉大偉 於 2026-11-26 10:00 通過');
    expect(blocksText(updated)).not.toContain('visit_approve');
    const reply = h.fake.state.messages.find((m) => m.threadTs === approval.ts);
    expect(reply?.text).toContain('已由 劉大偉 通過');
    const customer = await h.bot.db.customer.findUniqueOrThrow({ where: { id: approved.customerId! } });
    expect(customer).toMatchObject({ ownerId: 'U0SALES001', stage: 'visiting', visitCount: 1, name: '林小姐' });
    expect(blocksText(dmsTo(h, 'U0SALES001').at(-1))).toContain('客戶檔案：林小姐');
    const audit = await h.bot.db.auditEntry.findFirst({
      where: { action: 'visit.approved', subject: `visit:${visit.id}` },
    });
    expect(audit?.actor).toBe('U0TLEAD001');
  });

  it('approves by a reply of 通過 in the thread', async () => {
    await fileVisitAs(h, 'U0SALES002', { phone: '0912345678', customerName: '陳先生' });
    const visit = await latestVisit(h);
    const approval = approvalMessageOf(h, visit.id);
    const other = await h.driver.replyInThread('U0TLEAD001', approval, '客戶資料好像不完整？');
    expect(other.status).toBe(200);
    await settle(h);
    expect((await latestVisit(h)).status).toBe('pending');
    await h.driver.replyInThread('U0TLEAD001', approval, '通過！');
    await untilStatus(h, visit.id, 'approved');
    expect(blocksText(h.fake.state.find(approval.channel, approval.ts))).toContain('通過');
  });

  it("refuses a stranger's click and a thread reply from another team's lead, changing nothing", async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13900001111', customerName: '王太太' });
    const visit = await latestVisit(h);
    const approval = approvalMessageOf(h, visit.id);
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0TLEAD002', approval, 'visit_approve');
    // what reached each one: an ephemeral message Slack delivered (in the clicker's DM, not in another lead's)
    const delivered = () => ephemeralsSince(h, before);
    await expect.poll(() => delivered().at(0)).toBeTruthy();
    const refusal = delivered()[0]!;
    expect(refusal.user).toBe('U0TLEAD002');
    expect(refusal.text).toContain('只有 周子豪 的組長或上級主管可以審核');
    await h.driver.clickButton('U0SALES002', approval, 'visit_return');
    await h.driver.clickButton('U0OUTSIDER', approval, 'visit_approve');
    await h.driver.replyInThread('U0TLEAD002', approval, '通過');
    await expect.poll(() => delivered().length).toBe(4);
    // each refusal is answered after its ack, so they may arrive in any order
    expect(
      delivered()
        .map((c) => c.user)
        .sort(),
    ).toEqual(['U0OUTSIDER', 'U0SALES002', 'U0TLEAD002', 'U0TLEAD002']);
    await settle(h);
    expect((await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).status).toBe('pending');
    expect(h.fake.calls.slice(before).filter((c) => c.method === 'views.open')).toHaveLength(0);
    expect(h.fake.state.find(approval.channel, approval.ts)?.edited).toBeFalsy();
    // the project manager, above in the chain, may approve
    await h.driver.clickButton('U0PROJMGR1', approval, 'visit_approve');
    await expect
      .poll(async () => (await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id } })).decidedBy)
      .toBe('U0PROJMGR1');
  });

  it('acts once on a double click and on a retried submission', async () => {
    const { view } = await fileVisitAs(h, 'U0SALES003', { phone: '13700002222', customerName: '趙先生' });
    const count = await h.bot.db.visit.count();
    const payload = h.driver.viewSubmissionPayload('U0SALES003', view, {
      customerName: '趙先生',
      phone: '13700002222',
      visitAt: Math.floor(h.clock.now().getTime() / 1000),
      partySize: '1',
      source: 'online',
      visitType: 'first',
      grade: 'B',
    });
    await h.driver.interaction(payload, { retryNum: 1 });
    await h.driver.interaction({ ...payload, trigger_id: 'another-trigger' });
    await settle(h);
    expect(await h.bot.db.visit.count()).toBe(count);

    const visit = await latestVisit(h);
    const approval = approvalMessageOf(h, visit.id);
    const updatesBefore = h.fake.callsTo('chat.update').length;
    await Promise.all([
      h.driver.clickButton('U0TLEAD002', approval, 'visit_approve'),
      h.driver.clickButton('U0TLEAD002', approval, 'visit_approve'),
    ]);
    // clicks are decided after their ack: wait for the decision, however busy the machine
    await untilStatus(h, visit.id, 'approved');
    await settle(h);
    expect(h.fake.callsTo('chat.update').length - updatesBefore).toBe(1);
    expect(await h.bot.db.auditEntry.count({ where: { action: 'visit.approved', subject: `visit:${visit.id}` } })).toBe(
      1,
    );
    expect(await h.bot.db.customer.count({ where: { phone: '+8613700002222' } })).toBe(1);
  });
});
