import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatabase } from '../src/db/database.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { loadOrgChartData } from '../src/db/org/org-repo.ts';
import { OrgChart } from '../src/domain/org/org-chart.ts';
import { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import type { Clock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';
import { importOrgFileFromDisk } from '../src/services/org/import-org-file.ts';
import { OutboxSender } from '../src/services/delivery/outbox-sender.ts';
import { publishFocus } from '../src/services/rhythm/publish-focus.ts';
import { approveFocus, draftFocus } from '../src/services/rhythm/work-focus.ts';
import { createWebApiGateway } from '../src/slack/web-api-gateway.ts';
import { writeBigOrg } from './big-org.ts';

export interface FanOutResult {
  people: number;
  messages: number;
  seconds: number;
  calls: number;
  rateLimited: number;
  lost: number;
  duplicated: number;
}

/**
 * The monthly announcement to `people` field people: published through the outbox and delivered
 * to a fake Slack that paces each channel to about one post a second and answers 429 beyond that.
 */
export async function measureFanOut(people: number): Promise<FanOutResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-fanout-'));
  const orgFile = path.join(dir, 'org.yml');
  const url = `file:${path.join(dir, 'fanout.db')}`;
  writeBigOrg(orgFile, people);
  await migrateDatabase(url);
  const db = createDatabase(url);
  const fake = await new FakeSlack({ botToken: 'xoxb-fanout', enforceChannelRateLimit: true }).start();
  // the sender paces by the clock, so it must move: real time, from a day before the focus is due
  // (a draft approved after its publish time would publish at once, inside approveFocus)
  let offset = new Date('2026-12-01T01:00:00Z').getTime() - Date.now();
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const config = {
    calendar: { dayStartMinute: 540, dayEndMinute: 1080, holidays: new Set<string>(), makeUpDays: new Set<string>() },
  };
  try {
    await importOrgFileFromDisk({ db, clock, path: orgFile, actor: 'bench' });
    const chart = new OrgChart((await loadOrgChartData(db))!);
    const focusId = await draftFocus({
      db,
      clock,
      chart,
      config,
      drafterId: 'U0DEPDIR01',
      month: '2026-12',
      main: '華東鋪貨',
      secondary1: '回款',
      secondary2: '培訓',
      rows: [{ code: 'E', targets: '銷售額 3,000,000', focus: '門店陳列' }],
    });
    await approveFocus({ db, clock, chart, config, focusId, approverId: 'U0SALDIR02' });
    // the draft's own messages are not part of the fan-out
    await db.outboxMessage.updateMany({ data: { status: 'sent' } });
    offset = new Date('2026-12-07T01:00:00Z').getTime() - Date.now(); // the focus day, 09:00 local
    const started = performance.now();
    await publishFocus({ db, clock, chart, config, focusId });
    const messages = await db.outboxMessage.count({ where: { status: 'pending' } });
    const sender = new OutboxSender({
      db,
      slack: createWebApiGateway('xoxb-fanout', fake.apiUrl),
      clock,
      logger: createLogger('silent'),
      concurrency: 16,
      batchSize: 200,
    });
    while (
      (await db.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) > 0 &&
      performance.now() - started < 300_000
    ) {
      await sender.deliverDue();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seconds = (performance.now() - started) / 1000;
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    const perChannel = new Map<string, number>();
    for (const m of fake.state.messages) perChannel.set(m.channel, (perChannel.get(m.channel) ?? 0) + 1);
    return {
      people,
      messages,
      seconds,
      calls: posts.length,
      rateLimited: posts.filter((c) => c.status === 429).length,
      lost: await db.outboxMessage.count({ where: { status: { not: 'sent' } } }),
      duplicated: [...perChannel.values()].filter((n) => n > 1).length,
    };
  } finally {
    await db.$disconnect();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
