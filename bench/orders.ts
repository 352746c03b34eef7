// npx tsx bench/orders.ts: an order's confirmation (the credit check in one unit of work) through signed
// requests at 32 concurrent, against bare Bolt taking the same traffic, in one run on this machine (SQLite).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import type { StoredView } from '../src/fake-slack/workspace-state.ts';
import { OrderIds } from '../src/views/ids.ts';
import { startChild } from './children.ts';
import { runLoad, type LoadResult } from './load.ts';

const SECRET = 'bench-signing-secret-000000';
const TOKEN = 'xoxb-bench';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CSR = 'U0CSREP001';

const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-orders-bench-'));
const dbFile = path.join(dir, 'bench.db');
const fake = await new FakeSlack({ botToken: TOKEN }).start();

/** The confirmation of order i for one of the accounts, as Slack would send its submission. */
function confirmation(driver: SlackDriver, i: number, accountIds: number[], tag: string): Record<string, unknown> {
  const meta = {
    a: accountIds[i % accountIds.length] ?? 1,
    l: [
      ['TEA001', 10 + (i % 7), 7200],
      ['JUC001', 5, 9600],
    ],
    d: '2026-12-31',
    n: '',
    k: `${tag}-${i}`,
  };
  const view = {
    type: 'modal',
    callback_id: OrderIds.confirmCallback,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: '確認訂單' },
    blocks: [],
  };
  const stored: StoredView = { id: `VO${tag}${i}`, user: CSR, hash: `h${i}`, view };
  return driver.viewSubmissionPayload(CSR, stored, {});
}

async function measure(port: number, accountIds: number[], tag: string): Promise<LoadResult> {
  const driver = new SlackDriver({ eventsUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, fake });
  await runLoad(50, 8, (i) =>
    driver.interaction(confirmation(driver, i, accountIds, `${tag}warm`)).then((r) => r.status),
  );
  return runLoad(REQUESTS, CONCURRENCY, (i) =>
    driver.interaction(confirmation(driver, i, accountIds, tag)).then((r) => r.status),
  );
}

try {
  const bare = await startChild('bench/serve-bare-bolt.ts', { SLACK_SIGNING_SECRET: SECRET });
  const bareResult = await measure(bare.port, [1], 'bare');
  await bare.stop();
  const bot = await startChild('bench/serve-bot.ts', {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATABASE_URL: `file:${dbFile}`,
    ORG_FILE: 'fixtures/org-brand-accounts.yml',
    LOG_LEVEL: 'error',
  });
  const db = createDatabase(`file:${dbFile}`);
  const accounts = await db.account.findMany({ select: { id: true, orgId: true } });
  // half the accounts rated with room to spare, half not rated: approved at once and held alike
  for (const a of accounts.filter((_, i) => i % 2 === 0))
    await db.accountCredit.create({
      data: {
        accountId: a.id,
        orgId: a.orgId,
        grade: 'A',
        limitCents: 10n ** 12n,
        termsDays: 30,
        updatedAt: new Date(),
      },
    });
  const botResult = await measure(
    bot.port,
    accounts.map((a) => a.id),
    'bot',
  );
  const stored = await db.order.count();
  await db.$disconnect();
  await bot.stop();
  const fmt = (n: number) => n.toFixed(1);
  console.log(`Order confirmation, ${CONCURRENCY} concurrent, ${REQUESTS} signed requests, ${os.cpus().length} cores`);
  console.log('| path | bare Bolt req/s | bot req/s | bot/bare | bare p50/p99 ms | bot p50/p99 ms | failures |');
  console.log(
    `| order confirmation (credit check) | ${fmt(bareResult.throughput)} | ${fmt(botResult.throughput)} | ` +
      `${Math.round((botResult.throughput / bareResult.throughput) * 100)}% | ` +
      `${fmt(bareResult.p50)}/${fmt(bareResult.p99)} | ` +
      `${fmt(botResult.p50)}/${fmt(botResult.p99)} | ${bareResult.failures + botResult.failures} |`,
  );
  console.log(`orders stored: ${stored} (expected ${REQUESTS + 50})`);
} finally {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
}
