import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { PROPERTY_ORG } from '../support/harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(import.meta.dirname, '../../test-results/sandbox');

describe('the sandbox in a real browser (Chromium)', () => {
  let sandbox: RunningSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`);
    mkdirSync(SHOTS, { recursive: true });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-'));
    sandbox = await startSandbox({ env: { DATABASE_URL: `file:${path.join(dir, 'bot.db')}`, ORG_FILE: PROPERTY_ORG, PORT: '0', LOG_LEVEL: 'silent' }, sandboxPort: 0, logger: createLogger('silent') });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-TW' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  const become = async (name: string) => {
    const value = await page.locator('#who option', { hasText: name }).first().getAttribute('value');
    await page.selectOption('#who', value!);
    await page.waitForTimeout(300);
  };
  const command = async (text: string) => {
    await page.fill('#command', text);
    await page.press('#command', 'Enter');
  };

  it('files a visit as a salesperson, approves it in the thread as the team lead, and shows the decision back', async () => {
    await page.goto(sandbox.url);
    await expect.poll(() => page.locator('#org').textContent()).toBe('翠湖苑銷售案場');
    await become('周子豪');
    await expect.poll(() => page.locator('#messages').textContent()).toContain('周子豪');

    await command('/visit');
    await page.waitForSelector('#modal .input', { state: 'visible' });
    expect(await page.locator('#modal-title').textContent()).toBe('客戶來訪登記');
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
  });

  it('answers /targets, and shows App Home', async () => {
    await command('/targets');
    await expect.poll(() => page.locator('#answers').textContent(), { timeout: 10_000 }).toContain('周子豪 的目標與達成');
    expect(await page.locator('#answers').textContent()).toContain('來訪組數');
    await page.screenshot({ path: path.join(SHOTS, '4-targets.png') });
    await page.click('#home-tab');
    await expect.poll(() => page.locator('#messages').textContent(), { timeout: 10_000 }).toContain('我的目標');
    await page.screenshot({ path: path.join(SHOTS, '5-app-home.png') });
  });

  it('shows a block it cannot draw as a placeholder instead of dropping it', async () => {
    const rendered = await page.evaluate(() => (globalThis as unknown as { renderBlocks: (b: unknown[], c: unknown) => string }).renderBlocks([{ type: 'video', title: { type: 'plain_text', text: 'x' } }], {}));
    expect(rendered).toContain('unsupported block: video');
  });
});
