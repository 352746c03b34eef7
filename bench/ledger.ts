// Issue 17's receivables figures: the Monday aging report of the largest market over 1,000,000
// invoices and 2,000,000 payments (goal < 1 s), and an account's balance and aging on its card
// (goal < 20 ms), on the database DATABASE_URL names (default: a fresh SQLite file under data/).
// Run: npx tsx bench/ledger.ts   (BENCH_SCALE=small: 10,000 invoices and 20,000 payments;
// BENCH_REUSE=1 times the database a previous run seeded). BENCH_ONLY=orders npm run bench runs it on both
// databases beside the order confirmations.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import { agingOfMarket } from '../src/db/receivables/invoice-repo.ts';
import { sql } from '../src/db/sql/sql-query.ts';
import { runnerOf } from '../src/db/sql/sql-runner.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import { FixedClock } from '../src/lib/clock.ts';
import { accountLedger } from '../src/services/receivables/account-ledger.ts';
import { importOrgFileFromDisk } from '../src/services/org/import-org-file.ts';

const small = process.env.BENCH_SCALE === 'small';
const INVOICES = small ? 10_000 : 1_000_000;
const PAYMENTS = 2 * INVOICES;
const reuse = process.env.BENCH_REUSE === '1';

export interface LedgerFigures {
  invoices: number;
  reportP50: number;
  reportMax: number;
  balanceP50: number;
  balanceP99: number;
}

/** Seeds (unless reused) and times the aging report and an account's balance on the database `url` names. */
export async function runLedgerBench(url: string): Promise<LedgerFigures> {
  if (url.startsWith('file:') && !reuse)
    for (const end of ['', '-wal', '-shm']) rmSync(`${url.slice(5)}${end}`, { force: true });
  await migrateDatabase(url);
  const db = createDatabase(url);
  const runner = runnerOf(db);
  const postgres = url.startsWith('postgres');
  const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
  const org = path.resolve(import.meta.dirname, '../fixtures/org-brand-accounts.yml');
  if (!reuse) await importOrgFileFromDisk({ db, clock, path: org, actor: 'system' });
  const chart = new OrgChart((await loadOrgChartData(db))!);
  const orgId = chart.data.orgId;

  const accounts = await runner.all<{ id: number; market: string }>(sql`
  SELECT "id", "market" FROM "Account" WHERE "orgId" = ${orgId} ORDER BY "id"`);
  const firstId = Number(accounts[0].id);
  const count = accounts.length;
  const now = new Date();

  const started = performance.now();
  // one in five invoices still open, due over the last 400 days; every account's invoices spread evenly
  if (reuse) {
    // seeded by an earlier run
  } else if (postgres) {
    await runner.run(sql`
    INSERT INTO "Invoice" ("orgId", "number", "accountId", "market", "issuedOn", "dueOn", "amountCents", "openCents",
      "source", "createdAt")
    SELECT ${orgId}, 'B' || n, a."id", a."market", to_char(date '2026-11-27' - (n % 400) - 30, 'YYYY-MM-DD'),
      to_char(date '2026-11-27' - (n % 400), 'YYYY-MM-DD'), 10000 + n % 90000,
      CASE WHEN n % 5 = 0 THEN 10000 + n % 90000 ELSE 0 END, 'erp', ${now}
    FROM generate_series(1, ${INVOICES}) AS n JOIN "Account" a ON a."id" = ${firstId} + n % ${count}`);
    await runner.run(sql`
    INSERT INTO "Payment" ("orgId", "number", "accountId", "receivedOn", "amountCents", "unappliedCents",
      "recordedById", "source", "createdAt")
    SELECT ${orgId}, 'P' || n, ${firstId} + n % ${count}, '2026-11-01', 5000, 0, 'U0SSGLEAD1', 'erp', ${now}
    FROM generate_series(1, ${PAYMENTS}) AS n`);
    // as autovacuum keeps a table that has settled: the visibility map set, so the balance's read of
    // the account's open invoices is an index-only scan (Invoice(accountId, openCents, dueOn) covers it).
    // Right after the bulk load, before autovacuum's turn, each open invoice is a heap page read instead
    await runner.run(sql`VACUUM ANALYZE`);
  } else {
    await runner.run(sql`
    INSERT INTO "Invoice" ("orgId", "number", "accountId", "market", "issuedOn", "dueOn", "amountCents", "openCents",
      "source", "createdAt")
    WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${INVOICES})
    SELECT ${orgId}, 'B' || n, a."id", a."market", date('2026-11-27', '-' || (n % 400 + 30) || ' days'),
      date('2026-11-27', '-' || (n % 400) || ' days'), 10000 + n % 90000,
      CASE WHEN n % 5 = 0 THEN 10000 + n % 90000 ELSE 0 END, 'erp', ${now.getTime()}
    FROM s JOIN "Account" a ON a."id" = ${firstId} + n % ${count}`);
    await runner.run(sql`
    INSERT INTO "Payment" ("orgId", "number", "accountId", "receivedOn", "amountCents", "unappliedCents",
      "recordedById", "source", "createdAt")
    WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${PAYMENTS})
    SELECT ${orgId}, 'P' || n, ${firstId} + n % ${count}, '2026-11-01', 5000, 0, 'U0SSGLEAD1', 'erp', ${now.getTime()}
    FROM s`);
    await runner.run(sql`ANALYZE`);
  }
  console.log(`seeded ${INVOICES} invoices and ${PAYMENTS} payments in ${Math.round(performance.now() - started)} ms`);

  const sizes = await runner.all<{ market: string; n: number | bigint }>(sql`
  SELECT "market", COUNT(*) AS "n" FROM "Invoice" WHERE "orgId" = ${orgId} GROUP BY "market" ORDER BY 2 DESC`);
  const largest = sizes[0].market;
  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

  const reportMs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    const rows = await agingOfMarket(db, { orgId, market: largest, today: '2026-11-27' });
    reportMs.push(performance.now() - start);
    if (i === 0)
      console.log(`market ${largest}: ${Number(sizes[0].n)} invoices, ${rows.length} accounts in the report`);
  }
  console.log(
    `aging report of the largest market: p50 ${Math.round(percentile(reportMs, 0.5))} ms, ` +
      `max ${Math.round(Math.max(...reportMs))} ms (goal < 1 s)`,
  );

  const balanceMs: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const start = performance.now();
    await accountLedger({ db, chart, accountId: firstId + (i % count), now: clock.now() });
    balanceMs.push(performance.now() - start);
  }
  console.log(
    `balance and aging of an account (${Math.round(INVOICES / count)} invoices each): ` +
      `p50 ${percentile(balanceMs, 0.5).toFixed(1)} ms, p99 ${percentile(balanceMs, 0.99).toFixed(1)} ms ` +
      '(goal < 20 ms)',
  );
  await db.$disconnect();
  return {
    invoices: Number(sizes[0].n),
    reportP50: percentile(reportMs, 0.5),
    reportMax: Math.max(...reportMs),
    balanceP50: percentile(balanceMs, 0.5),
    balanceP99: percentile(balanceMs, 0.99),
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  await runLedgerBench(process.env.DATABASE_URL ?? 'file:./data/bench-ledger.db');
