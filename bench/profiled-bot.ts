// The bot alone on PostgreSQL for the profiling scripts (profile-postgres-writes.ts, -commands.ts): a database
// of its own on a throwaway server (or BENCH_POSTGRES_URL), a fake Slack, and what the scripts measure with.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { startTempPostgres } from '../test/support/postgres-server.ts';
import { startChild } from './children.ts';

const SECRET = 'bench-signing-secret-000000';

/** A process's CPU time so far, in ms: user and system. */
export function cpuOf(pid: number): { user: number; system: number; total: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const [user, system] = [Number(fields[11]) * 10, Number(fields[12]) * 10];
  return { user, system, total: user + system };
}

export async function startProfiledBot(prefix: string, env: Record<string, string> = {}) {
  const server = process.env.BENCH_POSTGRES_URL ? undefined : await startTempPostgres();
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? server!.url;
  const name = `${prefix}_${process.pid}`;
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
    ...env,
  });
  bot.child.stderr!.on('data', (chunk) => process.stderr.write(chunk));
  const eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;
  const driver = new SlackDriver({ eventsUrl, signingSecret: SECRET, fake });
  const watcher = new pg.Client({ connectionString: url.toString() });
  await watcher.connect();
  return {
    url: url.toString(),
    bot,
    driver,
    /** CPU time so far of each PostgreSQL backend serving the bot, by pid: the server's share of the cost. */
    async backendsCpu(): Promise<Map<number, number>> {
      const { rows } = await watcher.query(
        'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      return new Map((rows as { pid: number }[]).map((r) => [r.pid, cpuOf(r.pid).total]));
    },
    async stop(): Promise<void> {
      await watcher.end();
      await bot.stop();
      await fake.stop();
      server?.stop();
    },
  };
}

/** The backends' CPU since `before` (backendsCpu), in ms: a backend opened since counts from 0. */
export const cpuSince = (now: Map<number, number>, before: Map<number, number>): number =>
  [...now].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
