// Profiles the PostgreSQL write paths alone: `npx tsx bench/profile-postgres-writes.ts [requests]`.
// The /visit submissions, then the Approve clicks, at 32 concurrent, against one throwaway server.
import { createDatabase } from '../src/db/database.ts';
import { VisitIds } from '../src/views/ids.ts';
import { visitModal } from '../src/views/visits/visit-modal.ts';
import { runLoad } from './load.ts';
import { cpuOf, cpuSince, startProfiledBot } from './profiled-bot.ts';

const requests = Number(process.argv[2] ?? 300);
const { url, bot, driver, backendsCpu, stop } = await startProfiledBot('profile', {
  BENCH_COUNT_QUERIES: process.env.BENCH_COUNT_QUERIES ?? '1',
});
const view = visitModal({
  locale: 'zh-Hant',
  kind: 'property',
  callbackId: VisitIds.fileCallback,
  nowSeconds: Math.floor(Date.now() / 1000),
});
const cpuMs = () => cpuOf(bot.child.pid!).total;
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
  let [cpu0, q0, pg0] = [cpuMs(), await statements(), await backendsCpu()];
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
    pg: cpuSince(await backendsCpu(), pg0) / requests,
  };
  [cpu0, q0, pg0] = [cpuMs(), await statements(), await backendsCpu()];
  const db = createDatabase(url);
  const visits = await db.visit.findMany({ select: { id: true, approverId: true }, orderBy: { id: 'asc' } });
  console.error('approve phase: starting'); // a profiler (perf record -a) can start on this line
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
    pg: cpuSince(await backendsCpu(), pg0) / visits.length,
  };
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
  await stop();
}
