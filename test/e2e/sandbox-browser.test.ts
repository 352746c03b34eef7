import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebClient } from '@slack/web-api';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { createLogger } from '../../src/lib/logger.ts';
import {
  CHROMIUM,
  HAS_CHROMIUM,
  SHOTS,
  becomeOn,
  commandOn,
  openSandbox,
  requireChromium,
} from '../support/sandbox-browser.ts';
import { BRAND_ORG, PROPERTY_ORG } from '../support/harness.ts';

describe.skipIf(!HAS_CHROMIUM)('the sandbox in a real browser (Chromium)', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    requireChromium();
    // 14:00 in Taipei on 27 November 2026; the sandbox's clock runs on from there
    ({ sandbox, browser, page } = await openSandbox(PROPERTY_ORG, '2026-11-27T06:00:00Z'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  const become = (name: string) => becomeOn(page, name);
  const command = (text: string) => commandOn(page, text);
  // the page's own copy of the guide (a top-level `let` of its script)
  const guide = () => page.evaluate('people.guide') as Promise<{ as?: string; text: string }[]>;
  const customerStage = async () =>
    (await sandbox.bot.db.customer.findFirstOrThrow({ where: { name: '林小姐' } })).stage;

  it('files a visit as a salesperson, approves it in the thread as the lead, shows the decision back', async () => {
    await page.goto(sandbox.url);
    await expect.poll(() => page.locator('#org').textContent()).toBe('翠湖苑銷售案場');
    const steps = await guide();
    expect(steps[0]).toMatchObject({ as: 'U0SALES001', text: expect.stringContaining('周子豪 的身分輸入 `/visit`') });
    expect(steps[1]).toMatchObject({ as: 'U0TLEAD001', text: expect.stringContaining('回覆「通過」') });
    await become('周子豪');
    await expect.poll(() => page.locator('#messages').textContent()).toContain('周子豪');

    await command('/visit');
    await page.waitForSelector('#modal .input', { state: 'visible' });
    expect(await page.locator('#modal-title').textContent()).toBe('客戶來訪登記');
    // the time is shown and read in the organisation's zone (Taipei), as the clock is, not the browser's UTC
    const clockLocal = new Date(sandbox.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 13);
    expect(await page.inputValue('#f-visitAt')).toContain(clockLocal);
    await page.fill('#f-visitAt', '2026-11-27T13:00');
    await page.fill('#f-customerName', '林小姐');
    await page.fill('#f-phone', '12345');
    await page.selectOption('#f-source', 'referral');
    await page.selectOption('#f-grade', 'A');
    await page.fill('#f-notes', '想看南向三房');
    await page.click('#modal-submit');
    await expect.poll(() => page.locator('#err-phone').textContent()).toContain('格式不對');
    await page.screenshot({ path: path.join(SHOTS, '1-inline-error.png') });
    await page.fill('#f-phone', '138 1234 5678');
    await page.click('#modal-submit');
    await page.waitForSelector('#modal', { state: 'hidden' });

    await become('劉大偉');
    const group = page.locator('.conv', { hasText: '周子豪' });
    await group.first().waitFor({ timeout: 10_000 });
    await group.first().click();
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('待審核');
    expect(await page.locator('#messages').textContent()).toContain('138****5678');
    await page.locator('[data-thread]').first().click();
    await page.fill('form.reply input', '通過');
    await page.press('form.reply input', 'Enter');
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('已由 劉大偉');
    await expect.poll(() => page.locator('button[data-click="visit_approve"]').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, '2-approved-in-thread.png') });

    await become('周子豪');
    await page.locator('.conv', { hasText: '劉大偉' }).first().click();
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('已由 劉大偉');
    await page.locator('.conv', { hasText: '銷售小幫手' }).first().click();
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('客戶檔案：林小姐');
    await page.screenshot({ path: path.join(SHOTS, '3-decision-seen.png') });
    const visit = await sandbox.bot.db.visit.findFirstOrThrow({ where: { customerName: '林小姐' } });
    expect(visit.visitAt.toISOString()).toBe('2026-11-27T05:00:00.000Z');
  });

  it("clicks a /visit answer's buttons, confirming where Slack would, and a manager undoes the step", async () => {
    await command('/visit 林');
    const next = page.locator('#answers button[data-click="customer_next"]');
    await next.first().waitFor({ timeout: 10_000 });
    expect(await next.first().isDisabled()).toBe(false);
    await next.first().click();
    await expect.poll(() => page.locator('#confirm').isVisible()).toBe(true);
    expect(await page.locator('#confirm-title').textContent()).toBe('確認變更階段');
    expect(await page.locator('#confirm-text').textContent()).toContain('林小姐');
    await page.screenshot({ path: path.join(SHOTS, '3a-confirm.png') });
    await page.click('#confirm-deny');
    await page.waitForTimeout(400);
    expect(await customerStage()).toBe('visiting');
    await next.first().click();
    await page.click('#confirm-ok');
    await expect.poll(customerStage, { timeout: 10_000 }).toBe('reserved');

    await become('劉大偉');
    await command('/visit 林');
    const undo = page.locator('#answers button[data-click="customer_undo"]');
    await undo.first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SHOTS, '3b-manager-answer.png') });
    await undo.first().click();
    await page.click('#confirm-ok');
    await expect.poll(customerStage, { timeout: 10_000 }).toBe('visiting');
    await become('周子豪');
  });

  it('answers /targets, and shows App Home', async () => {
    await command('/targets');
    await expect
      .poll(() => page.locator('#answers').textContent(), { timeout: 10_000 })
      .toContain('周子豪 的目標與達成');
    expect(await page.locator('#answers').textContent()).toContain('來訪組數');
    await page.screenshot({ path: path.join(SHOTS, '4-targets.png') });
    await page.click('#home-tab');
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('我的目標');
    await page.screenshot({ path: path.join(SHOTS, '5-app-home.png') });
  });

  it(
    'shares /visit export, as the guide writes it, as a file in the DM whose download is a CSV with its BOM for ' +
      'Excel',
    async () => {
      const step = (await guide())[2];
      expect(step.as).toBe('U0PROJMGR1');
      await become('王建國');
      await command(/`(\/visit export[^`]*)`/.exec(step.text)![1]);
      await page.locator('.conv', { hasText: '銷售小幫手' }).first().click();
      const link = page.locator('#messages a.file');
      await link.first().waitFor({ timeout: 10_000 });
      expect(await page.locator('#messages').textContent()).toContain('共 1 筆');
      await page.screenshot({ path: path.join(SHOTS, '6-export-file.png') });
      const [download] = await Promise.all([page.waitForEvent('download'), link.first().click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain('林小姐');
    },
  );

  it('keeps a half-filled modal over a reload, and says "(選填)" once, in the reader\'s language', async () => {
    await become('周子豪');
    await command('/issue');
    await page.waitForSelector('#modal .input', { state: 'visible' });
    const subject = await page.locator('.input[data-block="subject"] label').textContent();
    expect(subject).toBe('相關客戶／房號 (選填)'); // the label without it, the mark once, as Slack shows it
    const optionalLabels = await page.locator('#modal .input label small').allTextContents();
    expect(optionalLabels.every((text) => text === '(選填)')).toBe(true);
    await page.fill('#f-subject', '林小姐');
    await page.reload();
    await page.waitForSelector('#modal .input', { state: 'visible' });
    expect(await page.inputValue('#f-subject')).toBe('林小姐');
    await page.click('#modal-close');
    await page.waitForSelector('#modal', { state: 'hidden' });
  });

  it('shows an ephemeral message without a thread link, and wraps a long URL in a narrow window', async () => {
    await become('周子豪');
    const token = (sandbox.fake as unknown as { options: { botToken: string } }).options.botToken;
    const client = new WebClient(token, { slackApiUrl: sandbox.fake.apiUrl });
    await client.chat.postEphemeral({ channel: 'C0SITEOPS1', user: 'U0SALES001', text: '只有你看得到的提示' });
    const url = `https://example.com/${'a-very-long-path-segment/'.repeat(12)}`;
    await page.locator('.conv', { hasText: 'site' }).first().click();
    await command(`看這個 ${url}`);
    await expect
      .poll(() => page.locator('#messages').textContent(), { timeout: 10_000 })
      .toContain('只有你看得到的提示');
    await expect.poll(() => page.locator('#messages a[href^="https://example.com/"]').count()).toBe(1);
    const ephemeral = page.locator('.msg.ephemeral', { hasText: '只有你看得到的提示' });
    expect(await ephemeral.evaluate((el) => el.nextElementSibling?.matches('[data-thread]') ?? false)).toBe(false);
    await page.setViewportSize({ width: 380, height: 760 });
    await page.waitForTimeout(200);
    expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(380);
    expect(await page.locator('#messages').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect.poll(() => page.locator('#command').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, '7-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it("follows the guide's last step: the next event is the evening summary the secretary reads in her DM", async () => {
    const step = (await guide())[3];
    expect(step.text).toContain('「下一個排程」');
    await page.click('#clock button[data-move="next"]');
    await expect.poll(() => page.locator('#clock-result').textContent(), { timeout: 30_000 }).toContain('✓');
    expect(step.as).toBe('U0SECRET01');
    await become('張雅婷');
    await page.locator('.conv', { hasText: '銷售小幫手' }).first().click();
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 15_000 }).toContain('來訪匯總');
    expect(await page.locator('#messages').textContent()).toContain('林小姐');
    await page.screenshot({ path: path.join(SHOTS, '8-evening-summary.png') });
  });

  it('shows a block it cannot draw as a placeholder instead of dropping it', async () => {
    const rendered = await page.evaluate(() =>
      (globalThis as unknown as { renderBlocks: (b: unknown[], c: unknown) => string }).renderBlocks(
        [{ type: 'video', title: { type: 'plain_text', text: 'x' } }],
        {},
      ),
    );
    expect(rendered).toContain('unsupported block: video');
  });
});

describe.skipIf(!HAS_CHROMIUM)(
  'the sandbox clock in a real browser (brand org): a focus from draft to acknowledgement reminders',
  () => {
    let sandbox: RunningSandbox;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      // Friday 27 November 2026, 16:00 in Shanghai; next month's focus publishes on Monday 7 December (the 6th is a
      // Sunday)
      ({ sandbox, browser, page } = await openSandbox(BRAND_ORG, '2026-11-27T08:00:00Z'));
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await sandbox?.stop();
    });

    const become = (name: string) => becomeOn(page, name);
    const command = (text: string) => commandOn(page, text);
    const moveClockTo = async (local: string) => {
      await page.fill('#clock-to', local);
      await page.click('#clock button[type="submit"]');
      await expect.poll(() => page.locator('#clock-result').textContent(), { timeout: 60_000 }).toContain('✓');
    };
    const guide = () => page.evaluate('people.guide') as Promise<{ as?: string; text: string }[]>;
    // the guide's reminder step as read on the first day, before the clock moves on
    let reminderStep = '';
    const nameOf = async (id: string | undefined) =>
      (await page.locator(`#who option[value="${id}"]`).textContent())!.split(' · ')[0];

    it('opens on the guide, with the org panel and each person shown with their team', async () => {
      await page.goto(sandbox.url);
      await expect.poll(() => page.locator('#org').textContent()).toBe('M品牌銷售部');
      await expect.poll(() => page.locator('#messages').textContent()).toContain('/focus 2026-12');
      expect(await page.locator('#who option', { hasText: '蔣濤' }).textContent()).toContain('FSF・華東');
      await page.screenshot({ path: path.join(SHOTS, 'brand-0-guide.png') });
      await page.click('#org-tab');
      await expect.poll(() => page.locator('.tree').textContent()).toContain('SSG 銷售秘書組');
      await page.screenshot({ path: path.join(SHOTS, 'brand-1-org-panel.png') });
      expect(await page.locator('#clock-now').textContent()).toContain('2026/11/27');
    });

    it("drafts next month's focus as the sales director; the GM approves it, as the guide says", async () => {
      const [draft, approval] = await guide();
      expect(await nameOf(draft.as)).toBe('孫立群');
      expect(await nameOf(approval.as)).toBe('趙永康');
      expect(approval.text).toContain('孫立群 的群組訊息');
      await become('孫立群');
      await command('/focus 2026-12');
      await page.waitForSelector('#modal .input', { state: 'visible' });
      await page.fill('#f-main', '華東新開三家分銷');
      await page.fill('#f-secondary1', '回款率九成五');
      await page.fill('#f-secondary2', '新人培訓');
      await page.click('#modal-submit');
      await page.waitForSelector('#modal', { state: 'hidden' });
      // the drafter never approves their own draft: a second SLT member does
      await become(await nameOf(approval.as));
      await page.locator('.conv', { hasText: '孫立群' }).first().click();
      const approve = page.locator('button[data-click="focus_approve"]');
      await approve.first().waitFor({ timeout: 10_000 });
      await approve.first().click();
      await expect.poll(() => page.locator('button[data-click="focus_approve"]').count(), { timeout: 10_000 }).toBe(0);
    });

    it(
      'moves the clock with 撥到 to the publish day the guide names, where a rep sees the published focus and ' +
        'acknowledges it',
      async () => {
        const step = (await guide())[2];
        reminderStep = (await guide())[3].text;
        const [, day, time] = /(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(step.text)!;
        expect(`${day} ${time}`).toBe('2026-12-07 09:00');
        expect(step.text).toContain('「撥到」');
        await moveClockTo(`${day}T${time}`);
        // the page redraws the clock on its next refresh after the move
        await expect.poll(() => page.locator('#clock-now').textContent()).toContain('2026/12/07');
        await become(await nameOf(step.as));
        await page.locator('.conv', { hasText: '銷售小幫手' }).first().click();
        const ack = page.locator('button[data-click="focus_ack"]');
        await ack.first().waitFor({ timeout: 15_000 });
        expect(await page.locator('#messages').textContent()).toContain('華東新開三家分銷');
        await page.screenshot({ path: path.join(SHOTS, 'brand-2-focus-published.png') });
        await ack.first().click();
        await expect.poll(() => page.locator('button[data-click="focus_ack"]').count(), { timeout: 10_000 }).toBe(0);
      },
    );

    it(
      'moves on to the reminder day the guide names: the rep who has not acknowledged is reminded, and /focus ' +
        'status shows who has',
      async () => {
        // the guide, as read before the clock moved, names the reminder day: two working days after Monday the 7th
        const [, day, time] = /提醒日 (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(reminderStep)!;
        expect(`${day} ${time}`).toBe('2026-12-09 09:00');
        await moveClockTo(`${day}T${time}`);
        await become('沈靜');
        await page.locator('.conv', { hasText: '銷售小幫手' }).first().click();
        await expect
          .poll(() => page.locator('#messages').textContent(), { timeout: 15_000 })
          .toContain('提醒：2026-12 工作重點已發佈兩個工作日');
        await become('孫立群');
        await command('/focus status 2026-12');
        await expect.poll(() => page.locator('#answers').textContent(), { timeout: 10_000 }).toContain('已確認：蔣濤');
        expect(await page.locator('#answers').textContent()).toMatch(/未確認：[^已]*沈靜/);
        await page.screenshot({ path: path.join(SHOTS, 'brand-3-focus-status.png') });
        // the guide's last step: the market manager asks /targets
        const step = (await guide())[4];
        expect(step.text).toContain('`/targets`');
        await become(await nameOf(step.as));
        await command('/targets');
        await expect
          .poll(() => page.locator('#answers').textContent(), { timeout: 10_000 })
          .toContain(`${await nameOf(step.as)} 的目標與達成`);
      },
    );

    it("renders a channel link in mrkdwn as Slack does: #name by the name known, else the link's label", async () => {
      // a feedback message's readers line as the bot writes it
      const html = String(
        await page.evaluate(`mrkdwn('*已閱*（1/5）：<#C0SSGDESK1>（羅敏）；<#C0ELSEWHR|a&amp;b>；<#C0NOLABEL>')`),
      );
      expect(html).toContain('<span class="mention">#ssg</span>（羅敏）');
      expect(html).toContain('<span class="mention">#a&amp;b</span>');
      expect(html).toContain('<span class="mention">#C0NOLABEL</span>');
      expect(html).not.toContain('&lt;#');
    });
  },
);

describe.skipIf(!HAS_CHROMIUM)('the sandbox switches org template from the page', () => {
  it("restarts the bot on the other chart, in the same database, with that chart's people", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-switch-'));
    const sandbox = await startSandbox({
      env: { SANDBOX_DATABASE_URL: `file:${path.join(dir, 'sandbox.db')}`, ORG_FILE: PROPERTY_ORG, PORT: '0' },
      sandboxPort: 0,
      logger: createLogger('silent'),
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-TW' });
      await page.goto(sandbox.url);
      await expect.poll(() => page.locator('#org').textContent()).toBe('翠湖苑銷售案場');
      await page.selectOption('#template', 'brand-sales');
      await expect.poll(() => page.locator('#org').textContent(), { timeout: 20_000 }).toBe('M品牌銷售部');
      expect(await page.locator('#who option', { hasText: '孫立群' }).count()).toBe(1);
      await page.fill('#command', '/org');
      await page.press('#command', 'Enter');
      await expect.poll(() => page.locator('#answers').textContent(), { timeout: 10_000 }).toContain('總經理');
    } finally {
      await browser.close();
      await sandbox.stop();
    }
  });
});
