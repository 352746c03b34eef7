// An order's confirmation (the credit check in one unit of work) through signed requests at 32
// concurrent, against bare Bolt taking the same traffic in the same run, on SQLite and PostgreSQL.
// Run: npx tsx bench/orders.ts (SQLite alone), or BENCH_ONLY=orders npm run bench (both columns and
// the ledger's figures, see bench/orders-ledger.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import type { StoredView } from '../src/fake-slack/workspace-state.ts';
import { OrderIds } from '../src/views/ids.ts';
import { startChild, statementsSoFar } from './children.ts';
import { runLoad, type LoadResult } from './load.ts';

const SECRET = 'bench-signing-secret-000000';
const TOKEN = 'xoxb-bench';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CSR = 'U0CSREP001';

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

async function measure(fake: FakeSlack, port: number, accountIds: number[], tag: string): Promise<LoadResult> {
  const driver = new SlackDriver({ eventsUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, fake });
  await runLoad(50, 8, (i) =>
    driver.interaction(confirmation(driver, i, accountIds, `${tag}warm`)).then((r) => r.status),
  );
  return runLoad(REQUESTS, CONCURRENCY, (i) =>
    driver.interaction(confirmation(driver, i, accountIds, tag)).then((r) => r.status),
  );
}

/** Bare Bolt acking the same submissions: the baseline of every column of this run. */
export async function measureBareOrders(fake: FakeSlack): Promise<LoadResult> {
  const bare = await startChild('bench/serve-bare-bolt.ts', { SLACK_SIGNING_SECRET: SECRET });
  try {
    return await measure(fake, bare.port, [1], 'bare');
  } finally {
    await bare.stop();
  }
}

/** The bot on this database (migrated and seeded with the brand fixture by its start), half its accounts rated. */
export async function measureBotOrders(
  fake: FakeSlack,
  databaseUrl: string,
): Promise<{ result: LoadResult; stored: number; statements: number }> {
  const bot = await startChild('bench/serve-bot.ts', {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATABASE_URL: databaseUrl,
    ORG_FILE: 'fixtures/org-brand-accounts.yml',
    LOG_LEVEL: 'error',
    // counts PostgreSQL's statements (each a round trip); SQLite's are not counted
    BENCH_COUNT_QUERIES: process.env.BENCH_COUNT_QUERIES || '1',
  });
  const db = createDatabase(databaseUrl);
  try {
    const accounts = await db.account.findMany({ select: { id: true, orgId: true }, orderBy: { id: 'asc' } });
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
    const before = await statementsSoFar(bot.child);
    const result = await measure(
      fake,
      bot.port,
      accounts.map((a) => a.id),
      'bot',
    );
    const stored = await db.order.count();
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the cards' delivery
    // per order placed (the warm-up's included), its cards' delivery included; idle polling is a few a second
    const statements = ((await statementsSoFar(bot.child)) - before) / Math.max(1, stored);
    return { result, stored, statements };
  } finally {
    await db.$disconnect();
    await bot.stop();
  }
}

const fmt = (n: number) => n.toFixed(1);

/** One row of the table: the bot's figures beside bare Bolt's of the same run. */
export function ordersRow(database: string, bare: LoadResult, bot: { result: LoadResult; stored: number }): string {
  const ratio = Math.round((bot.result.throughput / bare.throughput) * 100);
  return (
    `| order confirmation (credit check), ${database} | ${fmt(bare.throughput)} | ${fmt(bot.result.throughput)} | ` +
    `${ratio}% ${ratio >= 30 ? 'met' : 'MISSED'} | ${fmt(bare.p50)}/${fmt(bare.p99)} | ` +
    `${fmt(bot.result.p50)}/${fmt(bot.result.p99)} | ${bare.failures + bot.result.failures} | ` +
    `${bot.stored} of ${REQUESTS + 50} |`
  );
}

export const ORDERS_HEADING =
  `Order confirmation, ${CONCURRENCY} concurrent, ${REQUESTS} signed requests, ${os.cpus().length} cores\n` +
  '| path | bare Bolt req/s | bot req/s | bot/bare (goal ≥ 30%) | bare p50/p99 ms | bot p50/p99 ms | failures | ' +
  'orders stored |\n|---|---|---|---|---|---|---|---|';

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-orders-bench-'));
  const fake = await new FakeSlack({ botToken: TOKEN }).start();
  try {
    const bare = await measureBareOrders(fake);
    const bot = await measureBotOrders(fake, `file:${path.join(dir, 'bench.db')}`);
    console.log(`${ORDERS_HEADING}\n${ordersRow('SQLite', bare, bot)}`);
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
