import type Database from 'better-sqlite3';
import { formatDate } from '../lib/format-time.ts';
import type { Provider } from './database.ts';

/**
 * A migration renamed after it was committed. A database that applied it under its former name
 * must not run it again (its tables exist): it runs `bridge`, what the new version does
 * differently, and the former row is marked rolled back so Prisma's CLI sees only the new name.
 */
export interface RenamedMigration {
  name: string;
  formerly: string;
  bridge: Record<Provider, string>;
}

// 86117b6 committed it as 20261126170726; 236d255 renamed it and widened one index by "status".
const VISIT_INDEX_BRIDGE =
  'DROP INDEX "Visit_orgId_visitAt_source_grade_visitType_filerId_idx";\n' +
  'CREATE INDEX "Visit_orgId_status_visitAt_source_grade_visitType_filerId_idx" ' +
  'ON "Visit"("orgId", "status", "visitAt", "source", "grade", "visitType", "filerId");';

export const RENAMED_MIGRATIONS: RenamedMigration[] = [
  {
    name: '20261126171305_visits_customers_jobs',
    formerly: '20261126170726_visits_customers_jobs',
    bridge: { sqlite: VISIT_INDEX_BRIDGE, postgres: VISIT_INDEX_BRIDGE },
  },
];

/** The renaming whose former name this database applied, if `name` is one. */
export function renamedFrom(name: string, applied: Map<string, string>): RenamedMigration | undefined {
  return RENAMED_MIGRATIONS.find((r) => r.name === name && applied.has(r.formerly) && !applied.has(r.name));
}

/**
 * Work a SQLite migration's SQL cannot do, run right after it in its transaction: SQLite has no
 * time zones, and VisitDayCount's day is the organisation's local day (PostgreSQL's migration
 * does the same in SQL with AT TIME ZONE).
 */
export const SQLITE_DATA_STEPS: Record<string, (db: Database.Database) => void> = {
  '20261127090000_backfill_visit_day_counts': recountVisitDays,
  '20261127110329_visit_filing_day_counts': countFilingDays,
};

function recountVisitDays(db: Database.Database): void {
  const counts = new Map<string, { row: unknown[]; count: number }>();
  const approved =
    db.prepare(`SELECT v."orgId", v."visitAt", v."source", v."grade", v."visitType", v."filerId", o."timezone"
    FROM "Visit" v JOIN "Organisation" o ON o."id" = v."orgId" WHERE v."status" = 'approved'`);
  for (const v of approved.iterate() as Iterable<Record<string, string | number>>) {
    const row = [
      v.orgId,
      formatDate(new Date(v.visitAt), String(v.timezone)),
      v.source,
      v.grade,
      v.visitType,
      v.filerId,
    ];
    const key = JSON.stringify(row);
    const entry = counts.get(key) ?? { row, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  db.exec('DELETE FROM "VisitDayCount"');
  const insert = db.prepare(
    'INSERT INTO "VisitDayCount" ("orgId", "day", "source", "grade", "visitType", "filerId", "count") ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const { row, count } of counts.values()) insert.run(...row, count);
}

/** VisitFilingDayCount from "Visit": every registration on its local day of filing. */
function countFilingDays(db: Database.Database): void {
  const filed = db.prepare(`SELECT v."orgId", v."filerId", v."createdAt", o."timezone"
    FROM "Visit" v JOIN "Organisation" o ON o."id" = v."orgId"`);
  const counts = new Map<string, { row: unknown[]; count: number }>();
  for (const v of filed.iterate() as Iterable<Record<string, string | number>>) {
    const row = [v.orgId, v.filerId, formatDate(new Date(v.createdAt), String(v.timezone))];
    const key = JSON.stringify(row);
    const entry = counts.get(key) ?? { row, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const insert = db.prepare(
    `INSERT INTO "VisitFilingDayCount" ("orgId", "filerId", "day", "count") VALUES (?, ?, ?, ?)`,
  );
  for (const { row, count } of counts.values()) insert.run(...row, count);
}
