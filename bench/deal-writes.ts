// Reserving a unit (認購) and recording a payment (回款) through signed requests at 32 concurrent, against a
// bare Bolt app taking the same signed traffic in the same run, on SQLite and on PostgreSQL (issue 15).
// Goal: at least 30% of bare Bolt's throughput. BENCH_ONLY=deal-writes runs it alone.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase } from '../src/db/database.ts';
import type { FakeSlack } from '../src/fake-slack/fake-slack-server.ts';
import { SlackDriver } from '../src/fake-slack/slack-driver.ts';
import { formatDate } from '../src/lib/format-time.ts';
import { payModal } from '../src/views/deals/deal-modals.ts';
import { reserveModal } from '../src/views/deals/reserve-modal.ts';
import { startChild } from './children.ts';
import { runLoad, type LoadResult } from './load.ts';
import { benchEnv } from './postgres.ts';
import { onOwnPostgresDatabase } from './throwaway-postgres.ts';
import { scaled } from './scale.ts';

const OWNERS = ['U0SALES001', 'U0SALES002', 'U0SALES003'];
const DAY = 86_400_000;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

interface Target {
  unitId: number;
  customerId: number;
  owner: string;
  dealId: number;
}

/** The 認購 modal's submission for target `t`: list price, a deposit of 50,000 today, sign-by in 7 days. */
function reservation(driver: SlackDriver, t: Target, i: number): Record<string, unknown> {
  const today = formatDate(new Date(), 'Asia/Shanghai');
  const signBy = formatDate(new Date(Date.now() + 7 * DAY), 'Asia/Shanghai');
  const unit = { id: t.unitId, building: 'W', number: String(i), layout: 'A三房', listPriceCents: 254_900_000 };
  const view = reserveModal({
    locale: 'zh-Hant',
    currency: 'CNY',
    customer: { id: t.customerId, name: `客戶${i}` },
    customers: [],
    units: [unit],
    today,
    signBy,
  });
  const id = `VRES${t.unitId}`;
  return driver.viewSubmissionPayload(
    t.owner,
    { id, user: t.owner, hash: `h${i}`, view: { ...view, id } },
    { unit: String(t.unitId), deposit: '50,000', depositDate: today, signBy },
  );
}

/** The 回款 modal's submission: 1,000 received today against the deal's deposit. */
function payment(driver: SlackDriver, t: Target, i: number): Record<string, unknown> {
  const today = formatDate(new Date(), 'Asia/Shanghai');
  const view = payModal({ locale: 'zh-Hant', dealId: t.dealId, today, summary: '' });
  const id = `VPAY${t.dealId}`;
  return driver.viewSubmissionPayload(
    t.owner,
    { id, user: t.owner, hash: `p${i}`, view: { ...view, id } },
    { amount: '1,000', receivedOn: today },
  );
}

type Pair = { reserve: LoadResult; pay: LoadResult };

let shown = false;
/** An answer with field errors is a failure too (the modal stayed open): the first one is shown. */
function statusOf(r: { status: number; json?: Record<string, unknown> }): number {
  if (!r.json?.errors) return r.status;
  if (!shown) console.log(`refused: ${JSON.stringify(r.json.errors)}`);
  shown = true;
  return 422;
}

async function drive(port: number, o: { fake: FakeSlack; secret: string }, targets: () => Promise<Target[]>) {
  const driver = new SlackDriver({
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: o.secret,
    fake: o.fake,
  });
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  // warm up both servers alike: the same command as the main paths' warm-up
  await runLoad(scaled(200), 8, () => driver.command(OWNERS[0], '/org').then((r) => r.status));
  const before = await targets();
  const reserve = await runLoad(before.length, concurrency, (i) =>
    driver.interaction(reservation(driver, before[i], i)).then(statusOf),
  );
  const after = await targets();
  const pay = await runLoad(after.length, concurrency, (i) =>
    driver.interaction(payment(driver, after[i], i)).then(statusOf),
  );
  return { reserve, pay };
}

/** Bench units W/<i> and one customer each, owned by the salespeople in turn; the targets in that order. */
async function seedTargets(databaseUrl: string, count: number): Promise<() => Promise<Target[]>> {
  const db = createDatabase(databaseUrl);
  const now = new Date();
  const orgId = (await db.organisation.findFirstOrThrow()).id;
  await db.unit.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      orgId,
      building: 'W',
      number: String(i),
      floor: 1 + (i % 30),
      layout: 'A三房',
      areaCenti: 8950,
      listPriceCents: 254_900_000n,
      state: 'available',
      stateChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  });
  await db.customer.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      orgId,
      phone: `+86177${String(i).padStart(8, '0')}`,
      name: `客戶${i}`,
      ownerId: OWNERS[i % OWNERS.length],
      stage: 'visiting',
      stageChangedAt: now,
      visitCount: 1,
      firstVisitAt: now,
      lastVisitAt: now,
      createdAt: now,
    })),
  });
  await db.$disconnect();
  return async () => {
    const reader = createDatabase(databaseUrl);
    try {
      const units = await reader.unit.findMany({ where: { building: 'W' }, select: { id: true, number: true } });
      const customers = await reader.customer.findMany({
        where: { phone: { startsWith: '+86177' } },
        select: { id: true, phone: true, ownerId: true },
      });
      const deals = new Map(
        (await reader.deal.findMany({ select: { id: true, unitId: true } })).map((d) => [d.unitId, d.id]),
      );
      const customerOf = new Map(customers.map((c) => [Number(c.phone.slice(6)), c]));
      return units
        .map((u) => ({ u, i: Number(u.number) }))
        .sort((a, b) => a.i - b.i)
        .map(({ u, i }) => ({
          unitId: u.id,
          customerId: customerOf.get(i)!.id,
          owner: customerOf.get(i)!.ownerId,
          dealId: deals.get(u.id) ?? 0,
        }));
    } finally {
      await reader.$disconnect();
    }
  };
}

async function onBot(o: { fake: FakeSlack; secret: string; token: string }, databaseUrl: string, count: number) {
  const env = { ...benchEnv(o), DATABASE_URL: databaseUrl };
  const first = await startChild('bench/serve-bot.ts', env); // migrates and imports the org
  await first.stop();
  const targets = await seedTargets(databaseUrl, count);
  const bot = await startChild('bench/serve-bot.ts', env);
  const result = await drive(bot.port, o, targets).finally(() => bot.stop());
  const db = createDatabase(databaseUrl);
  const stored = { deals: await db.deal.count(), payments: await db.dealPayment.count() };
  await db.$disconnect();
  return { ...result, stored };
}

export async function runDealWritesBench(o: { fake: FakeSlack; secret: string; token: string }): Promise<void> {
  const count = scaled(Number(process.env.BENCH_DEAL_REQUESTS ?? 2000));
  const sides = (process.env.BENCH_DEALS_DATABASES ?? 'sqlite,postgres').split(',');
  // bare Bolt answers the very same submissions (ids of its own: it stores nothing)
  const bareTargets = async () =>
    Array.from({ length: count }, (_, i) => ({
      unitId: i + 1,
      customerId: i + 1,
      owner: OWNERS[i % 3],
      dealId: i + 1,
    }));
  const bareServer = await startChild('bench/serve-bare-bolt.ts', { SLACK_SIGNING_SECRET: o.secret });
  const bare: Pair = await drive(bareServer.port, o, bareTargets).finally(() => bareServer.stop());
  const rows: [string, Pair & { stored: { deals: number; payments: number } }][] = [];
  if (sides.includes('sqlite')) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'salesbot-bench-dw-'));
    try {
      rows.push(['SQLite', await onBot(o, `file:${path.join(dir, 'dw.db')}`, count)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (sides.includes('postgres'))
    rows.push(['PostgreSQL', await onOwnPostgresDatabase('bench_dw', (url) => onBot(o, url, count))]);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  console.log(`\nDeal writes: ${count} reservations, then a payment on each, signed, at ${concurrency} concurrent:`);
  console.log(
    '| path | database | bare Bolt | bot | bot/bare | bare p50/p99 | bot p50/p99 | failures | stored | goal |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [db, r] of rows)
    for (const [label, a, b, stored] of [
      ['認購 reserve a unit', bare.reserve, r.reserve, `${r.stored.deals} deals`],
      ['回款 record a payment', bare.pay, r.pay, `${r.stored.payments} payments`],
    ] as const) {
      const ratio = (b.throughput / a.throughput) * 100;
      console.log(
        `| ${label} | ${db} | ${fmt(a.throughput, 0)}/s | ${fmt(b.throughput, 0)}/s | ${fmt(ratio, 0)}% ` +
          `(${ratio >= 30 ? 'met' : 'MISSED'}) | ${fmt(a.p50)} / ${fmt(a.p99)} ms | ${fmt(b.p50)} / ${fmt(b.p99)} ms ` +
          `| ${a.failures}/${b.failures} | ${stored} | ≥ 30% of bare |`,
      );
    }
}
