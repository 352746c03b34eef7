import { sql } from './sql/sql-query.ts';
import { withLateNumbers } from './delivery/late-numbers.ts';
import type { DbLike } from './sql/sql-runner.ts';
import { asWrite, writeTogether, type Write } from './sql/write-together.ts';

export interface AuditRecord {
  orgId: number;
  actor: string;
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
  at: Date;
}

/**
 * Approvals, rulings, target changes and reloads: who, what, when. Nobody reads it back in the unit:
 * inside a unit on PostgreSQL it goes with the unit's next statement or its COMMIT (writeTogether).
 */
export async function recordAudit(db: DbLike, record: AuditRecord): Promise<void> {
  await writeTogether(db, [auditWrite(record)]);
}

/** recordAudit as a write to send with others (writeTogether). */
export function auditWrite(record: AuditRecord): Write {
  return asWrite(sql`
    INSERT INTO "AuditEntry" ("orgId", "actor", "action", "subject", "detail", "at")
    VALUES (${record.orgId}, ${record.actor}, ${record.action}, ${withLateNumbers(record.subject)},
    ${JSON.stringify(record.detail ?? {})}, ${record.at})`);
}
