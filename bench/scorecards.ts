// The scorecard section of `npm run bench` (BENCH_ONLY=scorecards runs it alone): a month's scorecards
// for a 5,000-person brand, built and queued as the 3rd working day's job does. Goal: under 30 s.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatabase } from '../src/db/database.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import { FixedClock } from '../src/lib/clock.ts';
import { sendScorecards } from '../src/services/scorecards/send-scorecards.ts';
import { writeBigOrg } from './big-org.ts';
import { startChild } from './children.ts';
import { scaled } from './scale.ts';

/** November's and October's targets and totals for everyone, and one approved claim each in November. */
function seedMonths(dbFile: string, people: string[]): void {
  const db = new Database(dbFile);
  db.pragma('synchronous = OFF');
  const at = new Date('2026-11-01T00:00:00Z').toISOString().replace('Z', '+00:00');
  const target = db.prepare(
    'INSERT INTO Target (orgId, period, scopeKind, scopeId, metric, value, setBy, setAt) ' +
      "VALUES (1, ?, 'person', ?, 'amount', ?, 'U0DEPDIR01', ?)",
  );
  const total = db.prepare(
    "INSERT INTO ActualTotal (orgId, personId, month, metric, value) VALUES (1, ?, ?, 'amount', ?)",
  );
  const claim = db.prepare(
    'INSERT INTO ExpenseClaim (orgId, number, claimantId, amountCents, category, spentOn, month, description, ' +
      "status, approvers, sourceViewId, createdAt, updatedAt) VALUES (1, ?, ?, ?, '差旅', '2026-11-12', '2026-11', " +
      "'出差', 'approved', '[]', ?, ?, ?)",
  );
  db.transaction(() => {
    people.forEach((id, i) => {
      for (const month of ['2026-10', '2026-11']) {
        target.run(month, id, 10_000_000, at);
        total.run(id, month, 5_000_000 + ((i * 7919) % 10_000_000));
      }
      claim.run(i + 1, id, 10_000 + ((i * 31) % 90_000), `VBENCH-SC-${i}`, at, at);
    });
  })();
  db.close();
}

export async function runScorecardBench(o: { apiUrl: string; secret: string; token: string }): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-scorecards-'));
  const orgFile = path.join(dir, 'org.yml');
  const dbFile = path.join(dir, 'scorecards.db');
  try {
    const { people } = writeBigOrg(orgFile, scaled(Number(process.env.BENCH_SCORECARD_PEOPLE ?? 5000)));
    const env = {
      SLACK_BOT_TOKEN: o.token,
      SLACK_SIGNING_SECRET: o.secret,
      SLACK_API_URL: o.apiUrl,
      PORT: '0',
      DATABASE_URL: `file:${dbFile}`,
      ORG_FILE: orgFile,
      LOG_LEVEL: 'error',
    };
    await (await startChild('bench/serve-bot.ts', env)).stop(); // migrates and imports the org
    seedMonths(dbFile, people);
    const db = createDatabase(`file:${dbFile}`);
    const chart = new OrgChart((await loadOrgChartData(db))!);
    // Thursday 3 December 2026, 09:05 in Shanghai: the 3rd working day
    const clock = new FixedClock(new Date('2026-12-03T01:05:00Z'));
    const calendar = {
      dayStartMinute: 540,
      dayEndMinute: 1080,
      holidays: new Set<string>(),
      makeUpDays: new Set<string>(),
    };
    const started = performance.now();
    const { sent } = await sendScorecards({ db, clock, chart, config: { calendar } });
    const seconds = (performance.now() - started) / 1000;
    const queued = await db.outboxMessage.count();
    await db.$disconnect();
    console.log(
      `\nScorecards: a month's for a ${chart.people.length.toLocaleString('en')}-person brand, built and queued:`,
    );
    console.log('| people | scorecards | messages and charts queued | time | goal |');
    console.log('|---|---|---|---|---|');
    console.log(`| ${chart.people.length} | ${sent} | ${queued} | ${seconds.toFixed(1)} s | < 30 s |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
