import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSharedEvent, uploadAsUser } from '../../src/fake-slack/fake-files.ts';
import type { StoredMessage } from '../../src/fake-slack/workspace-state.ts';
import { advanceClock } from '../../src/jobs/advance-clock.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { BRAND_ORG, PROPERTY_ORG, answerText, startHarness, type Harness } from '../support/harness.ts';
import { copyUnitsBeside } from '../support/org-fixtures.ts';
import { PROVIDERS } from '../support/test-database.ts';
import { blocksText, dmsTo, openedView, settle, waitFor } from '../support/visit-flow.ts';

const PM = 'U0PROJMGR1';
const DIRECTOR = 'U0SALDIR01';
const PLANNING_HEAD = 'U0MKTDIR01'; // named by the org file for 策劃部

const sections = {
  goals: '全案簽約 600 套，回款 9 億',
  market: '區域供應量大，競品三個',
  pricing: '開盤價 2.6 萬/m²，首付分期',
  channels: '自然來訪 50%，分銷 30%',
  schedule: '2027 上半年兩批推盤',
  budget: '推廣費 1,200 萬',
  targets: '簽約套數 50',
};

/** A plan card in the approvers' conversation whose header names `title`. */
const cardOf = (h: Harness, title: string): StoredMessage =>
  h.fake.state.messages.find(
    (m) => !m.threadTs && blocksText(m).includes('plan_actions') && blocksText(m).includes(title),
  )!;
const threadOf = (h: Harness, card: StoredMessage) =>
  h.fake.state.messages.filter((m) => m.threadTs === card.ts).map((m) => m.text);

async function upload(h: Harness, userId: string, name: string, data: Buffer) {
  const shared = uploadAsUser(h.fake.state, { userId, name, data });
  await h.driver.event(fileSharedEvent({ userId, ...shared }));
  return shared.channel;
}

describe.each(PROVIDERS)('plans of every kind on %s', (provider) => {
  describe('on a site: a project sales plan approved by the director and 策劃部, published on its day', () => {
    let h: Harness;
    const clock = new FixedClock(new Date('2026-11-26T02:00:00Z')); // Thursday 10:00 local
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'plans-')), 'org.yml');
    beforeAll(async () => {
      writeFileSync(
        file,
        `${readFileSync(PROPERTY_ORG, 'utf8')}plans:\n  project: [sales_director, ${PLANNING_HEAD}]\n`,
      );
      copyUnitsBeside(file);
      h = await startHarness({ provider, clock, orgFile: file });
    });
    afterAll(async () => h?.stop());

    it('refuses a bad month in /task plan, in either language', async () => {
      const refused = answerText((await h.driver.command(PM, '/task', 'plan 2026-13')).json);
      expect(refused).toContain('「2026-13」不是有效的月份');
      expect(answerText((await h.driver.command(PM, '/task', 'plan 下個月')).json)).toContain('用法：`/task plan');
      await h.driver.command(PM, '/org', 'lang en');
      const english = answerText((await h.driver.command(PM, '/task', 'plan project 2027-00')).json);
      expect(english).toContain('"2027-00" is not a month');
      await h.driver.command(PM, '/org', 'lang zh-Hant');
      expect(h.fake.state.views.size).toBe(0);
      expect(await h.bot.db.salesPlan.count()).toBe(0);
    });

    it('needs every named approver, publishes on its day with the clock moved', async () => {
      const form = await openedView(h, () => h.driver.command(PM, '/task', 'plan project 2027-01'));
      const shown = JSON.stringify(form.view);
      expect(shown).toContain('項目銷售計劃書');
      expect(shown).toContain('"initial_value":"2027-12"');
      expect(shown).not.toContain('focusMain');
      const past = await h.driver.submitView(PM, form, {
        fromMonth: '2027-01',
        toMonth: '2027-12',
        publishOn: '2026-11-01',
        ...sections,
      });
      expect(past.json?.errors).toMatchObject({ publishOn: expect.stringContaining('不能早於今天') });
      await h.driver.submitView(PM, form, {
        fromMonth: '2027-01',
        toMonth: '2027-12',
        publishOn: '2026-12-01',
        ...sections,
      });
      await settle(h);
      const title = '2027-01～2027-12 項目銷售計劃書';
      const card = cardOf(h, title);
      expect(h.fake.state.groupMembers.get(card.channel)).toEqual([PLANNING_HEAD, DIRECTOR, PM].sort());
      // the approvers see when it will be published, and whose the revise button is
      expect(blocksText(card)).toContain('📅 核准後於 2026-12-01 發布');
      expect(blocksText(card)).toContain('撰寫人修改（新版本）');

      // the director's 通過 is one of two: the plan waits for 策劃部
      await h.driver.replyInThread(DIRECTOR, card, '通過');
      await waitFor(async () => (await h.bot.db.salesPlanApproval.count()) === 1, 'the first approval');
      await settle(h);
      expect((await h.bot.db.salesPlan.findFirstOrThrow()).status).toBe('pending');
      expect(blocksText(cardOf(h, title))).toContain('已通過：黃國強');
      expect(threadOf(h, card)).toContainEqual(
        expect.stringContaining(`黃國強 通過了第 1 版，還在等 <@${PLANNING_HEAD}>`),
      );
      // the planning head's button completes it; approved before its day, it is not published yet
      await h.driver.clickButton(PLANNING_HEAD, structuredClone(cardOf(h, title)), 'plan_approve');
      await waitFor(async () => (await h.bot.db.salesPlan.findFirstOrThrow()).status === 'approved', 'the approval');
      await settle(h);
      expect((await h.bot.db.salesPlan.findFirstOrThrow()).publishedAt).toBeNull();
      expect(blocksText(cardOf(h, title))).toContain('將於 2026-12-01 發布');
      const announced = () =>
        h.fake.state
          .inChannel('C0PLANNING1')
          .map(blocksText)
          .filter((t) => t.includes('📘'));
      expect(announced()).toHaveLength(0);

      await advanceClock({ scheduler: h.bot.scheduler, clock, to: new Date('2026-11-30T02:00:00Z') });
      await h.flushOutbox();
      expect(announced()).toHaveLength(0);
      await advanceClock({ scheduler: h.bot.scheduler, clock, to: new Date('2026-12-01T02:00:00Z') });
      await h.flushOutbox();
      expect(announced()).toEqual([expect.stringContaining('📘 2027-01～2027-12 項目銷售計劃書（第 1 版）')]);
      expect(
        h.fake.state
          .inChannel('C0SITEOPS1')
          .map(blocksText)
          .filter((t) => t.includes('📘')),
      ).toHaveLength(1);
      expect(threadOf(h, card)).toContainEqual(expect.stringContaining('第 1 版已於 2026-12-01 發布'));
      await advanceClock({ scheduler: h.bot.scheduler, clock, to: new Date('2026-12-02T02:00:00Z') });
      await h.flushOutbox();
      expect(announced()).toHaveLength(1);
    }, 90_000); // the clock moves over five days of jobs: slow on a loaded machine

    it('takes a stage plan uploaded as Markdown, and its next version as DOCX', async () => {
      const markdown = [
        '# 階段銷售計劃 2027-02～2027-03',
        '## 銷售目標',
        '兩個月簽約 80 套',
        '## 市場分析',
        '春節後回暖',
        '## 月度主要重點',
        '春季房展會蓄客',
      ].join('\n');
      const dm = await upload(h, PM, '二三月計劃.md', Buffer.from(markdown));
      await waitFor(async () => (await h.bot.db.salesPlan.count({ where: { kind: 'stage' } })) === 1, 'the upload');
      await settle(h);
      const title = '2027-02～2027-03 階段銷售計劃';
      expect(blocksText(cardOf(h, title))).toContain('兩個月簽約 80 套');
      expect(blocksText(cardOf(h, title))).toContain('📎 上傳的檔案：二三月計劃.md');
      expect(blocksText(cardOf(h, title))).toContain('春季房展會蓄客');
      const stored = await h.bot.db.salesPlanVersion.findFirstOrThrow({
        where: { sourceViewId: { startsWith: 'file:' } },
      });
      expect(JSON.parse(stored.content).file).toMatchObject({ name: '二三月計劃.md' });
      expect(dmsTo(h, PM).map((m) => m.text)).toContainEqual(expect.stringContaining('階段銷售計劃第 1 版，等待'));

      // a file with no goals is refused in the DM, naming what is missing
      await upload(h, PM, '草稿.md', Buffer.from('# 階段銷售計劃 2027-04\n## 市場分析\n待補'));
      await waitFor(
        async () => h.fake.state.messages.some((m) => m.channel === dm && m.text.includes('無法當作計劃送審')),
        'the refusal',
      );
      expect(h.fake.state.messages.find((m) => m.text.includes('「草稿.md」無法當作計劃送審'))?.text).toContain(
        '請填寫「銷售目標」',
      );

      // a heading the bot does not know is named, not dropped with what is under it; nothing is submitted
      const before = await h.bot.db.salesPlanVersion.count();
      const unknown = '# 階段銷售計劃 2027-04\n## 銷售目標\n50 套\n## 月度次要重點 老帶新活動\n老帶新';
      await upload(h, PM, '重點.md', Buffer.from(unknown));
      const refusal = () => h.fake.state.messages.find((m) => m.text.includes('「重點.md」沒有送審'))?.text ?? '';
      await waitFor(async () => refusal() !== '', 'the unknown heading named');
      expect(refusal()).toContain('不認得標題 「月度次要重點 老帶新活動」');
      expect(refusal()).toContain('次要重點一');
      expect(await h.bot.db.salesPlanVersion.count()).toBe(before);

      // the same plan as a Word file: a new version of it
      const zip = new JSZip();
      const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
      const body = [
        '階段銷售計劃 2027-02～2027-03',
        '銷售目標',
        '兩個月簽約 90 套 &amp; 回款 1 億',
        '月度主要重點',
        '房展會',
      ]
        .map(paragraph)
        .join('');
      zip.file('word/document.xml', `<?xml version="1.0"?><w:document><w:body>${body}</w:body></w:document>`);
      await upload(h, PM, '二三月計劃.docx', await zip.generateAsync({ type: 'nodebuffer' }));
      await waitFor(
        async () => (await h.bot.db.salesPlanVersion.count({ where: { sourceViewId: { startsWith: 'file:' } } })) === 2,
        'v2',
      );
      await settle(h);
      expect(await h.bot.db.salesPlan.count({ where: { kind: 'stage' } })).toBe(1);
      expect(blocksText(cardOf(h, title))).toContain('第 2 版・待審核');
      expect(blocksText(cardOf(h, title))).toContain('兩個月簽約 90 套 &amp; 回款 1 億');
    });
  });

  describe("on a brand: the SLT's annual plan approved by the GM", () => {
    let h: Harness;
    const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'));
    beforeAll(async () => {
      h = await startHarness({ provider, clock, orgFile: BRAND_ORG });
    });
    afterAll(async () => h?.stop());

    it('opens next year, is approved by the GM in the thread and published to announcements', async () => {
      expect(answerText((await h.driver.command('U0KEYACC01', '/task', 'plan')).json)).toContain(
        '年度、季度計劃由銷售總監',
      );
      const form = await openedView(h, () => h.driver.command('U0SALDIR02', '/task', 'plan'));
      expect(JSON.stringify(form.view)).toContain('年度銷售計劃');
      expect(JSON.stringify(form.view)).toContain('"initial_value":"2027-01"');
      await h.driver.submitView('U0SALDIR02', form, {
        fromMonth: '2027-01',
        toMonth: '2027-12',
        goals: '全年銷售 5 億',
      });
      await settle(h);
      const card = cardOf(h, '2027-01～2027-12 年度銷售計劃');
      await h.driver.replyInThread('U0DEPDIR01', card, '通過'); // not an approver: nothing happens
      await h.driver.replyInThread('U0GENMGR01', card, '通過');
      await waitFor(async () => (await h.bot.db.salesPlan.findFirstOrThrow()).status === 'approved', 'the approval');
      await settle(h);
      expect((await h.bot.db.salesPlan.findFirstOrThrow()).decidedBy).toBe('U0GENMGR01');
      const posted = h.fake.state.inChannel('C0ANNOUNC2').map(blocksText);
      expect(posted.filter((t) => t.includes('📘 2027-01～2027-12 年度銷售計劃（第 1 版）'))).toHaveLength(1);
    });
  });
});
