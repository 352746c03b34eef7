import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import type { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { startChild } from './children.ts';
import { seedDeals, timeDealReads } from './deals-scale.ts';
import { scaled } from './scale.ts';

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const span = (runs: number[]) => `${fmt(Math.min(...runs), 0)} ms | ${fmt(Math.max(...runs), 0)} ms`;

/**
 * The property site's money at scale (issue 15), on SQLite: `/deal arrears` and `/deal list` for the
 * whole site over BENCH_DEALS deals (100,000) and BENCH_PAYMENTS payments (1,000,000), and the board's
 * first page over 3,000 units (the fixture's 200 and BENCH_UNITS more), as the PM asks them.
 */
export async function runDealsBench(o: { fake: FakeSlack; secret: string; token: string }): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-deals-'));
  const file = path.join(dir, 'deals.db');
  try {
    const env = {
      SLACK_BOT_TOKEN: o.token,
      SLACK_SIGNING_SECRET: o.secret,
      SLACK_API_URL: o.fake.apiUrl,
      PORT: '0',
      DATABASE_URL: `file:${file}`,
      ORG_FILE: 'fixtures/org-property-site.yml',
      LOG_LEVEL: 'error',
    };
    const first = await startChild('bench/serve-bot.ts', env); // migrates and imports the org and its units
    await first.stop();
    const db = createDatabase(`file:${file}`);
    const chart = new OrgChart((await loadOrgChartData(db))!);
    await db.$disconnect();
    const owners = chart.people.filter((p) => ['salesperson', 'trainee'].includes(p.role)).map((p) => p.slackId);
    const now = new Date('2026-11-26T02:00:00Z');
    const deals = scaled(Number(process.env.BENCH_DEALS ?? 100_000));
    const payments = scaled(Number(process.env.BENCH_PAYMENTS ?? 1_000_000));
    const units = Number(process.env.BENCH_UNITS ?? 2_800);
    const seconds = seedDeals(file, { orgId: chart.data.orgId, owners, units, deals, payments, now });
    const reads = createDatabase(`file:${file}`);
    const t = await timeDealReads(reads, chart, now);
    await reads.$disconnect();
    console.log(
      `\nDeals (SQLite): ${deals.toLocaleString('en')} deals, ${payments.toLocaleString('en')} payments and ` +
        `${(units + 200).toLocaleString('en')} units seeded in ${fmt(seconds)} s; the PM asks:`,
    );
    console.log('| query | best | worst | goal |');
    console.log('|---|---|---|---|');
    console.log(`| /deal arrears (${t.arrearsOwners} owners with overdue items) | ${span(t.arrears)} | < 300 ms |`);
    console.log(`| /deal list, the whole site | ${span(t.siteList)} | < 300 ms |`);
    console.log(`| /deal list overdue | ${span(t.overdueList)} | < 300 ms |`);
    console.log(
      `| /units, the board's first page (${t.boardBlocks} blocks, ${t.boardBytes.toLocaleString('en')} bytes) | ` +
        `${span(t.board)} | < 100 ms, ≤ 50 blocks |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
