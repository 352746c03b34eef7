// Makes the README's scorecard picture from the sandbox: a brand's November targets split and sales
// recorded through the sandbox page's own API, then the sandbox clock moved to Thursday 3 December 2026,
// 09:05 (the 3rd working day), when the scorecards go out; saves the chart beside the market manager's
// table of their reports, and (with Chromium) the sandbox page showing both.
// Run: npx tsx scripts/sandbox-scorecard-picture.ts
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixedClock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';

const DOCS = path.resolve(import.meta.dirname, '../docs');
const MM = 'U0MKTMGR01'; // 梁志遠, market 華東
const dir = mkdtempSync(path.join(os.tmpdir(), 'sandbox-scorecard-'));
const clock = new FixedClock(new Date('2026-11-26T02:00:00Z'), { running: true });
const env = {
  SANDBOX_DATABASE_URL: `file:${path.join(dir, 'sandbox.db')}`,
  ORG_FILE: path.resolve(import.meta.dirname, '../fixtures/org-brand-sales.yml'),
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
/** Types a command as someone and submits the modal it opens with these values. */
async function submit(user: string, text: string, values: (blocks: { block_id: string }[]) => Record<string, string>) {
  const before = new Set(sandbox.fake.state.views.keys());
  await api('/api/command', { user, text });
  const opened = () => [...sandbox.fake.state.views.values()].find((v) => !before.has(v.id) && v.user === user);
  for (let i = 0; i < 100 && !opened(); i += 1) await new Promise((r) => setTimeout(r, 100));
  const view = opened();
  if (!view) throw new Error(`${text} opened no modal`);
  const answer = await api('/api/submit', { user, viewId: view.id, values: values(view.view.blocks as never[]) });
  if (answer.errors) throw new Error(`${text}: ${JSON.stringify(answer.errors)}`);
}

/** The scorecard chart the market manager was sent, once the drawing worker has uploaded it. */
async function scorecardPicture(): Promise<Buffer> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    const shared = sandbox.fake.state
      .inChannel(MM)
      .flatMap((m) => m.files ?? [])
      .find((f) => f.title.includes('考評'));
    const image = shared && sandbox.fake.state.files.get(shared.id)?.data;
    if (image) return Buffer.from(image);
  }
  throw new Error('no scorecard chart arrived');
}

try {
  await submit('U0DEPDIR01', '/targets set 2026-11', (blocks) => {
    const values: Record<string, string> = { parent: '7375000' };
    for (const b of blocks.filter((x) => String(x.block_id).startsWith('row:')))
      values[b.block_id] = b.block_id === 'row:market:E' ? '3000000' : '625000';
    return values;
  });
  await submit(MM, '/targets set 2026-11', () => ({
    'row:person:U0UNITMG01': '1800000',
    'row:person:U0UNITMG02': '1200000',
  }));
  const sale = (person: string, account: string, value: string) => () => ({
    person,
    account,
    month: '2026-11',
    metric: 'amount',
    value,
  });
  await submit('U0SALREP01', '/sales', sale('U0SALREP01', '滬東分銷', '1620000'));
  await submit('U0KEYACC02', '/sales', sale('U0KEYACC02', '杭興貿易', '480000'));
  const moved = await api('/api/clock', { user: MM, action: 'to', local: '2026-12-03T09:05' });
  console.log('clock moved to', moved.now);
  writeFileSync(path.join(DOCS, 'sandbox-scorecard-chart.png'), await scorecardPicture());
  console.log('saved docs/sandbox-scorecard-chart.png');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    const { chromium: browsers } = await import('playwright-core');
    const browser = await browsers.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 760 }, locale: 'zh-TW' });
      await page.goto(sandbox.url);
      const who = await page.locator('#who option', { hasText: '梁志遠' }).first().getAttribute('value');
      if (!who) throw new Error('梁志遠 is not in the sandbox picker');
      await page.selectOption('#who', who);
      await page.waitForTimeout(1_000);
      await page.getByText('銷售小幫手 (bot)').first().click(); // the DM with the bot
      const chart = page.locator('img.file-image').last();
      await chart.waitFor({ timeout: 20_000 });
      await chart.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      // the conversation only, below the clock bar: the market manager's own card, the table and its chart
      const clip = { x: 260, y: 180, width: 840, height: 515 };
      await page.screenshot({ path: path.join(DOCS, 'sandbox-scorecards-page.png'), clip });
      console.log('saved docs/sandbox-scorecards-page.png');
    } finally {
      await browser.close();
    }
  }
} finally {
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
}
