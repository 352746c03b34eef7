import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';

const CATEGORIES = ['osb_order', 'osb_billing', 'osb_shipment', 'market', 'complaint', 'internal', 'product'];
const STATUSES = ['resolved', 'resolved', 'resolved', 'acknowledged', 'open'];

/**
 * Writes `count` issue reports straight into SQLite over the year before `until`: a mix of OSB and
 * other categories, most resolved, as a year of a busy department would leave them.
 */
export function seedIssues(
  file: string,
  orgId: number,
  reporters: string[],
  handlers: Record<string, string>,
  until: Date,
  count: number,
): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const started = performance.now();
  const year = until.getUTCFullYear();
  const firstSeq =
    Number(
      (
        db
          .prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM IssueReport WHERE orgId = ? AND year = ?')
          .get(orgId, year) as { seq: number }
      ).seq,
    ) + 1;
  const insert = db.prepare(
    `INSERT INTO IssueReport (orgId, number, year, seq, reporterId, category, severity, title, description, ` +
      `subject, status, handlerId, escalationLevel, ackDeadlineAt, sourceViewId, createdAt, updatedAt)
    VALUES ` +
      `(?, ?, ?, ?, ?, ?, 'normal', '壓測問題', '', '', ?, ?, 0, ?, ?, ?, ?)`,
  );
  const spanMs = 365 * 86_400_000;
  const batch = db.transaction((start: number, end: number) => {
    for (let i = start; i < end; i += 1) {
      const reporter = reporters[i % reporters.length];
      const category = CATEGORIES[i % CATEGORIES.length];
      const when = new Date(until.getTime() - spanMs + Math.floor((i / count) * spanMs));
      const at = when.toISOString().replace('Z', '+00:00');
      const deadline = new Date(when.getTime() + 2 * 86_400_000).toISOString().replace('Z', '+00:00');
      const seq = firstSeq + i;
      const number = `${category.startsWith('osb_') ? 'OSB' : 'ISS'}-${year}-${String(seq).padStart(4, '0')}`;
      insert.run(
        orgId,
        number,
        year,
        seq,
        reporter,
        category,
        STATUSES[i % STATUSES.length],
        handlers[reporter],
        deadline,
        `bench-issue-${i}`,
        at,
        at,
      );
    }
  });
  for (let start = 0; start < count; start += 50_000) batch(start, Math.min(count, start + 50_000));
  db.close();
  return (performance.now() - started) / 1000;
}

/** What SQLite plans for the statements behind a digest, the evening summary, the export and the OSB register. */
export function explainReads(file: string, subtree: string[]): Record<string, string> {
  const db = new Database(file, { readonly: true });
  const list = subtree.map(() => '?').join(', ');
  const since = '2026-11-19T00:00:00.000+00:00';
  const statements: Record<string, [string, unknown[]]> = {
    'digest: new registrations, the days after the first': [
      `SELECT SUM(count) FROM VisitFilingDayCount WHERE orgId = 1 AND filerId IN (${list}) AND day > ?`,
      [...subtree, '2026-11-19'],
    ],
    'digest: new registrations, the rest of the first day': [
      `SELECT COUNT(*) FROM Visit WHERE orgId = 1 AND filerId IN (${list}) AND createdAt >= ? AND createdAt < ?`,
      [...subtree, since, '2026-11-19T16:00:00.000+00:00'],
    ],
    'digest: new issues': [
      `SELECT COUNT(*) FROM IssueReport WHERE orgId = 1 AND reporterId IN (${list}) AND createdAt >= ?`,
      [...subtree, since],
    ],
    'digest: open issues': [
      `SELECT COUNT(*) FROM IssueReport WHERE orgId = 1 AND reporterId IN (${list}) AND status IN ('open', ` +
        `'acknowledged')`,
      [...subtree],
    ],
    'evening summary: approved in a day': [
      `SELECT * FROM Visit WHERE orgId = 1 AND status = 'approved' AND decidedAt >= ? AND decidedAt < ? ORDER BY ` +
        `visitAt`,
      ['2026-11-25T16:00:00.000+00:00', '2026-11-26T16:00:00.000+00:00'],
    ],
    'CSV export: a period': [
      `SELECT * FROM Visit WHERE orgId = 1 AND visitAt >= ? AND visitAt < ? AND filerId IN (${list}) ORDER BY visitAt`,
      ['2026-11-01T00:00:00.000+00:00', '2026-12-01T00:00:00.000+00:00', ...subtree],
    ],
    'OSB register: opened in the month': [
      `SELECT COUNT(*) FROM IssueReport WHERE orgId = 1 AND category IN ('osb_order', 'osb_shipment', 'osb_billing') ` +
        `AND createdAt >= ? AND createdAt < ?`,
      [since, '2026-12-01T00:00:00.000+00:00'],
    ],
    'OSB register: still open': [
      `SELECT * FROM IssueReport WHERE orgId = 1 AND status <> 'resolved' AND category LIKE 'osb_%' ORDER BY ` +
        `createdAt LIMIT 500`,
      [],
    ],
  };
  const plans: Record<string, string> = {};
  for (const [name, [text, args]] of Object.entries(statements)) {
    plans[name] = (db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...args) as { detail: string }[])
      .map((row) => row.detail)
      .join('; ');
  }
  db.close();
  return plans;
}
