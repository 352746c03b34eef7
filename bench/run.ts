// npm run bench: figures for both sides and their ratios, measured in one run on this machine.
import { timed } from './timed.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatabase } from '../src/db/database.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import { previousPeriod } from '../src/domain/schedule/schedule-rules.ts';
import { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { analyseVisits } from '../src/services/visits/analyse-visits.ts';
import { approveClick, submission } from './payloads.ts';
import { startChild } from './children.ts';
import { explainAnalysis, seedVisits } from './data-scale.ts';
import { explainReads, seedIssues } from './issues-scale.ts';
import { osbRegister } from '../src/db/issues/issue-repo.ts';
import { buildDigest } from '../src/services/rhythm/send-digests.ts';
import { seedActuals, writeBigOrg } from './big-org.ts';
import { measureFanOut } from './fan-out.ts';
import { runChartBench } from './charts.ts';
import { runScorecardBench } from './scorecards.ts';
import { runClaimBench } from './claims.ts';
import { runDealsBench } from './deals.ts';
import { runDealWritesBench } from './deal-writes.ts';
import { runAccountsScaleBench } from './accounts-scale.ts';
import { runOrdersLedgerBench } from './orders-ledger.ts';
import { runLoad } from './load.ts';
import { measureTaskFanOut } from './task-fan-out.ts';
import { runPostgresBench, type PathResults } from './postgres.ts';
import { scaled, SMALL } from './scale.ts';

const SECRET = 'bench-signing-secret-000000';
const TOKEN = 'xoxb-bench';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const REQUESTS = scaled(Number(process.env.BENCH_REQUESTS ?? 3000));
const VISITS = scaled(Number(process.env.BENCH_VISITS ?? 1_000_000));
const ACTUALS = scaled(Number(process.env.BENCH_ACTUALS ?? 1_000_000));
const ISSUES = scaled(Number(process.env.BENCH_ISSUES ?? 100_000));

// BENCH_ONLY=claims: an expense claim's submission against bare Bolt (see bench/claims.ts)
if (process.env.BENCH_ONLY === 'claims') {
  const claimFake = await new FakeSlack({ botToken: TOKEN }).start();
  await runClaimBench({ fake: claimFake, secret: SECRET, token: TOKEN }).finally(() => claimFake.stop());
  process.exit(0);
}

// BENCH_ONLY=scorecards: a month's scorecards for a 5,000-person brand (see bench/scorecards.ts)
if (process.env.BENCH_ONLY === 'scorecards') {
  const scoreFake = await new FakeSlack({ botToken: TOKEN }).start();
  await runScorecardBench({ apiUrl: scoreFake.apiUrl, secret: SECRET, token: TOKEN }).finally(() => scoreFake.stop());
  process.exit(0);
}

// BENCH_ONLY=charts: the chart section alone (see bench/charts.ts)
if (process.env.BENCH_ONLY === 'charts') {
  const chartFake = await new FakeSlack({ botToken: TOKEN }).start();
  await runChartBench({ fake: chartFake, secret: SECRET, token: TOKEN }).finally(() => chartFake.stop());
  process.exit(0);
}

// BENCH_ONLY=deal-writes: reserving a unit and recording a payment against bare Bolt (see bench/deal-writes.ts)
if (process.env.BENCH_ONLY === 'deal-writes') {
  const writesFake = await new FakeSlack({ botToken: TOKEN }).start();
  await runDealWritesBench({ fake: writesFake, secret: SECRET, token: TOKEN }).finally(() => writesFake.stop());
  process.exit(0);
}

// BENCH_ONLY=accounts: the account register at scale, SQLite and PostgreSQL (see bench/accounts-scale.ts)
if (process.env.BENCH_ONLY === 'accounts') {
  await runAccountsScaleBench();
  process.exit(0);
}

// BENCH_ONLY=deals: the property site's deals at scale alone, SQLite and PostgreSQL (see bench/deals.ts)
if (process.env.BENCH_ONLY === 'deals') {
  const dealsFake = await new FakeSlack({ botToken: TOKEN }).start();
  await runDealsBench({ fake: dealsFake, secret: SECRET, token: TOKEN }).finally(() => dealsFake.stop());
  process.exit(0);
}

// BENCH_ONLY=orders: issue 17's order confirmation, aging report and balance on SQLite and PostgreSQL
if (process.env.BENCH_ONLY === 'orders') {
  const ordersFake = await new FakeSlack({ botToken: TOKEN }).start();
  await runOrdersLedgerBench(ordersFake).finally(() => ordersFake.stop());
  process.exit(0);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-'));
const dbFile = path.join(dir, 'bench.db');
const fake = await new FakeSlack({ botToken: TOKEN }).start();
const rows: string[][] = [];
const fmt = (n: number, digits = 1) => n.toFixed(digits);

function peakRssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

let decidedSeconds = 0;
/** Approvals stored when the last click had its ack: fewer than the clicks means acked clicks a crash could lose. */
let storedAtLastAck = 0;
async function measure(port: number, label: string, databaseUrl = `file:${dbFile}`): Promise<PathResults> {
  const driver = new SlackDriver({ eventsUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, fake });
  // warm up both paths
  await runLoad(scaled(200), 8, () => driver.command('U0SALES001', '/org').then((r) => r.status));
  const command = await runLoad(REQUESTS, CONCURRENCY, () =>
    driver.command('U0SALES001', '/org').then((r) => r.status),
  );
  const targets = await runLoad(REQUESTS, CONCURRENCY, (i) =>
    driver.command(['U0SALES001', 'U0TLEAD001', 'U0PROJMGR1'][i % 3], '/targets').then((r) => r.status),
  );
  const submit = await runLoad(REQUESTS, CONCURRENCY, (i) =>
    driver.interaction(submission(driver, i + (label === 'bot' ? 0 : 10_000_000))).then((r) => r.status),
  );
  const approvers = new Map<number, string>();
  if (label === 'bot') {
    const db = createDatabase(databaseUrl);
    for (const v of await db.visit.findMany({ select: { id: true, approverId: true } }))
      approvers.set(v.id, v.approverId);
    await db.$disconnect();
  }
  const clickStarted = performance.now();
  const click = await runLoad(REQUESTS, CONCURRENCY, (i) =>
    driver.interaction(approveClick(driver, i + 1, approvers.get(i + 1) ?? 'U0TLEAD001')).then((r) => r.status),
  );
  if (label === 'bot') {
    // the ack follows the write: every click acked must already be stored (the cost is in the click's p50/p99)
    const db = createDatabase(databaseUrl);
    storedAtLastAck = await db.visit.count({ where: { status: 'approved' } });
    while (
      (await db.visit.count({ where: { status: 'approved' } })) < REQUESTS &&
      performance.now() - clickStarted < 120_000
    )
      await new Promise((r) => setTimeout(r, 50));
    await db.$disconnect();
    decidedSeconds = (performance.now() - clickStarted) / 1000;
  }
  return { command, targets, submit, click, decidedSeconds };
}

// BENCH_ONLY=postgres-paths: bare Bolt, then the bot on PostgreSQL alone: the four paths against it and the
// statements per request (the PostgreSQL column without its data scale and big org; see bench/postgres.ts)
if (process.env.BENCH_ONLY === 'postgres-paths') {
  try {
    const bare = await startChild('bench/serve-bare-bolt.ts', { SLACK_SIGNING_SECRET: SECRET });
    const bareResult = await measure(bare.port, 'bare');
    await bare.stop();
    const opts = { fake, secret: SECRET, token: TOKEN, bare: bareResult, requests: REQUESTS, measure };
    await runPostgresBench({ ...opts, approveClick, submission, peakRssMb });
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

try {
  console.log(
    `Benchmark${SMALL ? ' (BENCH_SCALE=small: about 1/100 of the rows and requests)' : ''}: ${CONCURRENCY} ` +
      `concurrent, ${REQUESTS} signed requests per path, ${os.cpus().length} cores`,
  );
  const bare = await startChild('bench/serve-bare-bolt.ts', { SLACK_SIGNING_SECRET: SECRET });
  const bareResult = await measure(bare.port, 'bare');
  await bare.stop();

  const bot = await startChild('bench/serve-bot.ts', {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATABASE_URL: `file:${dbFile}`,
    ORG_FILE: 'fixtures/org-property-site.yml',
    LOG_LEVEL: 'error',
  });
  const botResult = await measure(bot.port, 'bot');
  const botRss = peakRssMb(bot.child.pid);
  await bot.stop();

  const stored = await (async () => {
    const db = createDatabase(`file:${dbFile}`);
    const count = await db.visit.count();
    await db.$disconnect();
    return count;
  })();

  for (const [name, a, b] of [
    ['/org command (read)', bareResult.command, botResult.command],
    ['/targets command (read, SQL roll-up)', bareResult.targets, botResult.targets],
    ['/visit submission (write)', bareResult.submit, botResult.submit],
    ['Approve button click (write)', bareResult.click, botResult.click],
  ] as const) {
    rows.push([
      name,
      `${fmt(a.throughput, 0)}/s`,
      `${fmt(b.throughput, 0)}/s`,
      `${fmt((b.throughput / a.throughput) * 100, 0)}%`,
      `${fmt(a.p50)} / ${fmt(a.p99)} ms`,
      `${fmt(b.p50)} / ${fmt(b.p99)} ms`,
      `${a.failures}/${b.failures}`,
    ]);
  }
  console.log('\n| path | bare Bolt | bot | bot/bare | bare p50/p99 | bot p50/p99 | failures |');
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  const approved = await (async () => {
    const db = createDatabase(`file:${dbFile}`);
    const count = await db.visit.count({ where: { status: 'approved' } });
    await db.$disconnect();
    return count;
  })();
  console.log(
    `\nRegistrations stored by the bot during the run: ${stored} (expected ${REQUESTS}); approved by the clicks: ` +
      `${approved} (expected ${REQUESTS}), all decided ${fmt(decidedSeconds)} s after the first click: ` +
      `${fmt(approved / decidedSeconds, 0)} decisions/s`,
  );
  const clicks = botResult.click;
  console.log(
    `Approve clicks acked after their write: ${storedAtLastAck} of ${REQUESTS} stored when the last ack came ` +
      `(${REQUESTS - storedAtLastAck} acked but not yet stored); the write in the ack costs a click p50 ` +
      `${fmt(clicks.p50)} ms / p99 ${fmt(clicks.p99)} ms against ${fmt(bareResult.click.p50)} / ` +
      `${fmt(bareResult.click.p99)} ms for bare Bolt`,
  );

  // Data scale: the weekly analysis over VISITS registrations in one week
  const db = createDatabase(`file:${dbFile}`);
  const chart = new OrgChart((await loadOrgChartData(db))!);
  const monday = new Date('2026-11-30T01:00:00Z');
  const week = previousPeriod('week', monday, chart.data.timezone);
  const filers = chart.people.filter((p) => ['salesperson', 'trainee'].includes(p.role)).map((p) => p.slackId);
  const approvers = Object.fromEntries(filers.map((id) => [id, chart.primaryApprover(id)!]));
  await db.$disconnect();
  const seedSeconds = seedVisits(dbFile, chart.data.orgId, filers, approvers, week.start, VISITS);
  // 100,000 issue reports over the past year, for a director's digest and the OSB register
  const handlers = Object.fromEntries(
    chart.people.map((p) => [p.slackId, chart.primaryApprover(p.slackId) ?? p.slackId]),
  );
  const issueSeconds = seedIssues(dbFile, chart.data.orgId, filers, handlers, monday, ISSUES);
  const readsDb = createDatabase(`file:${dbFile}`);
  let total = 0;
  const timings = await timed(async () => {
    total = (await analyseVisits({ db: readsDb, chart, from: week.start, to: week.end })).total;
  });
  // the director with the most people below: the widest digest there is
  const director = [...chart.people].sort(
    (a, b) => chart.allReports(b.slackId).length - chart.allReports(a.slackId).length,
  )[0];
  const now = new Date('2026-11-26T02:00:00Z');
  const digestRuns = await timed(() =>
    buildDigest({ db: readsDb, chart, personId: director.slackId, frequency: 'weekly', now }),
  );
  const pmId = chart.people.find((p) => p.role === 'project_manager')!.slackId;
  const pmDigestRuns = await timed(() => buildDigest({ db: readsDb, chart, personId: pmId, frequency: 'weekly', now }));
  let registerSize = 0;
  const registerRuns = await timed(async () => {
    const register = await osbRegister(
      readsDb,
      chart.data.orgId,
      new Date('2026-10-31T16:00:00Z'),
      new Date('2026-11-30T16:00:00Z'),
    );
    registerSize = register.openedInPeriod + register.stillOpen.length;
  });
  await readsDb.$disconnect();
  const span = (runs: number[]) => `${fmt(Math.min(...runs), 0)} ms | ${fmt(Math.max(...runs), 0)} ms`;
  console.log(
    `\nData scale (SQLite): ${VISITS.toLocaleString('en')} registrations seeded in ${fmt(seedSeconds)} s, ` +
      `${ISSUES.toLocaleString('en')} issue reports in ${fmt(issueSeconds)} s`,
  );
  console.log(`| query | rows | best | worst | goal |`);
  console.log('|---|---|---|---|---|');
  console.log(`| weekly visit analysis | ${total.toLocaleString('en')} counted | ${span(timings)} | < 1000 ms |`);
  console.log(
    `| weekly digest of ${director.name}, a director (${chart.allReports(director.slackId).length} below) | all ` +
      `of the above | ${span(digestRuns)} | < 1000 ms |`,
  );
  console.log(
    `| weekly digest of the project manager (${chart.allReports(pmId).length} below) | all of the above | ` +
      `${span(pmDigestRuns)} | < 1000 ms |`,
  );
  console.log(`| OSB register for November | ${registerSize} listed | ${span(registerRuns)} | < 1000 ms |`);
  console.log(`Plans:\n- weekly analysis: ${explainAnalysis(dbFile)}`);
  for (const [name, plan] of Object.entries(
    explainReads(dbFile, [director.slackId, ...chart.allReports(director.slackId)]),
  ))
    console.log(`- ${name}: ${plan}`);
  // /targets team for a market manager with 500 people below, over 12 months of actuals
  const bigDir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-org-'));
  const bigOrg = path.join(bigDir, 'org.yml');
  const bigDb = path.join(bigDir, 'big.db');
  const { mm, people } = writeBigOrg(bigOrg, 500);
  const bigEnv = {
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATABASE_URL: `file:${bigDb}`,
    ORG_FILE: bigOrg,
    LOG_LEVEL: 'error',
  };
  const first = await startChild('bench/serve-bot.ts', bigEnv); // migrates and imports the org
  await first.stop();
  const year = new Date().getUTCFullYear();
  const actualSeconds = seedActuals(bigDb, 1, people, year, ACTUALS);
  const big = await startChild('bench/serve-bot.ts', bigEnv);
  const bigDriver = new SlackDriver({
    eventsUrl: `http://127.0.0.1:${big.port}/slack/events`,
    signingSecret: SECRET,
    fake,
  });
  await runLoad(50, 8, () => bigDriver.command(mm, '/targets', 'team').then((r) => r.status));
  const sample = await bigDriver.command(mm, '/targets', 'team');
  const team = await runLoad(scaled(Number(process.env.BENCH_TEAM_REQUESTS ?? 800)), 8, () =>
    bigDriver.command(mm, '/targets', 'team').then((r) => r.status),
  );
  const bigRss = peakRssMb(big.child.pid);
  await big.stop();
  rmSync(bigDir, { recursive: true, force: true });
  console.log(
    `\n/targets team for a market manager with ${people.length} people below, ${ACTUALS.toLocaleString('en')} ` +
      `actuals over 12 months (seeded in ${fmt(actualSeconds)} s), 8 concurrent:`,
  );
  console.log('| requests | throughput | p50 | p99 | goal | failures |');
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| ${team.requests} | ${fmt(team.throughput, 0)}/s | ${fmt(team.p50)} ms | ${fmt(team.p99)} ms | p99 < 100 ms ` +
      `| ${team.failures} |`,
  );
  console.log(
    `Answer size: ${String((sample.json?.blocks as unknown[] | undefined)?.length ?? 0)} blocks, first line: ` +
      `${JSON.stringify(((sample.json?.blocks as any[]) ?? [])[1]?.text?.text ?? '').slice(0, 120)}`,
  );

  const fan = await measureFanOut(scaled(Number(process.env.BENCH_FANOUT ?? 5000)));
  console.log(
    `\nFan-out: the monthly focus to ${fan.people.toLocaleString('en')} field people ` +
      `(${fan.messages.toLocaleString('en')} posts: 3 channels and a DM each), Slack pacing each channel with 429s:`,
  );
  console.log('| total time | posts tried | 429 answers | 429 share | lost | duplicated | goal |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(
    `| ${fmt(fan.seconds)} s | ${fan.calls} | ${fan.rateLimited} | ` +
      `${fmt((fan.rateLimited / Math.max(1, fan.calls)) * 100, 2)}% | ${fan.lost} | ${fan.duplicated} | 0 lost, 0 ` +
      `duplicated, < 1% 429 |`,
  );

  await runChartBench({ fake, secret: SECRET, token: TOKEN });
  await runScorecardBench({ apiUrl: fake.apiUrl, secret: SECRET, token: TOKEN });
  await runClaimBench({ fake, secret: SECRET, token: TOKEN });
  const tasks = await measureTaskFanOut(scaled(500), scaled(2000));
  console.log(
    `\nTasks: one task to a ${tasks.people}-person subtree (${tasks.posts} posts), Slack pacing each channel with ` +
      `429s; then /task list for its manager with ${tasks.openBelow} open tasks below:`,
  );
  console.log('| fan-out time | 429 answers | lost | duplicated | /task list p50 | p99 | goal |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(
    `| ${fmt(tasks.seconds)} s | ${tasks.rateLimited} | ${tasks.lost} | ${tasks.duplicated} | ${fmt(tasks.listP50)} ` +
      `ms | ${fmt(tasks.listP99)} ms | 0 lost, < 1% 429; p99 < 100 ms |`,
  );

  await runDealsBench({ fake, secret: SECRET, token: TOKEN });
  await runDealWritesBench({ fake, secret: SECRET, token: TOKEN });
  await runAccountsScaleBench();

  await runPostgresBench({
    fake,
    secret: SECRET,
    token: TOKEN,
    bare: bareResult,
    requests: REQUESTS,
    measure,
    approveClick,
    submission,
    peakRssMb,
  });

  console.log(
    `\nPeak RSS of the bot process: ${fmt(botRss, 0)} MB (500-person org: ${fmt(bigRss, 0)} MB); of the benchmark ` +
      `process: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`,
  );
} finally {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
}
