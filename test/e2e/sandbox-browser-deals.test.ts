import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { HAS_CHROMIUM, SHOTS, becomeOn, commandOn, openSandbox, requireChromium } from '../support/sandbox-browser.ts';
import { PROPERTY_ORG } from '../support/harness.ts';

describe.skipIf(!HAS_CHROMIUM)('the sandbox in Chromium: reserving a unit and recording a payment', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;
  const become = (name: string) => becomeOn(page, name);
  const command = (text: string) => commandOn(page, text);
  const messages = () => page.locator('#messages').textContent();

  beforeAll(async () => {
    requireChromium();
    // 14:00 in the site's zone on Friday 27 November 2026, the clock running on
    ({ sandbox, browser, page } = await openSandbox(PROPERTY_ORG, '2026-11-27T06:00:00Z'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it('files and approves a visit, reserves a unit from its file, and the secretary records a payment', async () => {
    await page.goto(sandbox.url);
    await expect.poll(() => page.locator('#org').textContent()).toBe('翠湖苑銷售案場');
    await become('周子豪');
    await command('/visit');
    await page.waitForSelector('#modal .input', { state: 'visible' });
    await page.fill('#f-customerName', '韓先生');
    await page.fill('#f-phone', '138 2222 3333');
    await page.fill('#f-visitAt', '2026-11-27T13:00');
    await page.selectOption('#f-source', 'referral');
    await page.selectOption('#f-grade', 'A');
    await page.click('#modal-submit');
    await page.waitForSelector('#modal', { state: 'hidden' });
    await become('劉大偉');
    await page.locator('.conv', { hasText: '周子豪' }).first().click();
    await page.locator('[data-thread]').first().click();
    await page.fill('form.reply input', '通過');
    await page.press('form.reply input', 'Enter');
    await expect.poll(messages, { timeout: 10_000 }).toContain('已由 劉大偉');

    await become('周子豪');
    await page.locator('.conv', { hasText: '銷售小幫手' }).first().click();
    const reserve = page.locator('#messages button[data-click="deal_new"]');
    await reserve.first().waitFor({ timeout: 10_000 });
    await reserve.first().click();
    await page.waitForSelector('#f-unit', { state: 'visible' });
    const unit = await page.locator('#f-unit option').nth(1).getAttribute('value');
    await page.selectOption('#f-unit', unit!);
    await page.fill('#f-deposit', '50,000');
    await page.click('#modal-submit');
    await page.waitForSelector('#modal', { state: 'hidden', timeout: 10_000 });
    await expect.poll(messages, { timeout: 10_000 }).toContain('已認購');
    const deal = await sandbox.bot.db.deal.findFirstOrThrow();
    expect(deal.stage).toBe('reserved');
    await page.screenshot({ path: path.join(SHOTS, 'deals-1-reserved.png') });

    await become('張雅婷');
    await command('/deal 韓先生');
    const pay = page.locator('#answers button[data-click="deal_pay"]');
    await pay.first().waitFor({ timeout: 10_000 });
    await pay.first().click();
    await page.waitForSelector('#f-amount', { state: 'visible' });
    await page.fill('#f-amount', '50,000');
    await page.click('#modal-submit');
    await page.waitForSelector('#modal', { state: 'hidden', timeout: 10_000 });
    await expect
      .poll(async () => (await sandbox.bot.db.dealPayment.findMany()).map((p) => Number(p.amountCents)))
      .toEqual([5_000_000]);
    await become('周子豪');
    await page.locator('.conv', { hasText: '銷售小幫手' }).first().click();
    await expect.poll(messages, { timeout: 10_000 }).toContain('已收 ¥50,000');
    await page.screenshot({ path: path.join(SHOTS, 'deals-2-paid.png') });
  }, 120_000);
});
