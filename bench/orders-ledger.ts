// BENCH_ONLY=orders npm run bench: issue 17's figures on SQLite and PostgreSQL in one run. The order
// confirmation (with its credit check) at 32 concurrent against bare Bolt taking the same requests,
// then the aging report of the largest market over 1,000,000 invoices and 2,000,000 payments and an
// account's balance on its card (BENCH_SCALE=small: 1/100 of the rows). PostgreSQL is
// BENCH_POSTGRES_URL's server, else a throwaway one as the tests start.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { startTempPostgres } from '../test/support/postgres-server.ts';
import { runLedgerBench, type LedgerFigures } from './ledger.ts';
import { measureBareOrders, measureBotOrders, ORDERS_HEADING, ordersRow } from './orders.ts';
import { createDatabaseIn } from './postgres.ts';

const ms = (n: number) => (n < 10 ? n.toFixed(1) : String(Math.round(n)));
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

function ledgerRows(database: string, f: LedgerFigures): string[] {
  return [
    `| aging report of the largest market (${f.invoices.toLocaleString('en')} invoices), ${database} | ` +
      `${ms(f.reportP50)} ms p50, ${ms(f.reportMax)} ms max | < 1 s | ${mark(f.reportMax < 1000)} |`,
    `| an account's balance and aging on its card, ${database} | ${ms(f.balanceP50)} ms p50, ` +
      `${ms(f.balanceP99)} ms p99 | < 20 ms | ${mark(f.balanceP99 < 20)} |`,
  ];
}

export async function runOrdersLedgerBench(fake: FakeSlack): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-orders-'));
  const server = process.env.BENCH_POSTGRES_URL ? undefined : await startTempPostgres();
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? server!.url;
  const names = [`bench_orders_${process.pid}`, `bench_ledger_${process.pid}`];
  try {
    const bare = await measureBareOrders(fake);
    const onSqlite = await measureBotOrders(fake, `file:${path.join(dir, 'orders.db')}`);
    const onPostgres = await measureBotOrders(fake, await createDatabaseIn(adminUrl, names[0]));
    console.log(
      `${ORDERS_HEADING}\n${ordersRow('SQLite', bare, onSqlite)}\n${ordersRow('PostgreSQL', bare, onPostgres)}`,
    );
    console.log(
      `Statements (round trips) to PostgreSQL per order placed, its cards' delivery included: ` +
        `${onPostgres.statements.toFixed(1)}`,
    );
    const sqliteLedger = await runLedgerBench(`file:${path.join(dir, 'ledger.db')}`);
    const postgresLedger = await runLedgerBench(await createDatabaseIn(adminUrl, names[1]));
    console.log('| figure | measured | goal | |\n|---|---|---|---|');
    for (const row of [...ledgerRows('SQLite', sqliteLedger), ...ledgerRows('PostgreSQL', postgresLedger)])
      console.log(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    server?.stop();
  }
}
