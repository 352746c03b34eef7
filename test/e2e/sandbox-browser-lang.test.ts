import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { HAS_CHROMIUM, becomeOn, commandOn, openSandbox, requireChromium } from '../support/sandbox-browser.ts';
import { BRAND_ORG } from '../support/harness.ts';

describe.skipIf(!HAS_CHROMIUM)('the sandbox’s claim modal after /org lang en (Chromium)', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    requireChromium();
    ({ sandbox, browser, page } = await openSandbox(BRAND_ORG, '2026-11-27T06:00:00Z'));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it('marks the optional fields "(optional)", in the reader’s language, not 選填', async () => {
    await page.goto(sandbox.url);
    await becomeOn(page, '彭麗');
    await commandOn(page, '/org lang en');
    const localeOf = async () =>
      ((await (await fetch(`${sandbox.url}api/state?user=U0KEYACC01`)).json()) as { locale?: string }).locale;
    await expect.poll(localeOf).toBe('en');
    await commandOn(page, '/expense');
    await page.waitForSelector('#modal .input', { state: 'visible' });
    const receipt = await page.locator('.input[data-block="receipt"] label').textContent();
    expect(receipt).toBe('Receipt reference (optional)');
    const marks = await page.locator('#modal .input label small').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((text) => text === '(optional)')).toBe(true);
  });
});
