import { timed } from './timed.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createDatabase } from '../src/db/database.ts';
import { osbRegister } from '../src/db/issues/issue-repo.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import { previousPeriod } from '../src/domain/schedule/schedule-rules.ts';
import type { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { analyseVisits } from '../src/services/visits/analyse-visits.ts';
import { buildDigest } from '../src/services/rhythm/send-digests.ts';
// the same throwaway server the tests start: reused, not copied
import { startTempPostgres } from '../test/support/postgres-server.ts';
import { explainPostgresReads, seedActualsPg, seedIssuesPg, seedVisitsPg } from './postgres-seed.ts';
import { writeBigOrg } from './big-org.ts';
import { startChild, statementsSoFar } from './children.ts';
import { runLoad, type LoadResult } from './load.ts';
import { scaled } from './scale.ts';

export interface PathResults {
  command: LoadResult;
  targets: LoadResult;
  submit: LoadResult;
  click: LoadResult;
  decidedSeconds: number;
}

export interface PostgresBenchOptions {
  fake: FakeSlack;
  secret: string;
  token: string;
  /** The bare Bolt figures of this same run: the baseline of both columns. */
  bare: PathResults;
  requests: number;
  measure(port: number, label: string, databaseUrl: string): Promise<PathResults>;
  /** The approve clicks (to count the statements of a decision) and the submissions. */
  approveClick(driver: SlackDriver, visitId: number, lead: string): Record<string, unknown>;
  submission(driver: SlackDriver, i: number): Record<string, unknown>;
  peakRssMb(pid: number | undefined): number;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function onAdmin(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export async function createDatabaseIn(adminUrl: string, name: string): Promise<string> {
  await onAdmin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The PostgreSQL column: the four paths against the same bare Bolt baseline, the statements
 * (round trips) per write, the data scale at ten times SQLite's, and a 5,000-person org's memory.
 */
export const benchEnv = (o: { token: string; secret: string; fake: FakeSlack }) => ({
  SLACK_BOT_TOKEN: o.token,
  SLACK_SIGNING_SECRET: o.secret,
  SLACK_API_URL: o.fake.apiUrl,
  PORT: '0',
  ORG_FILE: 'fixtures/org-property-site.yml',
  LOG_LEVEL: 'error',
});

export async function runPostgresBench(o: PostgresBenchOptions): Promise<void> {
  const server = process.env.BENCH_POSTGRES_URL ? undefined : await startTempPostgres();
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? server!.url;
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const env = benchEnv(o);
  try {
    const url = await createDatabaseIn(adminUrl, `bench_${suffix}`);
    const bot = await startChild('bench/serve-bot.ts', { ...env, DATABASE_URL: url });
    const result = await o.measure(bot.port, 'bot', url);
    const rss = o.peakRssMb(bot.child.pid);
    await bot.stop();
    printPaths(o, result, rss);
    await printRoundTrips(o, env, await createDatabaseIn(adminUrl, `bench_rt_${suffix}`));
    if (process.env.BENCH_ONLY === 'postgres-paths') return;
    await printDataScale(url);
    await printBigOrg(o, env, await createDatabaseIn(adminUrl, `bench_big_${suffix}`));
  } finally {
    // on a server of one's own (BENCH_POSTGRES_URL) the benchmark's databases do not stay behind
    if (!server)
      for (const name of ['bench', 'bench_rt', 'bench_big'])
        await onAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name}_${suffix} WITH (FORCE)`).catch(() => undefined);
    server?.stop();
  }
}

function printPaths(o: PostgresBenchOptions, bot: PathResults, rss: number): void {
  const { bare } = o;
  console.log(
    `\nPostgreSQL ` +
      `(${process.env.BENCH_POSTGRES_URL ? 'BENCH_POSTGRES_URL' : 'a throwaway PostgreSQL on this machine'}), the ` +
      `same bare Bolt baseline:`,
  );
  console.log('| path | bare Bolt | bot on PostgreSQL | bot/bare | goal | bare p50/p99 | bot p50/p99 | failures |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, a, b, goal] of [
    ['/org command (read)', bare.command, bot.command, 50],
    ['/targets command (read, SQL roll-up)', bare.targets, bot.targets, 50],
    ['/visit submission (write)', bare.submit, bot.submit, 30],
    ['Approve button click (write)', bare.click, bot.click, 30],
  ] as const) {
    const ratio = (b.throughput / a.throughput) * 100;
    const cells = [
      name,
      `${fmt(a.throughput, 0)}/s`,
      `${fmt(b.throughput, 0)}/s`,
      `${fmt(ratio, 0)}%`,
      `≥ ${goal}%: ${mark(ratio >= goal)}`,
      `${fmt(a.p50)} / ${fmt(a.p99)} ms`,
      `${fmt(b.p50)} / ${fmt(b.p99)} ms`,
      `${a.failures}/${b.failures}`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  const decisions = o.requests / bot.decidedSeconds;
  console.log(
    `Approve p99 ${fmt(bot.click.p99)} ms (goal < 150 ms: ${mark(bot.click.p99 < 150)}); all ${o.requests} ` +
      `decided ${fmt(bot.decidedSeconds)} s after the first click: ${fmt(decisions, 0)} decisions/s. Peak RSS of ` +
      `the bot: ${fmt(rss, 0)} MB`,
  );
}

/** Statements (round trips) the bot sends per write, its messages' delivery included, with idle polling taken off. */
export async function printRoundTrips(
  o: Pick<PostgresBenchOptions, 'secret' | 'fake' | 'submission' | 'approveClick'>,
  env: Record<string, string>,
  url: string,
): Promise<void> {
  const bot = await startChild('bench/serve-bot.ts', {
    ...env,
    DATABASE_URL: url,
    BENCH_COUNT_QUERIES: process.env.BENCH_COUNT_QUERIES || '1',
  });
  const driver = new SlackDriver({
    eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    signingSecret: o.secret,
    fake: o.fake,
  });
  const n = 200;
  const db = createDatabase(url);
  try {
    await driver.command('U0SALES001', '/org');
    const idleFrom = await statementsSoFar(bot.child);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idlePerSecond = (await statementsSoFar(bot.child)) - idleFrom;
    const phase = async (work: () => Promise<void>) => {
      const before = await statementsSoFar(bot.child);
      const t0 = performance.now();
      await work();
      // the outbox delivers what the requests queued: let it finish, then take off the idle polling
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const seconds = (performance.now() - t0) / 1000;
      return ((await statementsSoFar(bot.child)) - before - idlePerSecond * seconds) / n;
    };
    const targets = await phase(async () => {
      await runLoad(n, 32, (i) =>
        driver.command(['U0SALES001', 'U0TLEAD001', 'U0PROJMGR1'][i % 3], '/targets').then((r) => r.status),
      );
    });
    const submit = await phase(async () => {
      await runLoad(n, 32, (i) => driver.interaction(o.submission(driver, 20_000_000 + i)).then((r) => r.status));
    });
    const visits = await db.visit.findMany({ select: { id: true, approverId: true }, orderBy: { id: 'asc' } });
    const approve = await phase(async () => {
      await runLoad(n, 32, (i) =>
        driver.interaction(o.approveClick(driver, visits[i].id, visits[i].approverId)).then((r) => r.status),
      );
      while ((await db.visit.count({ where: { status: 'approved' } })) < n) await new Promise((r) => setTimeout(r, 20));
    });
    console.log(
      `Statements (round trips) to PostgreSQL per request at 32 concurrent, the delivery of its messages included:` +
        ` /targets ${fmt(targets)}, /visit submission ${fmt(submit)}, Approve ${fmt(approve)} (idle polling, ` +
        `${idlePerSecond}/s, taken off)`,
    );
  } finally {
    await db.$disconnect();
    await bot.stop();
  }
}

export async function printDataScale(url: string): Promise<void> {
  const visits = scaled(Number(process.env.BENCH_PG_VISITS ?? 10_000_000), 1000);
  const issues = scaled(Number(process.env.BENCH_PG_ISSUES ?? 1_000_000), 1000);
  const db = createDatabase(url);
  try {
    const chart = new OrgChart((await loadOrgChartData(db))!);
    const monday = new Date('2026-11-30T01:00:00Z');
    const week = previousPeriod('week', monday, chart.data.timezone);
    const filers = chart.people.filter((p) => ['salesperson', 'trainee'].includes(p.role)).map((p) => p.slackId);
    const approvers = Object.fromEntries(filers.map((id) => [id, chart.primaryApprover(id)!]));
    const handlers = Object.fromEntries(
      chart.people.map((p) => [p.slackId, chart.primaryApprover(p.slackId) ?? p.slackId]),
    );
    const orgId = chart.data.orgId;
    const visitSeconds = await seedVisitsPg(url, {
      orgId,
      filers,
      approvers,
      from: week.start,
      count: visits,
      timeZone: chart.data.timezone,
    });
    const issueSeconds = await seedIssuesPg(url, { orgId, reporters: filers, handlers, until: monday, count: issues });
    let total = 0;
    const analysis = await timed(async () => {
      total = (await analyseVisits({ db, chart, from: week.start, to: week.end })).total;
    });
    const director = [...chart.people].sort(
      (a, b) => chart.allReports(b.slackId).length - chart.allReports(a.slackId).length,
    )[0];
    const now = new Date('2026-11-26T02:00:00Z');
    const digest = await timed(() => buildDigest({ db, chart, personId: director.slackId, frequency: 'weekly', now }));
    let listed = 0;
    const register = await timed(async () => {
      const r = await osbRegister(db, orgId, new Date('2026-10-31T16:00:00Z'), new Date('2026-11-30T16:00:00Z'));
      listed = r.openedInPeriod + r.stillOpen.length;
    });
    const row = (name: string, size: string, runs: number[]) =>
      console.log(
        `| ${name} | ${size} | ${fmt(Math.min(...runs), 0)} ms | ${fmt(Math.max(...runs), 0)} ms | < 1000 ms: ` +
          `${mark(Math.max(...runs) < 1000)} |`,
      );
    console.log(
      `\nData scale (PostgreSQL): ${visits.toLocaleString('en')} registrations seeded in ${fmt(visitSeconds)} s, ` +
        `${issues.toLocaleString('en')} issue reports in ${fmt(issueSeconds)} s`,
    );
    console.log('| query | rows | best | worst | goal |');
    console.log('|---|---|---|---|---|');
    row('weekly visit analysis', `${total.toLocaleString('en')} counted`, analysis);
    row(
      `weekly digest of ${director.name}, a director (${chart.allReports(director.slackId).length} below)`,
      'all of the above',
      digest,
    );
    row('OSB register for November', `${listed} listed`, register);
    const subtree = [director.slackId, ...chart.allReports(director.slackId)];
    console.log('Plans (PostgreSQL):');
    for (const [name, plan] of Object.entries(await explainPostgresReads(url, subtree)))
      console.log(`- ${name}: ${plan}`);
  } finally {
    await db.$disconnect();
  }
}

/** /targets team under a 5,000-person org on PostgreSQL, and the bot's peak memory there. */
export async function printBigOrg(
  o: Pick<PostgresBenchOptions, 'secret' | 'fake' | 'peakRssMb'>,
  env: Record<string, string>,
  url: string,
): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-pg-org-'));
  const orgFile = path.join(dir, 'org.yml');
  const below = Number(process.env.BENCH_PG_ORG ?? 5000);
  const actuals = scaled(Number(process.env.BENCH_ACTUALS ?? 1_000_000), 1000);
  const { mm, people } = writeBigOrg(orgFile, below);
  const bigEnv = { ...env, DATABASE_URL: url, ORG_FILE: orgFile };
  try {
    // BENCH_BIG_SEEDED=1: the database is one seeded by an earlier run (kept with BENCH_KEEP)
    let seconds = 0;
    if (!process.env.BENCH_BIG_SEEDED) {
      const first = await startChild('bench/serve-bot.ts', bigEnv); // migrates and imports the org
      await first.stop();
      seconds = await seedActualsPg(url, { orgId: 1, people, year: new Date().getUTCFullYear(), count: actuals });
    }
    const big = await startChild('bench/serve-bot.ts', bigEnv);
    const driver = new SlackDriver({
      eventsUrl: `http://127.0.0.1:${big.port}/slack/events`,
      signingSecret: o.secret,
      fake: o.fake,
    });
    await runLoad(scaled(50, 5), 8, () => driver.command(mm, '/targets', 'team').then((r) => r.status));
    const team = await runLoad(scaled(Number(process.env.BENCH_TEAM_REQUESTS ?? 800)), 8, () =>
      driver.command(mm, '/targets', 'team').then((r) => r.status),
    );
    const rss = o.peakRssMb(big.child.pid);
    await big.stop();
    console.log(
      `\n/targets team on PostgreSQL for a market manager with ${people.length.toLocaleString('en')} people below,` +
        ` ${actuals.toLocaleString('en')} actuals (seeded in ${fmt(seconds)} s), 8 concurrent:`,
    );
    console.log('| requests | throughput | p50 | p99 | failures | bot peak RSS | goal |');
    console.log('|---|---|---|---|---|---|---|');
    console.log(
      `| ${team.requests} | ${fmt(team.throughput, 0)}/s | ${fmt(team.p50)} ms | ${fmt(team.p99)} ms | ` +
        `${team.failures} | ${fmt(rss, 0)} MB | < 400 MB: ${mark(rss < 400)} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
