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
import { assignTask } from '../src/services/tasks/assign-task.ts';
import { listTasks } from '../src/services/tasks/list-tasks.ts';
import { createWebApiGateway } from '../src/slack/web-api-gateway.ts';
import { writeBigOrg } from './big-org.ts';

export interface TaskBenchResult {
  people: number;
  posts: number;
  seconds: number;
  rateLimited: number;
  lost: number;
  duplicated: number;
  openBelow: number;
  listP50: number;
  listP99: number;
}

const calendar = {
  dayStartMinute: 540,
  dayEndMinute: 1080,
  holidays: new Set<string>(),
  makeUpDays: new Set<string>(),
};
const input = (title: string, assignee: string, scope: 'person' | 'subtree') => ({
  title,
  description: '',
  dueDate: '2026-12-31',
  kind: 'instruction' as const,
  checklist: [],
  assignee,
  scope,
});

/**
 * A task to a market manager's whole subtree of `people`, assigned through the outbox and delivered
 * to a fake Slack that paces each channel (429 beyond one post a second); then `/task list` for that
 * manager with `openBelow` open tasks handed down, timed 200 times on SQLite.
 */
export async function measureTaskFanOut(people: number, openBelow: number): Promise<TaskBenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-tasks-'));
  const orgFile = path.join(dir, 'org.yml');
  const url = `file:${path.join(dir, 'tasks.db')}`;
  const { mm, people: below } = writeBigOrg(orgFile, people);
  await migrateDatabase(url);
  const db = createDatabase(url);
  const fake = await new FakeSlack({ botToken: 'xoxb-tasks', enforceChannelRateLimit: true }).start();
  const offset = new Date('2026-12-01T02:00:00Z').getTime() - Date.now();
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  try {
    await importOrgFileFromDisk({ db, clock, path: orgFile, actor: 'bench' });
    const chart = new OrgChart((await loadOrgChartData(db))!);
    const started = performance.now();
    const subtree = input('全員市調', mm, 'subtree');
    await assignTask({ db, clock, chart, config: { calendar }, assignerId: mm, input: subtree, viewId: 'fan' });
    const posts = await db.outboxMessage.count({ where: { status: 'pending' } });
    const sender = new OutboxSender({
      db,
      slack: createWebApiGateway('xoxb-tasks', fake.apiUrl),
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
    const calls = fake.calls.filter((c) => c.method === 'chat.postMessage');
    const perChannel = new Map<string, number>();
    for (const m of fake.state.messages.filter((m) => !m.threadTs))
      perChannel.set(m.channel, (perChannel.get(m.channel) ?? 0) + 1);
    const result = {
      people: below.length,
      posts,
      seconds,
      rateLimited: calls.filter((c) => c.status === 429).length,
      lost: await db.outboxMessage.count({ where: { status: { not: 'sent' } } }),
      duplicated: [...perChannel.values()].filter((n) => n > 1).length,
    };
    // the manager hands one task to each person below, until openBelow are open
    for (let i = 1; i < openBelow; i += 1) {
      const one = input(`任務 ${i}`, below[i % below.length], 'person');
      await assignTask({ db, clock, chart, config: { calendar }, assignerId: mm, input: one, viewId: `t${i}` });
    }
    const times: number[] = [];
    for (let i = 0; i < 220; i += 1) {
      const t0 = performance.now();
      await listTasks({ db, chart, askerId: mm, now: clock.now() });
      if (i >= 20) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return { ...result, openBelow, listP50: at(0.5), listP99: at(0.99) };
  } finally {
    await db.$disconnect();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await measureTaskFanOut(
    Number(process.env.BENCH_TASK_PEOPLE ?? 500),
    Number(process.env.BENCH_TASK_OPEN ?? 2000),
  );
  console.log(JSON.stringify(r));
}
