import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import type { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { startChild } from './children.ts';
import { seedDealsPg } from './deals-scale-pg.ts';
import { seedDeals, timeDealReads, type DealReadTimes } from './deals-scale.ts';
import { benchEnv } from './postgres.ts';
import { onOwnPostgresDatabase } from './throwaway-postgres.ts';
import { scaled } from './scale.ts';

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const span = (runs: number[]) => `${fmt(Math.min(...runs), 0)} ms | ${fmt(Math.max(...runs), 0)} ms`;

type Seed = (o: {
  orgId: number;
  owners: string[];
  units: number;
  deals: number;
  payments: number;
  now: Date;
}) => Promise<number> | number;

/** Starts the bot once on `databaseUrl` (it migrates and imports the org and its units), seeds the site, times it. */
async function seedAndTime(
  o: { fake: FakeSlack; secret: string; token: string },
  databaseUrl: string,
  seed: Seed,
): Promise<{ seconds: number; t: DealReadTimes }> {
  const first = await startChild('bench/serve-bot.ts', { ...benchEnv(o), DATABASE_URL: databaseUrl });
  await first.stop();
  const db = createDatabase(databaseUrl);
  const chart = new OrgChart((await loadOrgChartData(db))!);
  await db.$disconnect();
  const owners = chart.people.filter((p) => ['salesperson', 'trainee'].includes(p.role)).map((p) => p.slackId);
  const now = new Date('2026-11-26T02:00:00Z');
  const seconds = await seed({
    orgId: chart.data.orgId,
    owners,
    units: UNITS(),
    deals: DEALS(),
    payments: PAYS(),
    now,
  });
  const reads = createDatabase(databaseUrl);
  const t = await timeDealReads(reads, chart, now).finally(() => reads.$disconnect());
  return { seconds, t };
}

const DEALS = () => scaled(Number(process.env.BENCH_DEALS ?? 100_000));
const PAYS = () => scaled(Number(process.env.BENCH_PAYMENTS ?? 1_000_000));
const UNITS = () => Number(process.env.BENCH_UNITS ?? 2_800);

/**
 * The property site's money at scale (issue 15), on SQLite and PostgreSQL: `/deal arrears` and
 * `/deal list` for the whole site over BENCH_DEALS deals (100,000) and BENCH_PAYMENTS payments
 * (1,000,000), and the board's first page over 3,000 units (the fixture's 200 and BENCH_UNITS more),
 * as the PM asks them. BENCH_DEALS_DATABASES=sqlite (or postgres) runs one side only.
 */
export async function runDealsBench(o: { fake: FakeSlack; secret: string; token: string }): Promise<void> {
  const sides = (process.env.BENCH_DEALS_DATABASES ?? 'sqlite,postgres').split(',');
  const results: [string, { seconds: number; t: DealReadTimes }][] = [];
  if (sides.includes('sqlite')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-deals-'));
    const file = path.join(dir, 'deals.db');
    try {
      results.push(['SQLite', await seedAndTime(o, `file:${file}`, (s) => seedDeals(file, s))]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (sides.includes('postgres'))
    results.push([
      'PostgreSQL',
      await onOwnPostgresDatabase('bench_deals', (url) => seedAndTime(o, url, (s) => seedDealsPg(url, s))),
    ]);
  console.log(
    `\nDeals: ${DEALS().toLocaleString('en')} deals, ${PAYS().toLocaleString('en')} payments and ` +
      `${(UNITS() + 200).toLocaleString('en')} units, seeded in ` +
      `${results.map(([db, r]) => `${fmt(r.seconds)} s (${db})`).join(', ')}; the PM asks:`,
  );
  console.log(`| query | ${results.map(([db]) => `${db} best | ${db} worst`).join(' | ')} | goal |`);
  console.log(`|---|${results.map(() => '---|---|').join('')}---|`);
  const row = (label: string, pick: (t: DealReadTimes) => number[], goal: string) =>
    console.log(`| ${label} | ${results.map(([, r]) => span(pick(r.t))).join(' | ')} | ${goal} |`);
  const t0 = results[0]?.[1].t;
  row(`/deal arrears (${t0?.arrearsOwners} owners with overdue items)`, (t) => t.arrears, '< 300 ms');
  row('/deal list, the whole site', (t) => t.siteList, '< 300 ms');
  row('/deal list overdue', (t) => t.overdueList, '< 300 ms');
  row(
    `/units, the board's first page (${t0?.boardBlocks} blocks, ${t0?.boardBytes.toLocaleString('en')} bytes)`,
    (t) => t.board,
    '< 100 ms, ≤ 50 blocks',
  );
}
