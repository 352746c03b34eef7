import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { HAS_CHROMIUM, SHOTS, becomeOn, openSandbox, requireChromium } from '../support/sandbox-browser.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';

// The brand's sandbox with its register: the clock moved to Monday's phone-visit meeting, a CSR logs a
// call from the list in her DM, and picks a visited account from the register in /visit.
describe.skipIf(!HAS_CHROMIUM)('the weekly phone visits in the sandbox, in a real browser (Chromium)', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    requireChromium();
    // Sunday 29 November 2026, 10:00 in Shanghai; the sandbox's clock runs on from there
    ({ sandbox, browser, page } = await openSandbox(BRAND_ACCOUNTS_ORG, '2026-11-29T02:00:00Z'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  const become = (name: string) => becomeOn(page, name);
  const openBotDm = () => page.locator('.conv', { hasText: '銷售小幫手' }).first().click();

  it('moves the clock to Monday 09:30, where the CSR finds her list and logs a call from it', async () => {
    await page.goto(sandbox.url);
    await expect.poll(() => page.locator('#org').textContent()).toBe('M品牌銷售部');
    await page.fill('#clock-to', '2026-11-30T09:30');
    await page.click('#clock button[type="submit"]');
    await expect.poll(() => page.locator('#clock-result').textContent(), { timeout: 60_000 }).toContain('✓');
    await become('高婉清');
    await openBotDm();
    await expect
      .poll(() => page.locator('#messages').textContent(), { timeout: 10_000 })
      .toContain('本週電話拜訪清單（2026-11-30 週）：25 通');
    const log = page.locator('button[data-click="phone_call_log"]');
    await expect.poll(() => log.count()).toBe(25);
    await log.first().click();
    await expect.poll(() => page.locator('#modal-title').textContent()).toBe('記錄電話拜訪');
    await page.click('#modal-submit');
    await expect.poll(() => page.locator('#err-outcome').textContent()).toBe('請選擇這通電話的結果');
    await page.selectOption('#f-outcome', 'reached');
    await page.fill('#f-notes', '月底前回款 30 萬');
    await page.fill('#f-next', '週五確認到帳');
    await page.click('#modal-submit');
    await expect
      .poll(() => page.locator('#messages').textContent(), { timeout: 10_000 })
      .toContain('已記錄 NED01 瀋陽昌和物流 的電話拜訪：接通。');
    await page.screenshot({ path: path.join(SHOTS, 'brand-phone-call-logged.png') });
    expect(await sandbox.bot.db.phoneCall.count({ where: { status: 'made' } })).toBe(1);
  });

  it('picks the visited account in /visit from the register, searched as one types', async () => {
    await become('彭麗');
    await page.fill('#command', '/visit');
    await page.press('#command', 'Enter');
    await expect.poll(() => page.locator('#f-account').count()).toBe(1);
    await page.fill('#f-account', '滬東');
    await expect
      .poll(() => page.locator('#dl-f-account option').first().getAttribute('value'), { timeout: 10_000 })
      .toBe('ED01');
    expect(await page.locator('#dl-f-account option').first().textContent()).toBe('ED01 滬東分銷');
  });
});
