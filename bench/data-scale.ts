import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';

/**
 * Writes `count` approved registrations straight into SQLite (the bot's own tables), spread over
 * the week being analysed, across the org's salespeople. Bulk inserts, so that it takes seconds.
 */
export function seedVisits(file: string, orgId: number, filers: string[], approvers: Record<string, string>, from: Date, count: number): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const started = performance.now();
  const sources = ['walk_in', 'referral', 'online', 'outdoor_ad', 'event', 'phone', 'other'];
  const grades = ['A', 'B', 'C', 'D'];
  const insert = db.prepare(`INSERT INTO Visit (orgId, kind, filerId, approverId, customerName, phone, visitAt, partySize, source, visitType, grade, budget, unitType, notes, account, purpose, outcome, nextStep, status, sourceViewId, version, createdAt, updatedAt)
    VALUES (?, 'property', ?, ?, '客戶', ?, ?, 1, ?, ?, ?, '', '', '', '', '', '', '', 'approved', ?, 1, ?, ?)`);
  const spanMs = 7 * 86_400_000;
  const batch = db.transaction((start: number, end: number) => {
    for (let i = start; i < end; i += 1) {
      const filer = filers[i % filers.length];
      const at = new Date(from.getTime() + Math.floor((i / count) * spanMs)).getTime();
      insert.run(orgId, filer, approvers[filer], `+8613${String(i).padStart(9, '0')}`, at, sources[i % 7], i % 3 === 0 ? 'revisit' : 'first', grades[i % 4], `bench-${i}`, at, at);
    }
  });
  for (let start = 0; start < count; start += 50_000) batch(start, Math.min(count, start + 50_000));
  db.close();
  return (performance.now() - started) / 1000;
}

/** What SQLite plans for the analysis query: the index it uses, as proof the count stays in SQL. */
export function explainAnalysis(file: string): string {
  const db = new Database(file, { readonly: true });
  const plan = db
    .prepare(`EXPLAIN QUERY PLAN SELECT source, grade, visitType, filerId, COUNT(*) FROM Visit WHERE orgId = 1 AND status = 'approved' AND visitAt >= 0 AND visitAt < 1 GROUP BY source, grade, visitType, filerId`)
    .all() as { detail: string }[];
  db.close();
  return plan.map((row) => row.detail).join('; ');
}
