// Profiles a slash command on PostgreSQL alone: `npx tsx bench/profile-postgres-commands.ts [requests] [/command]`.
// 32 concurrent against one throwaway server (or BENCH_POSTGRES_URL); prints the throughput and, per request, the
// CPU of the bot, of PostgreSQL's backends and of this process (the load generator and fake Slack), and how
// often the bot was switched out (involuntarily: preempted, mostly by the PostgreSQL backend it had just woken).
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { startTempPostgres } from '../test/support/postgres-server.ts';
import { startChild } from './children.ts';
import { runLoad } from './load.ts';

const SECRET = 'bench-signing-secret-000000';
const requests = Number(process.argv[2] ?? 6000);
const command = process.argv[3] ?? '/targets';
const server = process.env.BENCH_POSTGRES_URL ? undefined : await startTempPostgres();
const adminUrl = process.env.BENCH_POSTGRES_URL ?? server!.url;
const name = `commands_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(adminUrl);
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
});
bot.child.stderr!.on('data', (chunk) => process.stderr.write(chunk));
const driver = new SlackDriver({ eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SECRET, fake });

/** A process's CPU so far in ms: user and system. */
const cpuOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
};
const switchesOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(status)![1]);
};
const watcher = new pg.Client({ connectionString: url.toString() });
await watcher.connect();
const serverCpu = async () => {
  const { rows } = await watcher.query(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [name],
  );
  return (rows as { pid: number }[]).reduce((sum, r) => sum + cpuOf(r.pid).user + cpuOf(r.pid).system, 0);
};
const askers = ['U0SALES001', 'U0TLEAD001', 'U0PROJMGR1'];
const send = (i: number) => driver.command(askers[i % 3], command).then((r) => r.status);
try {
  await runLoad(500, 32, send); // warm up
  const pid = bot.child.pid!;
  const [bot0, pg0, load0, switches0] = [cpuOf(pid), await serverCpu(), cpuOf(process.pid), switchesOf(pid)];
  const result = await runLoad(requests, 32, send);
  const [bot1, pg1, load1, switches1] = [cpuOf(pid), await serverCpu(), cpuOf(process.pid), switchesOf(pid)];
  const per = (ms: number) => (ms / requests).toFixed(3);
  const total = (cpu: { user: number; system: number }) => cpu.user + cpu.system;
  console.log(
    `${command}: ${result.throughput.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, ` +
      `p99 ${result.p99.toFixed(1)} ms, ${result.failures} failures. Per request: bot CPU ` +
      `${per(total(bot1) - total(bot0))} ms (system ${per(bot1.system - bot0.system)}), PostgreSQL ` +
      `${per(pg1 - pg0)} ms, load generator and fake Slack ${per(total(load1) - total(load0))} ms; the bot ` +
      `preempted ${((switches1 - switches0) / requests).toFixed(2)} times`,
  );
} finally {
  await watcher.end();
  await bot.stop();
  await fake.stop();
  server?.stop();
}
process.exit(0);
