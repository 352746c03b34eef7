import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { HAS_CHROMIUM, SHOTS, becomeOn, commandOn, openSandbox, requireChromium } from '../support/sandbox-browser.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';

describe.skipIf(!HAS_CHROMIUM)('an order over the limit in the sandbox, in a real browser (Chromium)', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    requireChromium();
    // 10:00 in Shanghai on Friday 27 November 2026; the sandbox's clock runs on from there
    ({ sandbox, browser, page } = await openSandbox(BRAND_ACCOUNTS_ORG, '2026-11-27T02:00:00Z'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it('a CSR places an over-limit order via the confirmation; the SSG leader approves it in its thread', async () => {
    await page.goto(sandbox.url);
    await expect.poll(() => page.locator('#org').textContent()).toBe('M品牌銷售部');
    await becomeOn(page, '羅敏');
    await commandOn(page, '/order');
    await page.waitForSelector('#modal .input', { state: 'visible' });
    expect(await page.locator('#modal-title').textContent()).toBe('錄入訂單');
    await page.fill('#f-account', 'ED01');
    await page.fill('#f-lines', 'TEA001 100\nNOPE99 1');
    await page.click('#modal-submit');
    await expect.poll(() => page.locator('#err-lines').textContent()).toContain('商品目錄中沒有 SKU「NOPE99」');
    await page.fill('#f-lines', 'TEA001 100\nJUC001 20');
    await page.click('#modal-submit');
    // the confirmation: the account has no credit line, so the order will be held
    await expect.poll(() => page.locator('#modal-title').textContent(), { timeout: 10_000 }).toBe('確認訂單');
    const confirm = page.locator('#modal');
    expect(await confirm.textContent()).toContain('訂單合計：¥9,120');
    expect(await confirm.textContent()).toContain('提交後需額度審核（尚未評級／未設信用額度）：送 SSG 組長審核。');
    await page.screenshot({ path: path.join(SHOTS, 'order-1-confirm.png') });
    await page.click('#modal-submit');
    await page.waitForSelector('#modal', { state: 'hidden' });
    await expect.poll(() => sandbox.bot.db.order.count(), { timeout: 10_000 }).toBe(1);
    expect((await sandbox.bot.db.order.findFirstOrThrow()).state).toBe('pending_credit');

    await becomeOn(page, '何麗君');
    await page.locator('[data-conv="C0SSGDESK1"]').click();
    // ED01 has no rating in the sandbox: held as unrated, not as over a limit by its whole total
    await expect
      .poll(() => page.locator('#messages').textContent(), { timeout: 10_000 })
      .toContain('尚未評級／未設信用額度');
    const card = sandbox.fake.state.messages.find((m) => m.channel === 'C0SSGDESK1' && m.text.includes('SO-000001'))!;
    await page.locator(`[data-thread="${card.ts}"]`).click();
    await page.fill('form.reply input', '通過');
    await page.press('form.reply input', 'Enter');
    await expect
      .poll(async () => (await sandbox.bot.db.order.findFirstOrThrow()).state, { timeout: 10_000 })
      .toBe('approved');
    await expect.poll(() => page.locator('button[data-click="order_approve"]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('何麗君 已核准');
    await page.screenshot({ path: path.join(SHOTS, 'order-2-approved-in-thread.png') });
  });
});
