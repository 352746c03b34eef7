// Makes the README's stage plan picture from the sandbox: the PM submits a stage plan with `/task plan`
// through the sandbox page's own API, the sales director approves it by replying 通過 in its thread,
// and (with Chromium) the page shows the approved card and its thread as the director sees them.
// Run: npx tsx scripts/sandbox-plan-picture.ts
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixedClock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';

const DOCS = path.resolve(import.meta.dirname, '../docs');
const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-plan-'));
const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'), { running: true });
const env = {
  SANDBOX_DATABASE_URL: `file:${path.join(dir, 'sandbox.db')}`,
  ORG_FILE: path.resolve(import.meta.dirname, '../fixtures/org-property-site.yml'),
  PORT: '0',
  LOG_LEVEL: 'silent',
};
const sandbox = await startSandbox({ env, sandboxPort: 0, clock, logger: createLogger('silent') });
const api = async (route: string, body: Record<string, unknown>) =>
  (await (
    await fetch(`${sandbox.url.replace(/\/$/, '')}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json()) as Record<string, unknown>;
const until = async (what: string, ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i += 1) await new Promise((r) => setTimeout(r, 100));
  if (!ok()) throw new Error(`no ${what}`);
};

try {
  const PM = 'U0PROJMGR1';
  const before = new Set(sandbox.fake.state.views.keys());
  await api('/api/command', { user: PM, text: '/task plan' });
  const opened = () => [...sandbox.fake.state.views.values()].find((v) => !before.has(v.id) && v.user === PM);
  await until('plan modal', () => opened() !== undefined);
  const values = {
    fromMonth: '2026-12',
    toMonth: '2027-01',
    goals: '兩個月簽約 60 套，回款 9,000 萬',
    market: '區域內三個競品同期開盤，價格戰明顯',
    pricing: '首付分期，老帶新送一年物業費',
    schedule: '12 月加推 3 棟，1 月清尾盤',
    budget: '推廣費 120 萬',
    focusMain: '3 棟加推蓄客，認籌 200 組',
    focusSecondary1: '老帶新活動',
    focusSecondary2: '清理逾期尾款',
  };
  const answer = await api('/api/submit', { user: PM, viewId: opened()?.id, values });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  const card = () =>
    sandbox.fake.state.messages.find((m) => !m.threadTs && JSON.stringify(m.blocks ?? []).includes('plan_'));
  await until('plan card', () => card() !== undefined);
  const posted = card();
  await api('/api/reply', { user: 'U0SALDIR01', channel: posted?.channel, ts: posted?.ts, text: '通過' });
  await until('publication', () => sandbox.fake.state.inChannel('C0PLANNING1').length > 0);
  console.log('the plan was approved in its thread and published');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    const { chromium: browsers } = await import('playwright-core');
    const browser = await browsers.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1100 }, locale: 'zh-TW' });
      await page.goto(sandbox.url);
      const who = await page.locator('#who option', { hasText: '黃國強' }).first().getAttribute('value');
      if (!who) throw new Error('黃國強 is not in the sandbox picker');
      await page.selectOption('#who', who);
      await page.waitForTimeout(1_000);
      await page.getByText('👥 王建國').first().click();
      await page.getByText('第 1 版・已核准').first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: path.join(DOCS, 'sandbox-stage-plan.png') });
      console.log('saved docs/sandbox-stage-plan.png');
    } finally {
      await browser.close();
    }
  }
} finally {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
}
