// Issue 16's figures at scale, on SQLite and PostgreSQL side by side (BENCH_ONLY=accounts runs it alone;
// PostgreSQL when it is installed; BENCH_DATABASES=sqlite or postgres for one): the weekly call lists
// for 200,000 accounts (goal < 5 s), coverage of the 8 markets over 100,000 outlets and 1,000,000
// visits (goal < 1 s), and `/account <name>` over the register at 8 concurrent (goal p99 < 100 ms).
// BENCH_SCALE=small: about 100× fewer rows.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import type { Db } from '../src/db/unit-of-work.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import { FixedClock } from '../src/lib/clock.ts';
import { findAccounts } from '../src/services/accounts/find-accounts.ts';
import { importAccounts } from '../src/services/accounts/import-accounts.ts';
import { planPhoneWeek } from '../src/services/accounts/phone-call-lists.ts';
import { importOrgFileFromDisk } from '../src/services/org/import-org-file.ts';
import { computedCoverage } from '../src/services/targets/computed-coverage.ts';
import { currentMonth } from '../src/domain/targets/periods.ts';
import { postgresInstalled, startTempPostgres } from '../test/support/postgres-server.ts';
import { seedRegisterPg, seedRegisterSqlite } from './accounts-seed.ts';
import { scaled } from './scale.ts';

/** Imported through the ERP path (name keys written): the register searched. The other half is seeded. */
const IMPORTED = scaled(100_000, 2_000);
const SEEDED = scaled(100_000, 2_000);
const VISITS = scaled(1_000_000, 20_000);
// Monday 30 November 2026, 09:30 Asia/Shanghai: the call lists' hour
const MONDAY = new Date('2026-11-30T01:30:00Z');
const HEADING = '客戶編碼,客戶名稱,客戶類型,所屬經銷商,渠道類型,市場,區域,地址,負責人,狀態,開戶日期,聯繫人,聯繫電話';

interface Figures {
  importMs: number;
  seedMs: number;
  outlets: number;
  callListsMs: number;
  calls: number;
  coverageMs: number;
  searchP50: number;
  searchP99: number;
}

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

/** The register as the ERP exports it: one distributor in 20, the rest outlets under it. */
function csv(markets: string[], from: number, count: number): Buffer {
  const lines = [HEADING];
  for (let i = from; i < from + count; i += 1) {
    const kind = i % 20 === 0 ? '經銷商' : '網點';
    const distributor = kind === '網點' ? `B${String(i - (i % 20)).padStart(7, '0')}` : '';
    lines.push(
      `B${String(i).padStart(7, '0')},測試客戶${i}號店,${kind},${distributor},` +
        `超市,${markets[i % markets.length]},,,,正常,2024-01-01,王,139${String(i).padStart(8, '0')}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

/** The other half straight into the tables (no name keys: not searched), graded, and a million visits. */
async function seed(url: string, db: Db, chart: OrgChart, markets: string[]): Promise<number> {
  const o = { orgId: chart.data.orgId, markets, accounts: SEEDED, visits: VISITS, at: MONDAY };
  if (url.startsWith('file:')) seedRegisterSqlite(url.slice(5), o);
  else await seedRegisterPg(url, o);
  return db.account.count({ where: { orgId: o.orgId, kind: 'outlet' } });
}

async function benchOn(url: string): Promise<Figures> {
  await migrateDatabase(url);
  const db = createDatabase(url);
  const clock = new FixedClock(MONDAY);
  try {
    const org = path.resolve(import.meta.dirname, '../fixtures/org-brand-sales.yml');
    await importOrgFileFromDisk({ db, clock, path: org, actor: 'system' });
    const chart = new OrgChart((await loadOrgChartData(db))!);
    const markets = chart.data.markets.map((m) => m.code);
    const base = { db, clock, chart, actorId: 'U0SSGLEAD1' };
    const [, importMs] = await time(async () => {
      for (let from = 0; from < IMPORTED; from += 50_000) {
        const bytes = csv(markets, from, Math.min(50_000, IMPORTED - from));
        const result = await importAccounts({ ...base, fileName: `r${from}.csv`, bytes });
        if (!result.ok) throw new Error(`the import was refused: ${JSON.stringify(result).slice(0, 300)}`);
      }
    });
    const [outlets, seedMs] = await time(() => seed(url, db, chart, markets));
    const [calls, callListsMs] = await time(() => planPhoneWeek({ db, clock, chart }));
    const period = currentMonth(MONDAY, chart.data.timezone);
    const [, coverageMs] = await time(async () => {
      for (const id of markets) {
        const scope = { kind: 'market' as const, id };
        await computedCoverage({ db, chart, scope, people: [], period, now: MONDAY });
      }
    });
    const latencies: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let n = 0; n < 50; n += 1) {
          const askerId = n % 2 ? 'U0KEYACC01' : 'U0CSREP001';
          const [, ms] = await time(() => findAccounts({ db, chart, askerId, query: `${worker}${n}號` }));
          latencies.push(ms);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.floor(q * (latencies.length - 1))];
    return { importMs, seedMs, outlets, callListsMs, calls, coverageMs, searchP50: at(0.5), searchP99: at(0.99) };
  } finally {
    await db.$disconnect();
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;

/** One database's line, printed as soon as it is measured. */
function printRow(label: string, f: Figures): void {
  console.log(
    `| ${label} | ${f.outlets} | ${ms(f.callListsMs)} (${f.calls}) | ${ms(f.coverageMs)} | ${ms(f.searchP50)} | ` +
      `${ms(f.searchP99)} | import ${ms(f.importMs)}, rest ${ms(f.seedMs)} |`,
  );
}

/** Both databases, one table: SQLite in a temporary file, PostgreSQL in a throwaway server when installed. */
export async function runAccountsScaleBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-accounts-'));
  console.log(`\nThe account register: ${IMPORTED + SEEDED} accounts, ${VISITS} approved visits`);
  console.log(
    '| database | outlets | call lists (calls planned) | coverage, 8 markets | /account p50 | p99 | seeded in |',
  );
  console.log('|---|---|---|---|---|---|---|');
  try {
    if (process.env.BENCH_DATABASES !== 'postgres') printRow('SQLite', await benchOn(`file:${path.join(dir, 'a.db')}`));
    if (postgresInstalled() && process.env.BENCH_DATABASES !== 'sqlite') {
      const server = await startTempPostgres();
      try {
        printRow('PostgreSQL', await benchOn(server.url));
      } finally {
        server.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('Goals: call lists < 5 s; coverage < 1 s; /account p99 < 100 ms at 8 concurrent.');
}
