import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { HAS_CHROMIUM, SHOTS, becomeOn, commandOn, openSandbox, requireChromium } from '../support/sandbox-browser.ts';
import { BRAND_ORG } from '../support/harness.ts';

describe.skipIf(!HAS_CHROMIUM)('the sandbox in Chromium: a split modal’s running sum as rows are typed', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;
  const row = (key: string) => page.locator(`[id="f-row:${key}"]`);
  const modalText = () => page.locator('#modal-body').textContent();

  beforeAll(async () => {
    requireChromium();
    // 10:00 in Shanghai on 26 November 2026, the clock running on
    ({ sandbox, browser, page } = await openSandbox(BRAND_ORG, '2026-11-26T02:00:00Z'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  it('sends block_actions on enter and on leaving a changed row, and draws the views.update', async () => {
    await page.goto(sandbox.url);
    await becomeOn(page, '梁志遠');
    await commandOn(page, '/targets set 2026-11');
    await page.waitForSelector('#modal .input', { state: 'visible' });
    expect(await modalText()).toContain('已拆分合計：¥0');
    expect(await modalText()).toContain('按 Enter 更新');
    await row('person:U0UNITMG01').fill('1000000');
    await row('person:U0UNITMG01').press('Enter');
    await expect.poll(modalText, { timeout: 10_000 }).toContain('已拆分合計：¥1,000,000');
    // the field one typed in keeps its value and the focus through the redraw
    expect(await row('person:U0UNITMG01').inputValue()).toBe('1000000');
    expect(await page.evaluate('document.activeElement?.id')).toBe('f-row:person:U0UNITMG01');
    await row('person:U0UNITMG02').fill('500000.50');
    await row('person:U0UNITMG02').press('Tab');
    await expect.poll(modalText, { timeout: 10_000 }).toContain('已拆分合計：¥1,500,000.50');
    await page.screenshot({ path: path.join(SHOTS, 'split-running-sum.png') });
    expect(await row('person:U0UNITMG01').inputValue()).toBe('1000000');
    await page.click('#modal-close');
  });

  it('does the same in an expense budget’s split', async () => {
    // the organisation's budget is split from the top: below it, a line with no budget is not split
    await becomeOn(page, '趙永康');
    await commandOn(page, '/expense budget set 2026-11 差旅');
    await page.waitForSelector('#modal .input', { state: 'visible' });
    expect(await modalText()).toContain('已拆分合計：¥0');
    const first = page.locator('[id^="f-row:"]').first();
    await first.fill('20000');
    await first.press('Enter');
    await expect.poll(modalText, { timeout: 10_000 }).toContain('已拆分合計：¥20,000');
  });
});
