import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { BRAND_ACCOUNTS_ORG } from '../support/account-flow.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without Chromium (outside CI) the browser suites are skipped; global-setup.ts says so at the end. */
const HAS_CHROMIUM = inject('chromium');
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/sandbox');

/** A sandbox on a database of its own, its clock running from `startAt`, and a page on it in Chromium. */
async function openSandbox(
  orgFile: string,
  startAt: string,
): Promise<{ sandbox: RunningSandbox; browser: Browser; page: Page }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
  const clock = new FixedClock(new Date(startAt), { running: true });
  const env = {
    SANDBOX_DATABASE_URL: `file:${path.join(dir, 'sandbox.db')}`,
    ORG_FILE: orgFile,
    PORT: '0',
    LOG_LEVEL: 'silent',
  };
  const sandbox = await startSandbox({ env, sandboxPort: 0, clock, logger: createLogger('silent') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // the browser in UTC, as the trial's was: the organisation's zone is not the browser's
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-TW', timezoneId: 'UTC' });
  return { sandbox, browser, page };
}

/** Picks a person in the page's "I am" list. */
async function becomeOn(page: Page, name: string): Promise<void> {
  const value = await page.locator('#who option', { hasText: name }).first().getAttribute('value');
  await page.selectOption('#who', value!);
  await page.waitForTimeout(300);
}

/** Types a line in the message box and sends it. */
async function commandOn(page: Page, text: string): Promise<void> {
  await page.fill('#command', text);
  await page.press('#command', 'Enter');
}

describe.skipIf(!HAS_CHROMIUM)('an order over the limit in the sandbox, in a real browser (Chromium)', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`,
      );
    mkdirSync(SHOTS, { recursive: true });
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
