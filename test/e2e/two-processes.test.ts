import type { ChildProcess } from 'node:child_process';
import { startChild } from '../../bench/children.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { FakeSlack } from '../../src/fake-slack/fake-slack-server.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { formatDate } from '../../src/lib/format-time.ts';
import { importOrgFileFromDisk } from '../../src/services/org/import-org-file.ts';
import { BOT_TOKEN, BRAND_ORG, SIGNING_SECRET } from '../support/harness.ts';
import { createTestDatabaseUrl, POSTGRES_AVAILABLE } from '../support/test-database.ts';
import { waitFor } from '../support/visit-flow.ts';

describe.skipIf(!POSTGRES_AVAILABLE)('two app processes on one PostgreSQL', () => {
  const children: ChildProcess[] = [];
  let fake: FakeSlack;
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await fake?.stop();
  });

  it('publish an approved focus whose day has come exactly once, with one DM per field person', async () => {
    fake = await new FakeSlack({ botToken: BOT_TOKEN }).start();
    const url = await createTestDatabaseUrl('postgres');
    await migrateDatabase(url);
    const db = createDatabase(url);
    const { orgId } = await importOrgFileFromDisk({ db, clock: systemClock, path: BRAND_ORG, actor: 'test' });
    // this month's focus, approved: its day (the 6th or after) has come unless today is before it
    const month = formatDate(new Date(), 'Asia/Shanghai').slice(0, 7);
    const now = new Date();
    await db.focusPlan.create({
      data: {
        orgId,
        month,
        main: '主要',
        secondary1: '次一',
        secondary2: '次二',
        status: 'approved',
        draftedBy: 'U0DEPDIR01',
        approvedBy: 'U0SALDIR02',
        approvedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    });
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_URL: url,
      ORG_FILE: BRAND_ORG,
      LOG_LEVEL: 'silent',
    };
    children.push(
      ...(await Promise.all([
        startChild('bench/serve-bot.ts', env).then((c) => c.child),
        startChild('bench/serve-bot.ts', env).then((c) => c.child),
      ])),
    );
    const day = Number(formatDate(new Date(), 'Asia/Shanghai').slice(8, 10));
    if (day < 6) {
      // before the focus day nothing may go out; the rest of the test needs the day to have come
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await db.focusPlan.findFirstOrThrow()).status).toBe('approved');
      return;
    }
    await waitFor(
      async () => (await db.focusPlan.findFirstOrThrow()).status === 'published',
      'the publication',
      20_000,
    );
    await waitFor(
      async () => (await db.outboxMessage.count({ where: { status: { not: 'sent' } } })) === 0,
      'delivery',
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const announcements = fake.state.inChannel('C0ANNOUNC2').filter((m) => m.text.includes('本月工作重點'));
    expect(announcements).toHaveLength(1);
    const dms = fake.state.messages.filter(
      (m) => m.channel.startsWith('D') && JSON.stringify(m.blocks ?? []).includes('focus_ack'),
    );
    expect(dms).toHaveLength(12);
    expect(new Set(dms.map((m) => m.channel)).size).toBe(12);
    const runs = await db.jobRun.groupBy({ by: ['jobId', 'periodKey'], _count: { _all: true } });
    expect(runs.every((r) => r._count._all === 1)).toBe(true);
    await db.$disconnect();
  }, 90_000);
});
