import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/start-sandbox.ts';
import { FixedClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';

// What the browser tests share: Chromium, where screenshots go, a sandbox opened on a page, and the
// page's two most used moves.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without Chromium (outside CI) the browser suites are skipped; global-setup.ts says so at the end. */
export const HAS_CHROMIUM = inject('chromium');
export const SHOTS = path.resolve(import.meta.dirname, '../../test-results/sandbox');

/** A sandbox on a database of its own, its clock running from `startAt`, and a page on it in Chromium. */
export async function openSandbox(
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
export async function becomeOn(page: Page, name: string): Promise<void> {
  const value = await page.locator('#who option', { hasText: name }).first().getAttribute('value');
  await page.selectOption('#who', value!);
  await page.waitForTimeout(300);
}

/** Types a line in the message box and sends it. */
export async function commandOn(page: Page, text: string): Promise<void> {
  await page.fill('#command', text);
  await page.press('#command', 'Enter');
}

/** Fails the suite at once, naming what to install, when the machine has no Chromium where it looks. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`);
  mkdirSync(SHOTS, { recursive: true });
}
