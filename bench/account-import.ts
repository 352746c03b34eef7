// Issue 16's figures for the account register: a 50,000-row ERP export imported (goal < 30 s) and
// `/account <name>` searched over 100,000 accounts at 8 concurrent (goal p99 < 100 ms), on the
// database DATABASE_URL names (default: a fresh SQLite file under data/). Run: npx tsx bench/account-import.ts
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import { FixedClock } from '../src/lib/clock.ts';
import { importAccounts } from '../src/services/accounts/import-accounts.ts';
import { findAccounts } from '../src/services/accounts/find-accounts.ts';
import { importOrgFileFromDisk } from '../src/services/org/import-org-file.ts';

const url = process.env.DATABASE_URL ?? 'file:./data/bench-accounts.db';
if (url.startsWith('file:')) for (const end of ['', '-wal', '-shm']) rmSync(`${url.slice(5)}${end}`, { force: true });
await migrateDatabase(url);
const db = createDatabase(url);
const clock = new FixedClock(new Date('2026-11-27T02:00:00Z'));
const org = path.resolve(import.meta.dirname, '../fixtures/org-brand-sales.yml');
await importOrgFileFromDisk({ db, clock, path: org, actor: 'system' });
const chart = new OrgChart((await loadOrgChartData(db))!);
const markets = chart.data.markets.map((m) => m.code);
const heading = '客戶編碼,客戶名稱,客戶類型,所屬經銷商,渠道類型,市場,區域,地址,負責人,狀態,開戶日期,聯繫人,聯繫電話';

function csv(from: number, count: number): Buffer {
  const lines = [heading];
  for (let i = from; i < from + count; i += 1) {
    const market = markets[i % markets.length];
    const kind = i % 20 === 0 ? '經銷商' : '網點';
    const distributor = kind === '網點' ? `B${String(i - (i % 20)).padStart(7, '0')}` : '';
    const phone = `139${String(i).padStart(8, '0')}`;
    lines.push(
      `B${String(i).padStart(7, '0')},測試客戶${i}號店,${kind},${distributor},` +
        `超市,${market},,,,正常,2024-01-01,王,${phone}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

const base = { db, clock, chart, actorId: 'U0SSGLEAD1' };
const [first, firstMs] = await time(() => importAccounts({ ...base, fileName: 'a.csv', bytes: csv(0, 50_000) }));
console.log(`import 50,000 rows (new): ${Math.round(firstMs)} ms`, first.ok);
const [again, againMs] = await time(() => importAccounts({ ...base, fileName: 'a.csv', bytes: csv(0, 50_000) }));
console.log(`import 50,000 rows (again, all updates): ${Math.round(againMs)} ms`, again.ok);
await importAccounts({ ...base, fileName: 'b.csv', bytes: csv(50_000, 50_000) });
const latencies: number[] = [];
const asker = 'U0KEYACC01';
await Promise.all(
  Array.from({ length: 8 }, async (_, worker) => {
    for (let n = 0; n < 50; n += 1) {
      const [, ms] = await time(() =>
        findAccounts({ db, chart, askerId: n % 2 ? asker : 'U0CSREP001', query: `${worker}${n}號` }),
      );
      latencies.push(ms);
    }
  }),
);
latencies.sort((a, b) => a - b);
const at = (q: number) => Math.round(latencies[Math.floor(q * (latencies.length - 1))]);
console.log(`/account <name> over 100,000 accounts, 8 concurrent: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
await db.$disconnect();
