// BENCH_ONLY=claims: an expense claim's submission (the modal's save: validate, route by amount,
// check the budget line, store the claim and queue its card) at 32 concurrent, against a bare Bolt app
// taking the same signed traffic. Goal: at least 30% of bare Bolt's throughput.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import type { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { formatDate } from '../src/lib/format-time.ts';
import { claimModal } from '../src/views/expenses/claim-modal.ts';
import { ExpenseIds } from '../src/views/ids.ts';
import { startChild } from './children.ts';
import { runLoad, type LoadResult } from './load.ts';
import { scaled } from './scale.ts';

const CLAIMANTS = ['U0SALES001', 'U0SALES002', 'U0SALES003', 'U0TRAIN001'];

/** Submission `i` of the claim modal: amounts on both sides of the team lead's 2,000. */
function claimSubmission(driver: SlackDriver, i: number): Record<string, unknown> {
  const today = formatDate(new Date(), 'Asia/Shanghai');
  const view = claimModal({
    locale: 'zh-Hant',
    categories: ['差旅', '招待', '其他'],
    today,
    callbackId: ExpenseIds.fileCallback,
    privateMetadata: '{}',
  });
  const id = `VCLAIM${i}`;
  return driver.viewSubmissionPayload(
    CLAIMANTS[i % CLAIMANTS.length],
    { id, user: CLAIMANTS[i % CLAIMANTS.length], hash: `h${i}`, view: { ...view, id } },
    {
      amount: String(100 + (i % 40) * 100),
      category: ['差旅', '招待', '其他'][i % 3],
      spentOn: today,
      description: `客戶拜訪 ${i}`,
      receipt: `R-${i}`,
    },
  );
}

export async function runClaimBench(o: { fake: FakeSlack; secret: string; token: string }): Promise<void> {
  const requests = scaled(Number(process.env.BENCH_REQUESTS ?? 3000));
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  const load = async (port: number, offset: number): Promise<LoadResult> => {
    const driver = new SlackDriver({
      eventsUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: o.secret,
      fake: o.fake,
    });
    await runLoad(scaled(200), 8, (i) =>
      driver.interaction(claimSubmission(driver, offset + 5_000_000 + i)).then((r) => r.status),
    );
    return runLoad(requests, concurrency, (i) =>
      driver.interaction(claimSubmission(driver, offset + i)).then((r) => r.status),
    );
  };
  const bare = await startChild('bench/serve-bare-bolt.ts', { SLACK_SIGNING_SECRET: o.secret });
  const bareResult = await load(bare.port, 0).finally(() => bare.stop());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-claims-'));
  const databaseUrl = `file:${path.join(dir, 'claims.db')}`;
  try {
    const bot = await startChild('bench/serve-bot.ts', {
      SLACK_BOT_TOKEN: o.token,
      SLACK_SIGNING_SECRET: o.secret,
      SLACK_API_URL: o.fake.apiUrl,
      PORT: '0',
      DATABASE_URL: databaseUrl,
      ORG_FILE: 'fixtures/org-property-site.yml',
      LOG_LEVEL: 'error',
    });
    const botResult = await load(bot.port, 0).finally(() => bot.stop());
    const db = createDatabase(databaseUrl);
    const stored = await db.expenseClaim.count();
    await db.$disconnect();
    const fmt = (n: number, digits = 1) => n.toFixed(digits);
    console.log(`\nExpense claim submission, ${requests} signed requests at ${concurrency} concurrent:`);
    console.log('| bare Bolt | bot | bot/bare | bare p50/p99 | bot p50/p99 | failures | claims stored | goal |');
    console.log('|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${fmt(bareResult.throughput, 0)}/s | ${fmt(botResult.throughput, 0)}/s | ` +
        `${fmt((botResult.throughput / bareResult.throughput) * 100, 0)}% | ${fmt(bareResult.p50)} / ` +
        `${fmt(bareResult.p99)} ms | ${fmt(botResult.p50)} / ${fmt(botResult.p99)} ms | ` +
        `${bareResult.failures}/${botResult.failures} | ${stored} | ≥ 30% of bare |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
