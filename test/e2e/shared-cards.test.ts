import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { SandboxServer } from '../../src/sandbox/sandbox-server.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { BRAND_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import {
  approvalMessageOf,
  blocksText,
  dmsTo,
  fileVisitAs,
  openedView,
  settle,
  untilStatus,
  waitFor,
} from '../support/visit-flow.ts';

/** The header's text of a message as the fake holds it now. */
const headerOf = (h: Harness, m: StoredMessage) =>
  String((h.fake.state.find(m.channel, m.ts)?.blocks as any[])?.find((b) => b.type === 'header')?.text?.text ?? '');
const now = (h: Harness, m: StoredMessage) => blocksText(h.fake.state.find(m.channel, m.ts));
const inGroup = (h: Harness, members: string[], marker: string) =>
  h.fake.state.messages.find(
    (m) =>
      !m.threadTs &&
      JSON.stringify(h.fake.state.groupMembers.get(m.channel)) === JSON.stringify([...members].sort()) &&
      blocksText(m).includes(marker),
  )!;
const homeOf = async (h: Harness, userId: string) => {
  const before = h.fake.callsTo('views.publish').filter((c) => c.args.user_id === userId).length;
  await h.driver.event({ type: 'app_home_opened', user: userId, channel: `D${userId.slice(1)}`, tab: 'home' });
  await waitFor(
    () => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === userId).length > before,
    `${userId}'s App Home`,
  );
  return JSON.stringify(
    h.fake
      .callsTo('views.publish')
      .filter((c) => c.args.user_id === userId)
      .at(-1)?.args.view,
  );
};
const ephemeralsTo = (h: Harness, userId: string, since: number) =>
  h.fake.calls
    .slice(since)
    .filter((c) => c.method === 'chat.postEphemeral' && c.args.user === userId)
    .map((c) => String(c.args.text));

async function sendFeedback(h: Harness, userId: string) {
  const view = await openedView(h, () => h.driver.command(userId, '/feedback'));
  await h.driver.submitView(userId, view, { type: 'price', content: '競品降價 3%', subject: '', importance: 'normal' });
  await settle(h);
}

describe.each(PROVIDERS)('cards many people see, on a property site on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 local
  beforeAll(async () => {
    h = await startHarness({ provider, clock });
    // the team lead reads English; the group DMs they share stay in the organisation's language
    expect(answerText((await h.driver.command('U0TLEAD001', '/org', 'lang en')).json)).toContain('English');
  });
  afterAll(async () => h?.stop());

  it(
    "writes a registration in the shared group DM in the organisation's language, one visitor as 1 人, and its " +
      'header says it was approved',
    async () => {
      await fileVisitAs(h, 'U0SALES001', { phone: '13900001111', customerName: '單人客', partySize: '1' });
      const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
      const approval = approvalMessageOf(h, visit.id);
      const stale = structuredClone(approval);
      expect(headerOf(h, approval)).toBe(`來訪登記 #${visit.id} 待審核`);
      expect(blocksText(approval)).toContain('・1 人・');
      expect(blocksText(approval)).not.toMatch(/people|Registration/);
      await h.driver.clickButton('U0TLEAD001', approval, 'visit_approve');
      await untilStatus(h, visit.id, 'approved');
      expect(headerOf(h, approval)).toBe(`來訪登記 #${visit.id} 已通過`);
      expect(now(h, approval)).toContain('已由 劉大偉 於 2026-11-26 10:00 通過');
      const threadNote = h.fake.state.messages.find((m) => m.threadTs === approval.ts)!;
      // the thread is shared too: it names the filer rather than saying "your"
      expect(threadNote.text).toBe(`周子豪 的來訪登記 #${visit.id}（單人客）已由 劉大偉 通過，客戶檔案已更新。`);
      // a stale Approve is answered in the clicker's own language; the decider was the clicker: "you"
      const before = h.fake.calls.length;
      await h.driver.clickButton('U0TLEAD001', stale, 'visit_approve');
      await expect
        .poll(() => ephemeralsTo(h, 'U0TLEAD001', before)[0])
        .toContain('You already handled this at 2026-11-26 10:00');
    },
  );

  it('says in the header that a registration was returned', async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13900002222', customerName: '退回客' });
    const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const approval = approvalMessageOf(h, visit.id);
    const reasonView = await openedView(h, () => h.driver.clickButton('U0TLEAD001', approval, 'visit_return'));
    await h.driver.submitView('U0TLEAD001', reasonView, { reason: '請補預算' });
    await untilStatus(h, visit.id, 'returned');
    expect(headerOf(h, approval)).toBe(`來訪登記 #${visit.id} 已退回`);
  });

  it('names who read a feedback card in the group DM it shares with the sender, never "you"', async () => {
    await sendFeedback(h, 'U0SALES001');
    const toLead = inGroup(h, ['U0SALES001', 'U0TLEAD001'], 'feedback_read');
    const stale = structuredClone(toLead);
    expect(blocksText(toLead)).toContain('銷售信息反饋：價格');
    await h.driver.clickButton('U0TLEAD001', toLead, 'feedback_read');
    await expect.poll(() => now(h, toLead)).toContain('✔️ 劉大偉 2026-11-26 10:00 已閱');
    expect(now(h, toLead)).not.toMatch(/你已|You read/);
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0TLEAD001', stale, 'feedback_read');
    await expect
      .poll(() => ephemeralsTo(h, 'U0TLEAD001', before)[0])
      .toContain('You already handled this at 2026-11-26 10:00');
    // the card in the shared DM names him; the answer only he sees says he did it
    expect(ephemeralsTo(h, 'U0TLEAD001', before)[0]).not.toContain('劉大偉');
  });

  it("puts an issue's state in its header on every card, in the organisation's language", async () => {
    const view = await openedView(h, () => h.driver.command('U0SALES001', '/issue'));
    await h.driver.submitView('U0SALES001', view, {
      category: 'market',
      severity: 'normal',
      title: '樣板間漏水',
      description: '天花板漏水',
      subject: '',
    });
    await h.flushOutbox();
    const issue = await h.bot.db.issueReport.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const cards = h.fake.state.messages.filter(
      (m) => !m.threadTs && blocksText(m).includes('issue_meta') && blocksText(m).includes(issue.number),
    );
    expect(cards).toHaveLength(2);
    for (const card of cards) expect(headerOf(h, card)).toBe(`${issue.number}・樣板間漏水（待確認）`);
    expect(await homeOf(h, 'U0TLEAD001')).toContain(`Issue ${issue.number} 樣板間漏水 to acknowledge`);
    const stale = structuredClone(cards[1]);
    await h.driver.clickButton('U0TLEAD001', cards[0], 'issue_ack');
    await expect
      .poll(async () => (await h.bot.db.issueReport.findUniqueOrThrow({ where: { id: issue.id } })).status)
      .toBe('acknowledged');
    await settle(h);
    for (const card of cards) expect(headerOf(h, card)).toBe(`${issue.number}・樣板間漏水（處理中）`);
    // Acknowledge on a copy drawn before the change: the state it is in now, not "handled by {by}"
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0PROJMGR1', stale, 'issue_ack');
    await expect
      .poll(() => ephemeralsTo(h, 'U0PROJMGR1', before)[0])
      .toBe(`${issue.number} 剛有變更，目前為「處理中」；卡片已更新，請依最新狀態操作。`);
  });

  it("lists an ownership ruling on the PM's App Home, says in its header it was ruled, tells the owner", async () => {
    await fileVisitAs(h, 'U0SALES001', { phone: '13700003333', customerName: '孫女士' });
    const owned = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await h.driver.clickButton('U0TLEAD001', approvalMessageOf(h, owned.id), 'visit_approve');
    await untilStatus(h, owned.id, 'approved');
    await fileVisitAs(h, 'U0SALES003', { phone: '13700003333', customerName: '孫女士' });
    const contested = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(contested.status).toBe('ownership_review');
    expect(await homeOf(h, 'U0PROJMGR1')).toContain(`撞單裁定 #${contested.id}：孫女士（許家銘 登記，原屬 周子豪）`);
    const review = dmsTo(h, 'U0PROJMGR1').find((m) => blocksText(m).includes('visit_keep_owner'))!;
    expect(headerOf(h, review)).toBe(`撞單裁定：來訪登記 #${contested.id} 待裁定`);
    await h.driver.clickButton('U0PROJMGR1', review, 'visit_keep_owner');
    await untilStatus(h, contested.id, 'rejected');
    expect(headerOf(h, review)).toBe(`撞單裁定：來訪登記 #${contested.id} 已裁定`);
    expect(dmsTo(h, 'U0SALES001').at(-1)?.text).toBe(
      `許家銘 也登記了你的客戶 孫女士（登記 #${contested.id}）。經 王建國 裁定，客戶仍歸你。`,
    );
    expect(await homeOf(h, 'U0PROJMGR1')).not.toContain(`撞單裁定 #${contested.id}`);
  });

  it(
    'answers a click on a button no version of the bot knows, and a stale one from the sandbox, instead of a 404 or ' +
      'a 500',
    async () => {
      await fileVisitAs(h, 'U0SALES002', { phone: '13600004444', customerName: '過期按鈕' });
      const visit = await h.bot.db.visit.findFirstOrThrow({ orderBy: { id: 'desc' } });
      const approval = structuredClone(approvalMessageOf(h, visit.id));
      const payload = h.driver.clickButtonPayload('U0TLEAD001', approval, 'visit_approve') as any;
      payload.actions[0].action_id = 'visit_approve_v0';
      let before = h.fake.calls.length;
      const unknown = await h.driver.interaction(payload);
      expect(unknown.status).toBe(200);
      await expect.poll(() => ephemeralsTo(h, 'U0TLEAD001', before)[0]).toContain('This button is no longer in use');

      await h.driver.clickButton('U0TLEAD001', approval, 'visit_approve');
      await untilStatus(h, visit.id, 'approved');
      const sandbox = await new SandboxServer({
        fake: h.fake,
        driver: h.driver,
        directory: h.bot.context.directory,
        clock: h.clock as FixedClock,
        scheduler: h.bot.scheduler,
      }).start(0);
      try {
        before = h.fake.calls.length;
        // the page still shows the Approve button the bot has just removed
        const click = await fetch(`${sandbox.url}api/click`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            user: 'U0TLEAD001',
            channel: approval.channel,
            ts: approval.ts,
            actionId: 'visit_approve',
            value: String(visit.id),
            blockId: 'visit_decision',
          }),
        });
        expect(click.status).toBe(200);
        expect(await click.json()).toEqual({ status: 200 });
        await expect.poll(() => ephemeralsTo(h, 'U0TLEAD001', before)[0]).toContain('You already handled this at');
      } finally {
        await sandbox.stop();
      }
    },
  );

  it('answers the submission of a modal an earlier version opened, saying nothing was saved', async () => {
    const view = await openedView(h, () => h.driver.command('U0SALES002', '/issue'));
    const payload = h.driver.viewSubmissionPayload('U0SALES002', view, {
      category: 'market',
      severity: 'normal',
      title: '舊表單',
      description: '舊表單',
    }) as any;
    payload.view.callback_id = 'issue_report_v0';
    const response = await h.driver.interaction(payload);
    expect(response.status).toBe(200);
    expect(response.json?.response_action).toBe('update');
    expect(JSON.stringify(response.json)).toContain('這個表單已不再使用，內容沒有儲存');
    expect(await h.bot.db.issueReport.count({ where: { title: '舊表單' } })).toBe(0);
  });
});

describe.each(PROVIDERS)('cards many people see, on a brand on %s', (provider) => {
  let h: Harness;
  const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
  beforeAll(async () => {
    h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
  });
  afterAll(async () => h?.stop());

  it(
    "gives the SSG channel a recipient's card, which any SSG member marks read for the channel, and shows the " +
      'sender who read it there',
    async () => {
      await sendFeedback(h, 'U0SALREP01');
      const ssgCard = h.fake.state.inChannel('C0SSGDESK1').find((m) => blocksText(m).includes('feedback_'))!;
      expect(headerOf(h, ssgCard)).toBe('銷售信息反饋：價格');
      expect(blocksText(ssgCard)).toContain('feedback_read');
      const stale = structuredClone(ssgCard);
      const senderCard = () => dmsTo(h, 'U0SALREP01').find((m) => blocksText(m).includes('feedback_readers'))!;
      expect(blocksText(senderCard())).toContain('<#C0SSGDESK1>');
      // Slack shows <#C…> as the channel's name in mrkdwn text (a section), not in plain_text
      const readers = (senderCard().blocks as { block_id?: string; text?: { type: string } }[]).find(
        (b) => b.block_id === 'feedback_readers',
      )!;
      expect(readers.text?.type).toBe('mrkdwn');
      const confirmation = dmsTo(h, 'U0SALREP01').find((m) => m.text.startsWith('反饋已送出給'))!;
      expect(confirmation.text).toContain('<#C0SSGDESK1>'); // the SSG channel is one of the recipients the card counts
      expect(await homeOf(h, 'U0KEYACC01')).toContain('銷售信息反饋待閱：價格（蔣濤）');

      let before = h.fake.calls.length;
      await h.driver.clickButton('U0SALREP02', ssgCard, 'feedback_read');
      await expect.poll(() => ephemeralsTo(h, 'U0SALREP02', before)[0]).toContain('不是發給你的');
      await h.driver.clickButton('U0CSREP001', ssgCard, 'feedback_read');
      await expect.poll(() => now(h, ssgCard)).toContain('✔️ 羅敏 2026-11-26 10:00 已閱');
      expect(now(h, ssgCard)).not.toContain('feedback_read"');
      await expect.poll(() => blocksText(senderCard())).toContain('<#C0SSGDESK1>（羅敏）');
      before = h.fake.calls.length;
      await h.driver.clickButton('U0SSGLEAD1', stale, 'feedback_read');
      await expect
        .poll(() => ephemeralsTo(h, 'U0SSGLEAD1', before)[0])
        .toContain('已經由 羅敏 於 2026-11-26 10:00 處理');
      // the one who read it is told they did, not given their own name in the third person
      before = h.fake.calls.length;
      await h.driver.clickButton('U0CSREP001', stale, 'feedback_read');
      await expect
        .poll(() => ephemeralsTo(h, 'U0CSREP001', before)[0])
        .toContain('你已於 2026-11-26 10:00 處理過這件事');
      expect(ephemeralsTo(h, 'U0CSREP001', before)[0]).not.toContain('羅敏');
    },
  );

  it("names /visit on a brand's App Home with the brand's word, 拜訪登記, as its modal does", async () => {
    for (const user of ['U0SALREP01', 'U0SSGLEAD1', 'U0SALDIR02']) {
      const home = await homeOf(h, user);
      expect(home).toContain('`/visit` 拜訪登記');
      expect(home).not.toContain('客戶來訪登記');
    }
  });

  it("lists a focus draft on the GM's App Home until approved, and says in its header it was approved", async () => {
    const view = await openedView(h, () => h.driver.command('U0DEPDIR01', '/focus'));
    await h.driver.submitView('U0DEPDIR01', view, { main: '華東新品鋪貨', secondary1: '回款', secondary2: '培訓' });
    await h.flushOutbox();
    const draft = h.fake.state.messages.find((m) => blocksText(m).includes('focus_approve'))!;
    const stale = structuredClone(draft);
    expect(headerOf(h, draft)).toBe('2026-12 工作重點（草稿）');
    expect(await homeOf(h, 'U0GENMGR01')).toContain('2026-12 工作重點草稿待核准（馬曉燕 擬定）');
    await h.driver.clickButton('U0GENMGR01', draft, 'focus_approve');
    await expect.poll(async () => (await h.bot.db.focusPlan.findFirstOrThrow()).status).toBe('approved');
    await h.flushOutbox();
    expect(headerOf(h, draft)).toBe('2026-12 工作重點（已核准）');
    expect(await homeOf(h, 'U0GENMGR01')).not.toContain('草稿待核准');
    const before = h.fake.calls.length;
    await h.driver.clickButton('U0SALDIR02', stale, 'focus_approve');
    await expect
      .poll(() => ephemeralsTo(h, 'U0SALDIR02', before)[0])
      .toContain('已經由 趙永康 於 2026-11-26 10:00 處理');
    const again = h.fake.calls.length;
    await h.driver.clickButton('U0GENMGR01', stale, 'focus_approve');
    await expect.poll(() => ephemeralsTo(h, 'U0GENMGR01', again)[0]).toContain('你已於 2026-11-26 10:00 處理過這件事');
  });
});
