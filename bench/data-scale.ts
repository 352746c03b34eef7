import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { formatDate } from '../src/lib/format-time.ts';

/**
 * Writes `count` approved registrations straight into SQLite (the bot's own tables), spread over
 * the week being analysed, across the org's salespeople. Bulk inserts, so that it takes seconds.
 */
export function seedVisits(
  file: string,
  orgId: number,
  filers: string[],
  approvers: Record<string, string>,
  from: Date,
  count: number,
  timeZone = 'Asia/Shanghai',
): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const started = performance.now();
  const sources = ['walk_in', 'referral', 'online', 'outdoor_ad', 'event', 'phone', 'other'];
  const grades = ['A', 'B', 'C', 'D'];
  const insert = db.prepare(
    `INSERT INTO Visit (orgId, kind, filerId, approverId, customerName, phone, visitAt, partySize, source, ` +
      `visitType, grade, budget, unitType, notes, account, purpose, outcome, nextStep, status, sourceViewId, ` +
      `version, number, createdAt, updatedAt)
    VALUES (?, 'property', ?, ?, '客戶', ?, ?, 1, ?, ?, ?, '', '', '',` +
      ` '', '', '', '', 'approved', ?, 1, ?, ?, ?)`,
  );
  // registrations are numbered per organisation, after any the load test filed
  const firstNumber =
    (db.prepare('SELECT COALESCE(MAX(number), 0) AS n FROM Visit WHERE orgId = ?').get(orgId) as { n: number }).n + 1;
  const spanMs = 7 * 86_400_000;
  // the per-day counts that approval keeps (VisitDayCount), built alongside as approvals would
  const dayCounts = new Map<string, number>();
  // and the per-day filing counts that filing keeps (VisitFilingDayCount)
  const filedCounts = new Map<string, number>();
  const dayOfHour = new Map<number, string>(); // every zone changes day on a quarter hour
  const batch = db.transaction((start: number, end: number) => {
    for (let i = start; i < end; i += 1) {
      const filer = filers[i % filers.length];
      const when = new Date(from.getTime() + Math.floor((i / count) * spanMs));
      // Prisma keeps SQLite DateTime values as ISO text with an explicit offset
      const at = when.toISOString().replace('Z', '+00:00');
      const [source, grade, visitType] = [sources[i % 7], grades[i % 4], i % 3 === 0 ? 'revisit' : 'first'];
      insert.run(
        orgId,
        filer,
        approvers[filer],
        `+8613${String(i).padStart(9, '0')}`,
        at,
        source,
        visitType,
        grade,
        `bench-${i}`,
        firstNumber + i,
        at,
        at,
      );
      const hour = Math.floor(when.getTime() / 900_000);
      let day = dayOfHour.get(hour);
      if (!day) {
        day = formatDate(when, timeZone);
        dayOfHour.set(hour, day);
      }
      const key = [day, source, grade, visitType, filer].join('|');
      dayCounts.set(key, (dayCounts.get(key) ?? 0) + 1);
      // filed when visited here: the filing's day is the visit's
      const filed = [filer, day].join('|');
      filedCounts.set(filed, (filedCounts.get(filed) ?? 0) + 1);
    }
  });
  for (let start = 0; start < count; start += 50_000) batch(start, Math.min(count, start + 50_000));
  db.prepare(
    'INSERT INTO VisitCounter (orgId, last) VALUES (?, ?) ON CONFLICT (orgId) DO UPDATE SET last = excluded.last',
  ).run(orgId, firstNumber + count - 1);
  const insertCount = db.prepare(
    'INSERT INTO VisitDayCount (orgId, day, source, grade, visitType, filerId, count) VALUES (?, ?, ?, ?, ?, ?, ?)' +
      ' ON CONFLICT DO UPDATE SET count = count + excluded.count',
  );
  const insertFiled = db.prepare(
    'INSERT INTO VisitFilingDayCount (orgId, filerId, day, count) VALUES (?, ?, ?, ?) ' +
      'ON CONFLICT DO UPDATE SET count = count + excluded.count',
  );
  db.transaction(() => {
    for (const [key, n] of dayCounts) insertCount.run(orgId, ...key.split('|'), n);
    for (const [key, n] of filedCounts) insertFiled.run(orgId, ...key.split('|'), n);
  })();
  db.close();
  return (performance.now() - started) / 1000;
}

/** What SQLite plans for the analysis query: the index it uses, as proof the count stays in SQL. */
export function explainAnalysis(file: string): string {
  const db = new Database(file, { readonly: true });
  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT source, grade, visitType, filerId, SUM(count) FROM VisitDayCount WHERE orgId = 1 ` +
        `AND day >= '2026-11-23' AND day < '2026-11-30' GROUP BY source, grade, visitType, filerId`,
    )
    .all() as { detail: string }[];
  db.close();
  return plan.map((row) => row.detail).join('; ');
}
