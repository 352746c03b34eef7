import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/lib/clock.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { blocksText, dmsTo, openedView, settle } from '../support/visit-flow.ts';

const issueValues = (overrides: Record<string, string> = {}) => ({
  category: 'market',
  severity: 'normal',
  title: '倉庫漏水',
  description: '二號倉庫屋頂漏水',
  subject: '',
  ...overrides,
});

async function fileIssueAs(h: Harness, userId: string, overrides: Record<string, string> = {}) {
  const view = await openedView(h, () => h.driver.command(userId, '/issue'));
  const response = await h.driver.submitView(userId, view, issueValues(overrides));
  await h.flushOutbox();
  const issue = await h.bot.db.issueReport.findFirst({ where: { sourceViewId: view.id } });
  return { view, response, issue };
}

const cardsOf = (h: Harness, number: string) =>
  h.fake.state.messages.filter(
    (m) => !m.threadTs && blocksText(m).includes(number) && blocksText(m).includes('issue_meta'),
  );
const issueRow = (h: Harness, id: number) => h.bot.db.issueReport.findUniqueOrThrow({ where: { id } });
/** The values the modal's category select offers. */
const categoryValues = (stored: { view: Record<string, unknown> }) => {
  const block = (stored.view.blocks as { block_id: string; element: { options: { value: string }[] } }[]).find(
    (b) => b.block_id === 'category',
  )!;
  return block.element.options.map((o) => o.value);
};
const ephemeralSince = (h: Harness, before: number) =>
  h.fake.calls.slice(before).find((c) => c.method === 'chat.postEphemeral')?.args.text;

describe.each(PROVIDERS)('who owns an issue on a brand on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 local
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  it('gives an OSB issue to the SSG leader as owner; the card and the list name owner and assignee', async () => {
    const { issue } = await fileIssueAs(h, 'U0SALREP01', { category: 'osb_order', title: '訂單未入系統' });
    expect(issue).toMatchObject({ handlerId: 'U0SSGLEAD1', assigneeId: null });
    expect(dmsTo(h, 'U0KEYACC01').some((m) => blocksText(m).includes(issue!.number))).toBe(true); // the KAM follows it

    const leadCard = cardsOf(h, issue!.number).find(
      (m) => JSON.stringify(h.fake.state.groupMembers.get(m.channel)) === JSON.stringify(['U0SALREP01', 'U0SSGLEAD1']),
    )!;
    const assignView = await openedView(h, () => h.driver.clickButton('U0SSGLEAD1', leadCard, 'issue_assign_open'));
    await h.driver.submitView('U0SSGLEAD1', assignView, { assignee: 'U0CSREP001' });
    await expect.poll(async () => (await issueRow(h, issue!.id)).assigneeId).toBe('U0CSREP001');
    await settle(h);

    for (const card of cardsOf(h, issue!.number)) {
      expect(blocksText(card)).toContain('*負責*：何麗君');
      expect(blocksText(card)).toContain('*指派*：羅敏');
    }
    const assigneeList = answerText((await h.driver.command('U0CSREP001', '/issue', 'list')).json);
    expect(assigneeList).toContain('交給我處理的');
    expect(assigneeList).toContain(`${issue!.number} 訂單未入系統｜處理中｜0 天｜負責：何麗君，指派：羅敏`);
    const ownerList = answerText((await h.driver.command('U0SSGLEAD1', '/issue', 'list')).json);
    expect(ownerList).toContain('負責：何麗君，指派：羅敏');
  });

  it('lets the person an issue is assigned to find it in /issue list, outside the OSB register too', async () => {
    const { issue } = await fileIssueAs(h, 'U0SALREP01', { category: 'complaint', title: '經銷商投訴' });
    const card = cardsOf(h, issue!.number)[0];
    const assignView = await openedView(h, () => h.driver.clickButton('U0KEYACC01', card, 'issue_assign_open'));
    await h.driver.submitView('U0KEYACC01', assignView, { assignee: 'U0SALREP02' });
    await expect.poll(async () => (await issueRow(h, issue!.id)).assigneeId).toBe('U0SALREP02');
    const list = answerText((await h.driver.command('U0SALREP02', '/issue', 'list')).json);
    expect(list).toContain(issue!.number);
    expect(list).toContain('負責：彭麗，指派：沈靜');
  });

  it('offers the brand its OSB categories but not 開發商協調, and refuses that category if sent anyway', async () => {
    const { view, response, issue } = await fileIssueAs(h, 'U0SALREP01', { category: 'developer' });
    expect(categoryValues(view)).toEqual(
      expect.arrayContaining(['osb_order', 'osb_shipment', 'osb_billing', 'complaint']),
    );
    expect(categoryValues(view)).not.toContain('developer');
    expect((response.json?.errors as Record<string, string> | undefined)?.category).toContain('請從清單中選擇「類別」');
    expect(issue).toBeNull();
  });
});

describe.each(PROVIDERS)('issue decisions on a property site on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: PROPERTY_ORG });
  });
  afterAll(async () => h?.stop());

  it('offers no OSB categories on a site, so no OSB number is ever given there', async () => {
    const { view, response, issue } = await fileIssueAs(h, 'U0SALES001', { category: 'osb_order' });
    expect(categoryValues(view)).toEqual(expect.arrayContaining(['market', 'complaint', 'developer', 'internal']));
    expect(categoryValues(view).filter((c) => c.startsWith('osb_'))).toEqual([]);
    expect((response.json?.errors as Record<string, string> | undefined)?.category).toContain('請從清單中選擇「類別」');
    expect(issue).toBeNull();
    expect(await h.bot.db.issueReport.count({ where: { number: { startsWith: 'OSB-' } } })).toBe(0);
  });

  it('once escalated to the PM, the team lead may comment but no longer acknowledge, assign or resolve', async () => {
    const { issue } = await fileIssueAs(h, 'U0SALES001');
    const card = cardsOf(h, issue!.number)[0];
    await h.driver.clickButton('U0TLEAD001', card, 'issue_escalate');
    await expect.poll(async () => (await issueRow(h, issue!.id)).handlerId).toBe('U0PROJMGR1');
    await settle(h);
    for (const actionId of ['issue_ack', 'issue_assign_open', 'issue_resolve_open', 'issue_escalate']) {
      const before = h.fake.calls.length;
      await h.driver.clickButton('U0TLEAD001', card, actionId);
      await expect.poll(() => ephemeralSince(h, before)).toContain('只有負責人');
    }
    expect(await issueRow(h, issue!.id)).toMatchObject({ status: 'open', handlerId: 'U0PROJMGR1', assigneeId: null });
    await h.driver.clickButton('U0PROJMGR1', card, 'issue_ack');
    await expect.poll(async () => (await issueRow(h, issue!.id)).acknowledgedBy).toBe('U0PROJMGR1');
  });

  it(
    'after the team lead escalates to the PM, who already holds a copy, the PM keeps one card, rewritten, and a ' +
      'notice',
    async () => {
      const { issue } = await fileIssueAs(h, 'U0SALES001', { title: '電梯故障' });
      const pmCards = () =>
        dmsTo(h, 'U0PROJMGR1').filter(
          (m) => blocksText(m).includes(issue!.number) && blocksText(m).includes('issue_meta'),
        );
      expect(pmCards()).toHaveLength(1);
      const card = cardsOf(h, issue!.number)[0];
      await h.driver.clickButton('U0TLEAD001', card, 'issue_escalate');
      await expect.poll(async () => (await issueRow(h, issue!.id)).handlerId).toBe('U0PROJMGR1');
      await settle(h);
      expect(pmCards()).toHaveLength(1);
      expect(blocksText(pmCards()[0])).toContain('*負責*：王建國');
      expect(dmsTo(h, 'U0PROJMGR1').at(-1)?.text).toContain(`劉大偉 將問題 ${issue!.number}（電梯故障）升級給你處理`);
    },
  );

  it('refuses the levels an issue left in words that name only roles a site has: no SSG, no OSB', async () => {
    const { issue } = await fileIssueAs(h, 'U0SALES002', { title: '冷氣不冷' });
    const card = cardsOf(h, issue!.number)[0];
    await h.driver.clickButton('U0TLEAD001', card, 'issue_escalate');
    await expect.poll(async () => (await issueRow(h, issue!.id)).handlerId).toBe('U0PROJMGR1');
    await settle(h);
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0TLEAD001', card, 'issue_resolve_open');
    await expect.poll(() => ephemeralSince(h, before)).toContain('只有負責人');
    expect(ephemeralSince(h, before)).toContain('專案經理');
    expect(ephemeralSince(h, before)).not.toMatch(/秘書組|OSB/);
  });

  it("tells the reporter each step in the issue's one thread, not in a DM per step", async () => {
    const dmsBefore = dmsTo(h, 'U0SALES002').length;
    const { issue } = await fileIssueAs(h, 'U0SALES002', { title: '門禁卡失效' });
    const card = cardsOf(h, issue!.number).find(
      (m) => JSON.stringify(h.fake.state.groupMembers.get(m.channel)) === JSON.stringify(['U0SALES002', 'U0TLEAD001']),
    )!;
    await h.driver.clickButton('U0TLEAD001', card, 'issue_ack');
    await expect.poll(async () => (await issueRow(h, issue!.id)).status).toBe('acknowledged');
    const assignView = await openedView(h, () => h.driver.clickButton('U0TLEAD001', card, 'issue_assign_open'));
    await h.driver.submitView('U0TLEAD001', assignView, { assignee: 'U0SALES001' });
    await expect.poll(async () => (await issueRow(h, issue!.id)).assigneeId).toBe('U0SALES001');
    const resolveView = await openedView(h, () => h.driver.clickButton('U0SALES001', card, 'issue_resolve_open'));
    await h.driver.submitView('U0SALES001', resolveView, { resolution: '已重新發卡' });
    await expect.poll(async () => (await issueRow(h, issue!.id)).status).toBe('resolved');
    await settle(h);
    const aboutIt = dmsTo(h, 'U0SALES002')
      .slice(dmsBefore)
      .filter((m) => m.text.includes(issue!.number));
    expect(aboutIt.map((m) => m.text)).toEqual([expect.stringContaining(`已登記問題 ${issue!.number}`)]);
    const thread = h.fake.state.messages.filter((m) => m.threadTs === card.ts).map((m) => m.text);
    expect(thread).toEqual([
      expect.stringContaining(`劉大偉 已確認處理 ${issue!.number}`),
      expect.stringContaining(`劉大偉 已把 ${issue!.number}（門禁卡失效）指派給 周子豪`),
      expect.stringContaining('已解決'),
    ]);
    expect(blocksText(cardsOf(h, issue!.number)[0])).toContain('已重新發卡');
  });
});
