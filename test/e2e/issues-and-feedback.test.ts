import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, dmsTo, openedView, settle, waitFor } from '../support/visit-flow.ts';

const issueValues = (overrides: Record<string, string> = {}) => ({
  category: 'market',
  severity: 'normal',
  title: '樣板間漏水',
  description: '三號樣板間天花板漏水，影響帶看',
  subject: '翠湖苑',
  ...overrides,
});

async function fileIssueAs(h: Harness, userId: string, overrides: Record<string, string> = {}) {
  const view = await openedView(h, () => h.driver.command(userId, '/issue'));
  const response = await h.driver.submitView(userId, view, issueValues(overrides));
  await h.flushOutbox();
  return { response, issue: await h.bot.db.issueReport.findFirstOrThrow({ where: { sourceViewId: view.id } }) };
}

const cardsOf = (h: Harness, number: string) =>
  h.fake.state.messages.filter(
    (m) => !m.threadTs && blocksText(m).includes(number) && blocksText(m).includes('issue_meta'),
  );

describe.each(PROVIDERS)('issue reports on a property site on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 local
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it('explains /issue help with the site’s own numbers, without OSB (a site has none)', async () => {
    const help = answerText((await h.driver.command('U0SALES001', '/issue', 'help')).json);
    expect(help).toContain('/issue ISS-2026-0042');
    expect(help).not.toContain('OSB');
  });

  it('refuses an incomplete report inline and stores nothing', async () => {
    const view = await openedView(h, () => h.driver.command('U0SALES001', '/issue'));
    const res = await h.driver.submitView('U0SALES001', view, {
      category: '',
      severity: 'normal',
      title: '',
      description: 'x'.repeat(2001),
    });
    const errors = res.json?.errors as Record<string, string>;
    expect(errors.category).toContain('請填寫「類別」');
    expect(errors.title).toContain('請填寫「標題」');
    expect(errors.description).toContain('最多 2000 個字');
    expect(await h.bot.db.issueReport.count()).toBe(0);
  });

  it('numbers, routes to the team lead and the PM, follows acknowledge → resolve, telling the reporter', async () => {
    const { response, issue } = await fileIssueAs(h, 'U0SALES001');
    expect(response.text).toBe('');
    expect(issue).toMatchObject({ number: 'ISS-2026-0001', handlerId: 'U0TLEAD001', status: 'open' });
    // normal: 2 working days (Thu 10:00 → Mon 10:00)
    expect(issue.ackDeadlineAt?.toISOString()).toBe('2026-11-30T02:00:00.000Z');
    const cards = cardsOf(h, 'ISS-2026-0001');
    expect(cards.map((c) => h.fake.state.groupMembers.get(c.channel) ?? c.channel).sort()).toEqual(
      [['U0SALES001', 'U0TLEAD001'], 'D0PROJMGR1'].sort(),
    );
    expect(dmsTo(h, 'U0SALES001').at(-1)?.text).toContain('已登記問題 ISS-2026-0001');

    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES003', cards[0], 'issue_ack');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('只有負責人');
    expect((await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).status).toBe('open');

    await h.driver.clickButton('U0TLEAD001', cards[0], 'issue_ack');
    await expect
      .poll(async () => (await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).status)
      .toBe('acknowledged');
    await settle(h);
    for (const card of cardsOf(h, 'ISS-2026-0001'))
      expect(blocksText(card)).toContain('劉大偉 於 2026-11-26 10:00 確認處理');
    const root = cards.find((c) => h.fake.state.groupMembers.has(c.channel))!; // the group DM where it is discussed
    const thread = () => h.fake.state.messages.filter((m) => m.threadTs === root.ts).map((m) => m.text);
    expect(thread().at(-1)).toContain('劉大偉 已確認處理 ISS-2026-0001');

    const resolveView = await openedView(h, () =>
      h.driver.clickButton('U0PROJMGR1', cardsOf(h, 'ISS-2026-0001')[1], 'issue_resolve_open'),
    );
    await h.driver.submitView('U0PROJMGR1', resolveView, { resolution: '已請工程部修繕' });
    await expect
      .poll(async () => (await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).status)
      .toBe('resolved');
    await settle(h);
    for (const card of cardsOf(h, 'ISS-2026-0001')) {
      expect(blocksText(card)).toContain('已請工程部修繕');
      expect(blocksText(card)).not.toContain('issue_ack');
    }
    expect(thread().at(-1)).toContain('王建國 已解決 ISS-2026-0001（樣板間漏水）：已請工程部修繕');
    expect(await h.bot.db.auditEntry.count({ where: { subject: 'ISS-2026-0001' } })).toBe(2);
  });

  it('numbers without gaps or duplicates when many file at the same instant', async () => {
    const people = ['U0SALES001', 'U0SALES002', 'U0SALES003', 'U0TRAIN001', 'U0TLEAD001', 'U0TLEAD002'];
    const views = [];
    for (const user of people) views.push({ user, view: await openedView(h, () => h.driver.command(user, '/issue')) });
    const responses = await Promise.all(
      views.map(({ user, view }, i) =>
        h.driver.submitView(
          user,
          view,
          issueValues({ title: `同時回報 ${i}`, category: i % 2 ? 'developer' : 'internal' }),
        ),
      ),
    );
    expect(responses.every((r) => r.status === 200 && r.text === '')).toBe(true);
    const numbers = (await h.bot.db.issueReport.findMany({ orderBy: { seq: 'asc' } })).map((i) => [i.seq, i.number]);
    expect(numbers.map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(numbers.map(([, n]) => n)).size).toBe(7);
    expect(numbers.filter(([, n]) => String(n).startsWith('ISS-2026-'))).toHaveLength(7); // a site has no OSB
  });

  it("lists mine and my team's, and shows one issue only to those allowed", async () => {
    const mine = answerText((await h.driver.command('U0TLEAD001', '/issue', 'list')).json);
    expect(mine).toContain('我團隊的');
    expect(mine).toMatch(/ISS-2026-0001|同時回報/);
    const shown = answerText((await h.driver.command('U0PROJMGR1', '/issue', 'iss-2026-1')).json);
    expect(shown).toContain('ISS-2026-0001');
    const hidden = answerText((await h.driver.command('U0SALES003', '/issue', 'ISS-2026-0001')).json);
    expect(hidden).toContain('找不到 ISS-2026-0001');
    expect(hidden).not.toContain('樣板間');
  });
  it('offers and accepts as assignee only those who may handle the issue, not anyone in the chart', async () => {
    const { issue } = await fileIssueAs(h, 'U0SALES001', { title: '指派範圍' });
    const card = cardsOf(h, issue.number)[0];
    const view = await openedView(h, () => h.driver.clickButton('U0TLEAD001', card, 'issue_assign_open'));
    const offered = ((view.view.blocks as any[])[0].element.options as { value: string }[]).map((o) => o.value).sort();
    expect(offered).toEqual(['U0SALES001', 'U0SALES002', 'U0TLEAD001']);
    // a forged submission naming someone of another team: refused under the field, nothing changes
    const forged = await h.driver.submitView('U0TLEAD001', view, { assignee: 'U0SALES003' });
    expect((forged.json?.errors as Record<string, string> | undefined)?.assignee).toContain(
      '只能指派給你自己、你的下屬',
    );
    // a site has neither
    expect((forged.json?.errors as Record<string, string> | undefined)?.assignee).not.toMatch(/秘書組|OSB/);
    expect((await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).assigneeId).toBeNull();
    expect(answerText((await h.driver.command('U0SALES003', '/issue', issue.number)).json)).toContain(
      `找不到 ${issue.number}`,
    );
    const fine = await h.driver.submitView('U0TLEAD001', view, { assignee: 'U0SALES002' });
    expect(fine.status).toBe(200);
    expect(fine.json?.errors).toBeUndefined();
    await expect
      .poll(async () => (await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).assigneeId)
      .toBe('U0SALES002');
  });
});

describe.each(PROVIDERS)('issue escalation and OSB on a brand on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 local
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  it('explains /issue help with the OSB register and its numbers on a brand', async () => {
    const help = answerText((await h.driver.command('U0SALREP01', '/issue', 'help')).json);
    expect(help).toContain('未解決的 OSB 問題');
    expect(help).toContain('/issue OSB-2026-0042');
  });

  it('escalates an unacknowledged urgent issue twice, in working hours, until the third level acks', async () => {
    const { issue } = await fileIssueAs(h, 'U0SALREP01', { severity: 'urgent', category: 'complaint' });
    expect(issue).toMatchObject({ handlerId: 'U0KEYACC01', escalationLevel: 0 });
    expect(issue.ackDeadlineAt?.toISOString()).toBe('2026-11-26T04:00:00.000Z');
    clock.set('2026-11-26T03:59:00Z');
    await h.bot.scheduler.tick();
    expect((await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).escalationLevel).toBe(0);
    clock.set('2026-11-26T04:00:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    let now = await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } });
    expect(now).toMatchObject({ handlerId: 'U0UNITMG01', escalationLevel: 1 });
    expect(now.ackDeadlineAt?.toISOString()).toBe('2026-11-26T06:00:00.000Z');
    clock.set('2026-11-26T06:05:00Z');
    await h.bot.scheduler.tick();
    await h.flushOutbox();
    now = await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } });
    expect(now).toMatchObject({ handlerId: 'U0MKTMGR01', escalationLevel: 2 });
    const first = cardsOf(h, issue.number)[0];
    const notes = h.fake.state.messages.filter((m) => m.threadTs === first.ts).map((m) => m.text);
    expect(notes).toEqual([
      expect.stringContaining('已升級至 唐文傑（第 1 次）'),
      expect.stringContaining('已升級至 梁志遠（第 2 次）'),
    ]);
    expect(dmsTo(h, 'U0MKTMGR01').some((m) => m.text.includes('已升級給你處理'))).toBe(true);
    const mmCard = dmsTo(h, 'U0MKTMGR01').find((m) => blocksText(m).includes('issue_ack'))!;
    await h.driver.clickButton('U0MKTMGR01', mmCard, 'issue_ack');
    await expect
      .poll(async () => (await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).acknowledgedBy)
      .toBe('U0MKTMGR01');
    clock.set('2026-11-27T10:00:00Z');
    await h.bot.scheduler.tick();
    expect((await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).escalationLevel).toBe(2);
  });

  it('routes an OSB issue to the OSB channel and the SSG leader, who owns it, with a copy to the KAM', async () => {
    const { issue } = await fileIssueAs(h, 'U0SALREP03', {
      category: 'osb_shipment',
      severity: 'high',
      title: '發運延誤',
    });
    expect(issue.number).toMatch(/^OSB-2026-\d{4}$/);
    expect(issue).toMatchObject({ handlerId: 'U0SSGLEAD1', assigneeId: null });
    expect(dmsTo(h, 'U0KEYACC02').some((m) => blocksText(m).includes(issue.number))).toBe(true);
    // the org file names #osb for order-shipment-billing problems: the card goes there, not to #ssg as well
    expect(h.fake.state.inChannel('C0SSGDESK1').some((m) => blocksText(m).includes(issue.number))).toBe(false);
    const osbCard = h.fake.state.inChannel('C0OSBDESK1').find((m) => blocksText(m).includes(issue.number))!;
    expect(osbCard).toBeDefined();
    await h.driver.clickButton('U0CSREP001', osbCard, 'issue_ack');
    await expect
      .poll(async () => (await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).status)
      .toBe('acknowledged');
    const list = answerText((await h.driver.command('U0SSGLEAD1', '/issue', 'list')).json);
    expect(list).toContain('所有未解決的 OSB 問題');
    expect(list).toContain(issue.number);
    const rep = answerText((await h.driver.command('U0SALREP01', '/issue', 'list')).json);
    expect(rep).not.toContain(issue.number);
  });
});

describe.each(PROVIDERS)('sales feedback on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
  });
  afterAll(async () => h?.stop());

  it('goes to the team lead and the PM, and shows the sender who has read it', async () => {
    const view = await openedView(h, () => h.driver.command('U0SALES001', '/feedback'));
    const bad = await h.driver.submitView('U0SALES001', view, {
      type: 'competitor',
      content: '',
      importance: 'normal',
    });
    expect((bad.json?.errors as Record<string, string> | undefined)?.content).toContain('請填寫「內容」');
    await h.driver.submitView('U0SALES001', view, {
      type: 'competitor',
      content: '對面樓盤降價 5%，<!channel> 客戶在比較',
      subject: '翠湖苑',
      importance: 'important',
    });
    await settle(h);
    const feedback = await h.bot.db.feedback.findFirstOrThrow({ include: { recipients: true } });
    expect(feedback.recipients.map((r) => r.recipientId).sort()).toEqual(['U0PROJMGR1', 'U0TLEAD001']);
    const senderCard = () => dmsTo(h, 'U0SALES001').find((m) => blocksText(m).includes('feedback_readers'))!;
    expect(blocksText(senderCard())).toContain('已閱*（0/2）');
    const toLead = h.fake.state.messages.find(
      (m) =>
        JSON.stringify(h.fake.state.groupMembers.get(m.channel)) === JSON.stringify(['U0SALES001', 'U0TLEAD001']) &&
        blocksText(m).includes('feedback_read'),
    )!;
    expect(blocksText(toLead)).toContain('&lt;!channel&gt;');
    const staleCard = structuredClone(toLead);
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALES002', toLead, 'feedback_read');
    await expect
      .poll(() => h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text)
      .toContain('不是發給你的');
    await h.driver.clickButton('U0TLEAD001', toLead, 'feedback_read');
    await expect.poll(() => blocksText(senderCard())).toContain('已閱*（1/2）：劉大偉');
    const toPm = h.fake.state.messages.find(
      (m) =>
        JSON.stringify(h.fake.state.groupMembers.get(m.channel)) === JSON.stringify(['U0PROJMGR1', 'U0SALES001']) &&
        blocksText(m).includes('feedback_'),
    )!;
    await h.driver.replyInThread('U0PROJMGR1', toPm, '收到，我跟策劃部說');
    await waitFor(
      async () => (await h.bot.db.feedbackRecipient.count({ where: { readAt: { not: null } } })) === 2,
      'both reads',
    );
    await settle(h);
    expect(blocksText(senderCard())).toContain('已閱*（2/2）');
    expect(blocksText(toLead)).toContain('✔️ 劉大偉 2026-11-26 10:00 已閱');
    await h.driver.clickButton('U0TLEAD001', staleCard, 'feedback_read');
    await settle(h);
    expect(await h.bot.db.feedbackRecipient.count({ where: { readAt: { not: null } } })).toBe(2);
  });

  it("sends the week's feedback as one digest to the sales director and the planning channel on Monday", async () => {
    clock.set('2026-11-30T01:00:00Z');
    const tick = await h.bot.scheduler.tick();
    expect(tick.ran).toContain('feedback.weekly-digest@week-2026-11-30');
    await h.flushOutbox();
    const digest = dmsTo(h, 'U0SALDIR01').find((m) => m.text.includes('本週銷售信息反饋'))!;
    expect(digest.text).toContain('王建國 本週銷售信息反饋（2026-11-23～2026-11-29，共 1 則）');
    expect(blocksText(digest)).toContain('[競品] 對面樓盤降價 5%');
    expect(h.fake.state.inChannel('C0PLANNING1').some((m) => m.text.includes('本週銷售信息反饋'))).toBe(true);
  });
});
