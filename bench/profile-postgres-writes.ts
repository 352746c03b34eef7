// Profiles the PostgreSQL write paths alone: `npx tsx bench/profile-postgres-writes.ts [requests]`.
// The /visit submissions, then the Approve clicks, at 32 concurrent, against one throwaway server.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createDatabase } from '../src/db/database.ts';
import { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { VisitIds } from '../src/views/ids.ts';
import { visitModal } from '../src/views/visits/visit-modal.ts';
import { startTempPostgres } from '../test/support/postgres-server.ts';
import { startChild } from './children.ts';
import { runLoad } from './load.ts';

const SECRET = 'bench-signing-secret-000000';
const requests = Number(process.argv[2] ?? 300);
const server = process.env.BENCH_POSTGRES_URL ? undefined : await startTempPostgres();
const admin = new pg.Client({ connectionString: process.env.BENCH_POSTGRES_URL ?? server!.url });
await admin.connect();
const name = `profile_${process.pid}`;
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(process.env.BENCH_POSTGRES_URL ?? server!.url);
url.pathname = `/${name}`;
const fake = await new FakeSlack({ botToken: 'xoxb-bench' }).start();
const bot = await startChild('bench/serve-bot.ts', {
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: fake.apiUrl,
  PORT: '0',
  DATABASE_URL: url.toString(),
  ORG_FILE: 'fixtures/org-property-site.yml',
  LOG_LEVEL: 'error',
  BENCH_COUNT_QUERIES: process.env.BENCH_COUNT_QUERIES ?? '1',
});
bot.child.stderr!.on('data', (chunk) => process.stderr.write(chunk));
const driver = new SlackDriver({ eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SECRET, fake });
const view = visitModal({
  locale: 'zh-Hant',
  kind: 'property',
  callbackId: VisitIds.fileCallback,
  nowSeconds: Math.floor(Date.now() / 1000),
});
/** The bot's CPU time so far (user + system), in ms, and the statements it has sent. */
const cpuOf = (pid: number) =>
  readFileSync(`/proc/${pid}/stat`, 'utf8')
    .split(') ')[1]
    .split(' ')
    .slice(11, 13)
    .reduce((a, b) => a + Number(b), 0) * 10;
const cpuMs = () => cpuOf(bot.child.pid!);
const watcher = new pg.Client({ connectionString: url.toString() });
await watcher.connect();
/** CPU time so far of each PostgreSQL backend serving the bot: the server's share of the cost. */
const serverCpu = async () => {
  const { rows } = await watcher.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [name],
  );
  return new Map((rows as { pid: number }[]).map((r) => [r.pid, cpuOf(r.pid)]));
};
const serverSince = async (before: Map<number, number>) =>
  [...(await serverCpu())].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
const statements = () =>
  new Promise<number>((resolve) => {
    const onData = (chunk: Buffer) => {
      const match = /QUERIES=(\d+)/.exec(String(chunk));
      if (match) {
        bot.child.stdout!.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    bot.child.stdout!.on('data', onData);
    bot.child.kill('SIGUSR2');
  });
const filers = ['U0SALES001', 'U0SALES002', 'U0SALES003', 'U0TRAIN001'];
try {
  await runLoad(Math.min(100, requests), 8, () => driver.command('U0SALES001', '/org').then((r) => r.status));
  let [cpu0, q0, pg0] = [cpuMs(), await statements(), await serverCpu()];
  const submit = await runLoad(requests, 32, (i) => {
    const stored = { id: `VP${i}`, user: filers[i % 4], hash: `h${i}`, view: { ...view, id: `VP${i}` } };
    const values = {
      customerName: `客戶${i}`,
      phone: `139${String(i).padStart(8, '0')}`,
      visitAt: Math.floor(Date.now() / 1000) - 60,
      partySize: '2',
      source: 'walk_in',
      visitType: 'first',
      grade: 'B',
    };
    return driver.interaction(driver.viewSubmissionPayload(filers[i % 4], stored, values)).then((r) => r.status);
  });
  await new Promise((r) => setTimeout(r, 1000)); // the outbox delivers what was queued
  const submitCost = {
    cpu: (cpuMs() - cpu0) / requests,
    q: ((await statements()) - q0) / requests,
    pg: (await serverSince(pg0)) / requests,
  };
  [cpu0, q0, pg0] = [cpuMs(), await statements(), await serverCpu()];
  const db = createDatabase(url.toString());
  const visits = await db.visit.findMany({ select: { id: true, approverId: true }, orderBy: { id: 'asc' } });
  const t0 = performance.now();
  const click = await runLoad(visits.length, 32, (i) => {
    const v = visits[i];
    const message = {
      channel: 'G0BENCH',
      ts: `${v.id}.000001`,
      user: 'UBOT',
      text: '',
      blocks: [
        {
          type: 'actions',
          block_id: 'visit_decision',
          elements: [
            {
              type: 'button',
              action_id: 'visit_approve',
              value: String(v.id),
              text: { type: 'plain_text', text: '通過' },
            },
          ],
        },
      ],
    };
    return driver.interaction(driver.clickButtonPayload(v.approverId, message, 'visit_approve')).then((r) => r.status);
  });
  while ((await db.visit.count({ where: { status: 'approved' } })) < visits.length && performance.now() - t0 < 120_000)
    await new Promise((r) => setTimeout(r, 20));
  const decided = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const approveCost = {
    cpu: (cpuMs() - cpu0) / visits.length,
    q: ((await statements()) - q0) / visits.length,
    pg: (await serverSince(pg0)) / visits.length,
  };
  await watcher.end();
  await db.$disconnect();
  const f = (n: number) => n.toFixed(1);
  console.log(
    `submit: ${f(submit.throughput)}/s p50 ${f(submit.p50)} p99 ${f(submit.p99)} ms, failures ${submit.failures}; ` +
      `bot CPU ${f(submitCost.cpu)} ms, PostgreSQL CPU ${f(submitCost.pg)} ms and ${f(submitCost.q)} statements a ` +
      `request`,
  );
  console.log(
    `approve: ${f(click.throughput)}/s p50 ${f(click.p50)} p99 ${f(click.p99)} ms, failures ${click.failures}; ` +
      `${f(visits.length / decided)} decisions/s; bot CPU ${f(approveCost.cpu)} ms, PostgreSQL CPU ` +
      `${f(approveCost.pg)} ms and ${f(approveCost.q)} statements a request`,
  );
} finally {
  await bot.stop();
  await fake.stop();
  server?.stop();
}
