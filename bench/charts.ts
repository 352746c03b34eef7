// The chart section of `npm run bench` (BENCH_ONLY=charts runs it alone): one chart's render time in
// the drawing worker, and the /org ack p99 with and without charts being drawn and uploaded meanwhile.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatabase } from '../src/db/database.ts';
import type { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { ChartRenderer } from '../src/services/charts/chart-renderer.ts';
import { queueChart } from '../src/services/charts/queue-chart.ts';
import { renderChartPng } from '../src/services/charts/render-chart.mjs';
import { teamAttainmentChart } from '../src/views/charts/attainment-chart.ts';
import type { ChartMessage } from '../src/views/charts/chart-spec.ts';
import { startChild } from './children.ts';
import { runLoad } from './load.ts';
import { scaled } from './scale.ts';

const NAMES = [
  '劉大偉',
  '吳佳玲',
  '陳志明',
  '林美華',
  '黃俊傑',
  '張雅婷',
  '王淑芬',
  '李建宏',
  '周子豪',
  '許文龍',
  '鄭麗君',
  '謝宗翰',
];

/**
 * A team chart of twelve people; `i` makes each one different, so none is taken from the renderer's recent
 * pictures.
 */
const chartNumber = (i: number): ChartMessage =>
  teamAttainmentChart({
    locale: 'zh-Hant',
    managerName: `王建國 ${i}`,
    metricLabel: '簽約套數',
    periodLabel: '2026-11（本月）',
    periodKey: `2026-11-${i}`,
    bars: NAMES.map((label, k) => ({ label, attainment: k === 11 ? null : ((i + k * 17) % 140) + 1 })),
    pace: 62,
  });

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (n: number) => n.toFixed(1);

async function renderTimes(count: number): Promise<{ worker: number[]; inPlace: number[] }> {
  const renderer = new ChartRenderer();
  try {
    for (let i = 0; i < 5; i += 1) await renderer.render(chartNumber(-1 - i).chart); // start and warm the worker
    const worker: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const t0 = performance.now();
      await renderer.render(chartNumber(i).chart);
      worker.push(performance.now() - t0);
    }
    const inPlace: number[] = [];
    for (let i = 0; i < Math.min(count, 50); i += 1) {
      const t0 = performance.now();
      renderChartPng(chartNumber(100_000 + i).chart);
      inPlace.push(performance.now() - t0);
    }
    return { worker: worker.sort((a, b) => a - b), inPlace: inPlace.sort((a, b) => a - b) };
  } finally {
    await renderer.close();
  }
}

/** /org acks, measured once alone and once while charts are queued to the bot steadily (it draws and uploads them). */
async function acksWhileCharting(o: { fake: FakeSlack; secret: string; token: string; requests: number }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-charts-'));
  const databaseUrl = `file:${path.join(dir, 'charts.db')}`;
  const bot = await startChild('bench/serve-bot.ts', {
    SLACK_BOT_TOKEN: o.token,
    SLACK_SIGNING_SECRET: o.secret,
    SLACK_API_URL: o.fake.apiUrl,
    PORT: '0',
    DATABASE_URL: databaseUrl,
    ORG_FILE: 'fixtures/org-property-site.yml',
    LOG_LEVEL: 'error',
  });
  const db = createDatabase(databaseUrl);
  try {
    const driver = new SlackDriver({
      eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`,
      signingSecret: o.secret,
      fake: o.fake,
    });
    const org = () => driver.command('U0SALES001', '/org').then((r) => r.status);
    await runLoad(scaled(200), 8, org);
    const alone = await runLoad(o.requests, 8, org);
    const uploadsBefore = o.fake.callsTo('files.completeUploadExternal').length;
    let queued = 0;
    let feeding = true;
    // four charts a second, to four people, for as long as the load runs
    const feeder = (async () => {
      const people = ['U0PROJMGR1', 'U0DEPUTY01', 'U0TLEAD001', 'U0TLEAD002'];
      while (feeding) {
        await queueChart(db, people[queued % 4], chartNumber(200_000 + queued), new Date());
        queued += 1;
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const started = performance.now();
    const charting = await runLoad(o.requests, 8, org);
    const seconds = (performance.now() - started) / 1000;
    const uploadedDuringLoad = o.fake.callsTo('files.completeUploadExternal').length - uploadsBefore;
    feeding = false;
    await feeder;
    return { alone, charting, queued, uploadedDuringLoad, seconds };
  } finally {
    await db.$disconnect();
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runChartBench(o: { fake: FakeSlack; secret: string; token: string }): Promise<void> {
  const count = scaled(Number(process.env.BENCH_CHARTS ?? 200));
  const { worker, inPlace } = await renderTimes(count);
  console.log(
    `\nCharts: a team chart of 12 people (ECharts SVG → resvg PNG, Noto Sans TC), ${count} renders one after another:`,
  );
  console.log('| where | p50 | p99 | goal |');
  console.log('|---|---|---|---|');
  console.log(
    `| drawing worker (round trip) | ${fmt(quantile(worker, 0.5))} ms | ${fmt(quantile(worker, 0.99))} ms | p99 < ` +
      `300 ms |`,
  );
  console.log(
    `| in place (for comparison) | ${fmt(quantile(inPlace, 0.5))} ms | ${fmt(quantile(inPlace, 0.99))} ms | |`,
  );
  const requests = scaled(Number(process.env.BENCH_CHART_ACKS ?? 2000));
  const acks = await acksWhileCharting({ ...o, requests });
  console.log(
    `\n/org acks (${requests} signed requests, 8 concurrent) alone, and while the bot draws and uploads the charts ` +
      `queued to it (4 a second):`,
  );
  console.log('| while | p50 | p99 | charts uploaded during the load | failures |');
  console.log('|---|---|---|---|---|');
  console.log(`| nothing else | ${fmt(acks.alone.p50)} ms | ${fmt(acks.alone.p99)} ms | — | ${acks.alone.failures} |`);
  console.log(
    `| charts render | ${fmt(acks.charting.p50)} ms | ${fmt(acks.charting.p99)} ms | ${acks.uploadedDuringLoad} of ` +
      `${acks.queued} queued in ${fmt(acks.seconds)} s | ${acks.charting.failures} |`,
  );
}
