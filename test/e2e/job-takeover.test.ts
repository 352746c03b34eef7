import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startChild } from '../../bench/children.ts';
import { createDatabase } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { importOrgFileFromDisk } from '../../src/services/org/import-org-file.ts';
import { BOT_TOKEN, PROPERTY_ORG, SIGNING_SECRET } from '../support/harness.ts';
import { createTestDatabaseUrl, POSTGRES_AVAILABLE } from '../support/test-database.ts';
import { waitFor } from '../support/visit-flow.ts';

const PRUNE = 'maintenance.prune-delivery-records';
const ROOT = path.resolve(import.meta.dirname, '../..');

describe.skipIf(!POSTGRES_AVAILABLE)('a scheduled run whose process is killed mid-way', () => {
  const children: ChildProcess[] = [];
  let fake: FakeSlack;
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await fake?.stop();
  });

  it('is taken over by another instance once its lease has passed, and finishes', async () => {
    fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    const url = await createTestDatabaseUrl('postgres');
    await migrateDatabase(url);
    const db = createDatabase(url);
    await importOrgFileFromDisk({ db, clock: systemClock, path: PROPERTY_ORG, actor: 'test' });
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_URL: url,
      ORG_FILE: PROPERTY_ORG,
      LOG_LEVEL: 'silent',
      JOB_LEASE_SECONDS: '2',
    };
    const pruneRun = () => db.jobRun.findFirst({ where: { jobId: PRUNE } });

    // the nightly prune (due every day, so always within the catch-up window at start) waits on a lock held here
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "ChannelPace" IN ACCESS EXCLUSIVE MODE');
    const first = spawn(process.execPath, ['--import', 'tsx', 'bench/serve-bot.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: 'ignore',
    });
    children.push(first);
    await waitFor(
      async () => (await pruneRun())?.status === 'running',
      'the first instance to start the prune',
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // it keeps renewing its lease while it waits
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    await locker.query('ROLLBACK');
    await locker.end();
    expect(await pruneRun()).toMatchObject({ status: 'running', attempts: 1 });

    await new Promise((resolve) => setTimeout(resolve, 2_500)); // the dead instance's lease passes
    const second = await startChild('bench/serve-bot.ts', env);
    children.push(second.child);
    await waitFor(
      async () => (await pruneRun())?.status === 'done',
      'the second instance to take the run over',
      20_000,
    );
    expect(await pruneRun()).toMatchObject({ status: 'done', attempts: 2, leaseUntil: null });
    expect(await db.jobRun.count({ where: { jobId: PRUNE } })).toBe(1);
    await db.$disconnect();
  }, 90_000);
});
