import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/unit-of-work.ts';
import type { OrgChart } from '../src/domain/org/org-chart.ts';
import { FixedClock } from '../src/lib/clock.ts';
import { listArrears } from '../src/services/deals/list-arrears.ts';
import { listDealsFor } from '../src/services/deals/list-deals.ts';
import { unitsBoard } from '../src/services/deals/units-board.ts';
import { unitsBoardBlocks } from '../src/views/deals/units-board.ts';
import { timed } from './timed.ts';

const iso = (d: Date) => d.toISOString().replace('Z', '+00:00'); // Prisma's SQLite DateTime text
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Writes a site's units, deals and their payments straight into SQLite: `units` units over five
 * buildings, `deals` deals (one customer each, on the units in turn) owned by the salespeople, each
 * with a deposit, a balance and a sign-by item, and `payments` payments spread over the deals. A
 * seventh of the deals have items overdue and open. Bulk inserts, so it takes seconds.
 */
export function seedDeals(
  file: string,
  o: { orgId: number; owners: string[]; units: number; deals: number; payments: number; now: Date },
): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const started = performance.now();
  const at = iso(o.now);
  const unitIds: number[] = [];
  const addUnit = db.prepare(
    `INSERT INTO Unit (orgId, building, number, floor, layout, areaCenti, listPriceCents, state, stateChangedAt,
      createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 8950, 254900000, ?, ?, ?, ?)`,
  );
  const addCustomer = db.prepare(
    `INSERT INTO Customer (orgId, phone, name, ownerId, stage, stageChangedAt, visitCount, firstVisitAt, lastVisitAt,
      reminderLevel, createdAt) VALUES (?, ?, ?, ?, 'reserved', ?, 1, ?, ?, 0, ?)`,
  );
  const addDeal = db.prepare(
    `INSERT INTO Deal (orgId, unitId, customerId, ownerId, stage, stageChangedAt, listPriceCents, priceCents,
      discountCents, depositCents, depositDate, signByDate, createdAt) VALUES (?, ?, ?, ?, ?, ?, 254900000, 254900000,
      0, 5000000, ?, ?, ?)`,
  );
  const addItem = db.prepare(
    `INSERT INTO DealDueItem (orgId, dealId, ownerId, kind, dueDate, amountCents, paidCents, doneAt, reminderLevel)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const addPayment = db.prepare(
    `INSERT INTO DealPayment (orgId, dealId, amountCents, receivedOn, kind, by, at)
      VALUES (?, ?, ?, ?, 'payment', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < o.units; i += 1) {
      const floor = 1 + (Math.floor(i / 10) % 30);
      const building = `B${1 + (Math.floor(i / 300) % 10)}`;
      const row = addUnit.run(
        o.orgId,
        building,
        `${floor}${String(i % 10).padStart(2, '0')}-${i}`,
        floor,
        'A三房',
        i % 5 === 0 ? 'available' : 'contracted',
        at,
        at,
        at,
      );
      unitIds.push(Number(row.lastInsertRowid));
    }
  })();
  const dealIds: number[] = [];
  const batch = db.transaction((start: number, end: number) => {
    for (let i = start; i < end; i += 1) {
      const owner = o.owners[i % o.owners.length];
      const when = new Date(o.now.getTime() - (i % 365) * 86_400_000);
      const customer = addCustomer.run(
        o.orgId,
        `+8618${String(i).padStart(9, '0')}`,
        `客戶${i}`,
        owner,
        iso(when),
        iso(when),
        iso(when),
        iso(when),
      );
      const stage = i % 10 === 0 ? 'reserved' : i % 3 === 0 ? 'sold' : 'contracted';
      const deal = addDeal.run(
        o.orgId,
        unitIds[i % unitIds.length],
        Number(customer.lastInsertRowid),
        owner,
        stage,
        iso(when),
        day(when),
        day(new Date(when.getTime() + 7 * 86_400_000)),
        iso(when),
      );
      const id = Number(deal.lastInsertRowid);
      dealIds.push(id);
      const overdue = i % 7 === 0; // a seventh still owe an item past its date
      const due = day(new Date(o.now.getTime() + (overdue ? -5 : 20) * 86_400_000));
      addItem.run(o.orgId, id, owner, 'deposit', day(when), 5000000, 5000000, iso(when));
      addItem.run(o.orgId, id, owner, 'final', due, 249900000, overdue ? 0 : 249900000, overdue ? null : at);
      addItem.run(o.orgId, id, owner, 'sign_by', due, 0, 0, overdue ? null : at);
    }
  });
  for (let start = 0; start < o.deals; start += 20_000) batch(start, Math.min(o.deals, start + 20_000));
  const pay = db.transaction((start: number, end: number) => {
    for (let i = start; i < end; i += 1) {
      const dealId = dealIds[i % dealIds.length];
      const when = new Date(o.now.getTime() - (i % 365) * 86_400_000);
      addPayment.run(o.orgId, dealId, 100000, day(when), o.owners[0], iso(when));
    }
  });
  for (let start = 0; start < o.payments; start += 100_000) pay(start, Math.min(o.payments, start + 100_000));
  db.exec('ANALYZE');
  db.close();
  return (performance.now() - started) / 1000;
}

export interface DealReadTimes {
  arrears: number[];
  siteList: number[];
  overdueList: number[];
  board: number[];
  boardBlocks: number;
  boardBytes: number;
  arrearsOwners: number;
}

/** `/deal arrears`, `/deal list` (the site's, and overdue) and the board's first page, as the PM asks. */
export async function timeDealReads(db: Db, chart: OrgChart, now: Date): Promise<DealReadTimes> {
  const clock = new FixedClock(now);
  const pm = chart.people.find((p) => p.role === 'project_manager')!.slackId;
  let arrearsOwners = 0;
  const arrears = await timed(async () => {
    arrearsOwners = (await listArrears({ db, clock, chart, viewerId: pm })).size;
  });
  const siteList = await timed(() => listDealsFor({ db, clock, chart, viewerId: pm, words: [] }));
  const overdueList = await timed(() => listDealsFor({ db, clock, chart, viewerId: pm, words: ['overdue'] }));
  let rendered = { blocks: [] as unknown[] };
  const board = await timed(async () => {
    rendered = unitsBoardBlocks(await unitsBoard({ db, chart, viewerId: pm, words: [] }), 'zh-Hant');
  });
  return {
    arrears,
    siteList,
    overdueList,
    board,
    boardBlocks: rendered.blocks.length,
    boardBytes: Buffer.byteLength(JSON.stringify(rendered.blocks)),
    arrearsOwners,
  };
}
