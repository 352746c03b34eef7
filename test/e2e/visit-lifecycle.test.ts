import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { answerText, startHarness, type Harness } from '../support/harness.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  latestVisit,
  openedView,
  settle,
  untilStatus,
  visitValues,
} from '../support/visit-flow.ts';

describe.each(PROVIDERS)('registration lifecycle on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it('refuses bad input inline, naming the field and the fix, and stores nothing', async () => {
    const view = await openedView(h, () => h.driver.command('U0SALES001', '/visit'));
    const before = await h.bot.db.visit.count();
    const res = await h.driver.submitView(
      'U0SALES001',
      view,
      visitValues(h, {
        phone: '12345',
        visitAt: Math.floor(clock.now().getTime() / 1000) + 3 * 3600,
        partySize: '0',
        notes: '長'.repeat(501),
        customerName: '',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json?.response_action).toBe('errors');
    const errors = res.json?.errors as Record<string, string>;
    expect(errors.phone).toContain('「手機號碼」格式不對');
    expect(errors.visitAt).toContain('不能晚於現在');
    expect(errors.partySize).toContain('1 到 50');
    expect(errors.notes).toContain('最多 500 個字');
    expect(errors.customerName).toContain('請填寫「客戶姓名」');
    expect(await h.bot.db.visit.count()).toBe(before);
  });

  it('returns with a reason; the filer edits the same record and resubmits, history kept', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13611112222', customerName: '吳先生', grade: 'C' });
    const visit = await latestVisit(h);
    const approval = approvalMessageOf(h, visit.id);
    const reasonView = await openedView(h, () => h.driver.clickButton('U0TLEAD001', approval, 'visit_return'));
    const empty = await h.driver.submitView('U0TLEAD001', reasonView, { reason: '' });
    expect((empty.json?.errors as Record<string, string> | undefined)?.reason).toContain('請填寫');
    await h.driver.submitView('U0TLEAD001', reasonView, { reason: '意向等級應為 B，請補預算' });
    await untilStatus(h, visit.id, 'returned');
    expect(blocksText(h.fake.state.find(approval.channel, approval.ts))).toContain('退回：意向等級應為 B，請補預算');
    const notice = dmsTo(h, 'U0SALES001').at(-1)!;
    expect(notice.text).toContain('意向等級應為 B，請補預算');

    const stranger = h.fake.calls.length;
    await h.driver.clickButton('U0SALES002', notice, 'visit_edit');
    await expect
      .poll(() => h.fake.calls.slice(stranger).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有提交人');

    const editView = await openedView(h, () => h.driver.clickButton('U0SALES001', notice, 'visit_edit'));
    expect(editView.view.callback_id).toBe('visit_resubmit');
    const phone = (editView.view.blocks as any[]).find((b) => b.block_id === 'phone');
    expect(phone.element.initial_value).toBe('13611112222');
    await h.driver.submitView(
      'U0SALES001',
      editView,
      visitValues(h, { phone: '13611112222', customerName: '吳先生', grade: 'B', budget: '500萬' }),
    );
    await untilStatus(h, visit.id, 'pending');
    const edited = await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id }, include: { revisions: true } });
    expect(edited).toMatchObject({ version: 2, grade: 'B', budget: '500萬', returnReason: null });
    expect(edited.revisions).toHaveLength(1);
    expect(JSON.parse(edited.revisions[0].data)).toMatchObject({
      grade: 'C',
      returnReason: '意向等級應為 B，請補預算',
    });
    expect(await h.bot.db.visit.count({ where: { phone: '+8613611112222' } })).toBe(1);
    const second = approvalMessageOf(h, visit.id);
    const messagesForVisit = h.fake.state.messages.filter(
      (m) => blocksText(m).includes(`#${visit.id} `) && blocksText(m).includes('visit_details'),
    );
    expect(messagesForVisit).toHaveLength(2);
    const newest = messagesForVisit.at(-1)!;
    expect(blocksText(newest)).toContain('第 2 版');
    await h.driver.clickButton('U0TLEAD001', newest, 'visit_approve');
    await untilStatus(h, visit.id, 'approved');
    expect(second).toBeDefined();
  });

  it('stores an edit submitted twice at once (a double click) once, and answers neither with a failure', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13611113333', customerName: '柯先生', grade: 'C' });
    const visit = await latestVisit(h);
    const reasonView = await openedView(h, () =>
      h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, visit.id), 'visit_return'),
    );
    await h.driver.submitView('U0TLEAD001', reasonView, { reason: '請補預算' });
    await untilStatus(h, visit.id, 'returned');
    const notice = dmsTo(h, 'U0SALES001').at(-1)!;
    const editView = await openedView(h, () => h.driver.clickButton('U0SALES001', notice, 'visit_edit'));
    const values = visitValues(h, { phone: '13611113333', customerName: '柯先生', grade: 'B', budget: '400萬' });
    const answers = await Promise.all([1, 2].map(() => h.driver.submitView('U0SALES001', editView, values)));
    await untilStatus(h, visit.id, 'pending');
    await settle(h);
    const edited = await h.bot.db.visit.findUniqueOrThrow({ where: { id: visit.id }, include: { revisions: true } });
    expect([edited.version, edited.revisions.length]).toEqual([2, 1]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    // the one that came second either finds it resubmitted already or is told it is no longer returned
    for (const answer of answers) expect(JSON.stringify(answer.json ?? {})).not.toContain('系統暫時無法儲存');
    const requests = h.fake.state.messages.filter(
      (m) => blocksText(m).includes('第 2 版') && blocksText(m).includes('柯'),
    );
    expect(requests).toHaveLength(1);
  });

  it('sends a duplicate inside the protection window to the PM to rule; the filer never sees the phone', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13522223333', customerName: '孫女士' });
    const owned = await latestVisit(h);
    await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, owned.id), 'visit_approve');
    await untilStatus(h, owned.id, 'approved');

    clock.advance(10 * 86_400_000);
    await fileVisitAs(h, 'U0SALES003', { phone: '+86 135 2222 3333', customerName: '孫女士' });
    const contested = await latestVisit(h);
    expect(contested).toMatchObject({
      status: 'ownership_review',
      contestedOwnerId: 'U0SALES001',
      approvalOutboxId: null,
    });
    expect(await h.bot.db.customer.count({ where: { phone: '+8613522223333' } })).toBe(1);
    const toFiler = dmsTo(h, 'U0SALES003').at(-1)!;
    expect(toFiler.text).toContain('周子豪');
    expect(toFiler.text).not.toMatch(/135|3333/);
    const review = dmsTo(h, 'U0PROJMGR1').at(-1)!;
    expect(blocksText(review)).toContain('撞單裁定');

    const before = h.fake.calls.length;
    await h.driver.clickButton('U0TLEAD002', review, 'visit_give_filer');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有專案經理');
    await h.driver.clickButton('U0PROJMGR1', review, 'visit_keep_owner');
    await untilStatus(h, contested.id, 'rejected');
    expect(blocksText(h.fake.state.find(review.channel, review.ts))).toContain('客戶仍歸 周子豪');
    expect(dmsTo(h, 'U0SALES003').at(-1)?.text).toContain('仍歸 周子豪');
    expect((await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613522223333' } })).ownerId).toBe(
      'U0SALES001',
    );
    expect(await h.bot.db.auditEntry.count({ where: { action: 'visit.ownership_ruled' } })).toBe(1);
  });

  it('treats the same phone outside the window as a revisit on the existing file', async () => {
    clock.advance(31 * 86_400_000);
    await fileVisitAs(h, 'U0SALES003', { phone: '13522223333', customerName: '孫女士', visitType: 'first' });
    const revisit = await latestVisit(h);
    expect(revisit).toMatchObject({ status: 'pending', visitType: 'revisit', approverId: 'U0TLEAD002' });
    await h.driver.clickButton('U0TLEAD002', approvalMessageOf(h, revisit.id), 'visit_approve');
    await untilStatus(h, revisit.id, 'approved');
    const customer = await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613522223333' } });
    expect(customer).toMatchObject({ ownerId: 'U0SALES003', visitCount: 2 });
  });

  it('lets the owner move the deal on and mark it lost, and refuses another team', async () => {
    const customer = await h.bot.db.customer.findFirstOrThrow({ where: { phone: '+8613522223333' } });
    const card = dmsTo(h, 'U0SALES003')
      .filter((m) => blocksText(m).includes('customer_next'))
      .at(-1)!;
    const staleCopy = structuredClone(card);
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES001', card, 'customer_next');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有客戶負責人');
    await h.driver.clickButton('U0SALES003', card, 'customer_next');
    await expect
      .poll(async () => (await h.bot.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).stage)
      .toBe('reserved');
    await settle(h);
    // the same stale button again does nothing
    await h.driver.clickButton('U0SALES003', staleCopy, 'customer_next');
    await settle(h);
    expect((await h.bot.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).stage).toBe('reserved');
    const fresh = h.fake.state.find(card.channel, card.ts)!;
    expect(blocksText(fresh)).toContain('認購');
    const lostView = await openedView(h, () => h.driver.clickButton('U0TLEAD002', fresh, 'customer_lost'));
    await h.driver.submitView('U0TLEAD002', lostView, { reason: '選了別的樓盤' });
    await expect
      .poll(async () => (await h.bot.db.customer.findUniqueOrThrow({ where: { id: customer.id } })).stage)
      .toBe('lost');
    const changes = await h.bot.db.customerStageChange.findMany({
      where: { customerId: customer.id },
      orderBy: { id: 'asc' },
    });
    expect(changes.map((c) => [c.fromStage, c.toStage, c.by])).toEqual([
      ['visiting', 'reserved', 'U0SALES003'],
      ['reserved', 'lost', 'U0TLEAD002'],
    ]);
  });

  it('answers /visit mine and a phone lookup only to those allowed', async () => {
    const mine = answerText((await h.driver.command('U0SALES001', '/visit', 'mine')).json);
    expect(mine).toContain('我的客戶');
    expect(mine).toContain('吳先生');
    expect(mine).not.toContain('孫女士');
    const own = answerText((await h.driver.command('U0TLEAD002', '/visit', '13522223333')).json);
    expect(own).toContain('客戶檔案：孫女士');
    expect(own).toContain('135****3333');
    const other = answerText((await h.driver.command('U0SALES002', '/visit', '13522223333')).json);
    expect(other).toContain('找不到');
    expect(other).not.toContain('孫女士');
  });
});
